CREATE TABLE "export_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"groupe_instructeur_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by_instructeur_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_templates" ADD CONSTRAINT "export_templates_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_templates" ADD CONSTRAINT "export_templates_groupe_instructeur_id_groupes_instructeurs_id_fk" FOREIGN KEY ("groupe_instructeur_id") REFERENCES "public"."groupes_instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_templates" ADD CONSTRAINT "export_templates_created_by_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("created_by_instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_templates_groupe_idx" ON "export_templates" USING btree ("groupe_instructeur_id");--> statement-breakpoint
CREATE INDEX "export_templates_demarche_idx" ON "export_templates" USING btree ("demarche_id");