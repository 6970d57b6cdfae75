CREATE TABLE "demarche_paths" (
	"path" text PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" serial PRIMARY KEY NOT NULL,
	"administrateur_id" integer NOT NULL,
	"nom" text NOT NULL,
	"organisme" text NOT NULL,
	"type_organisme" text NOT NULL,
	"siret" text,
	"email" text NOT NULL,
	"telephone" text NOT NULL,
	"horaires" text NOT NULL,
	"adresse" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "demarche_id" integer;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "description_target_audience" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "description_pj" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "lien_site_web" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "lien_notice" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "message_fin_depot" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "estimated_duration_visible" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "service_id" integer;--> statement-breakpoint
ALTER TABLE "demarche_paths" ADD CONSTRAINT "demarche_paths_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_administrateur_id_administrateurs_id_fk" FOREIGN KEY ("administrateur_id") REFERENCES "public"."administrateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demarche_paths_demarche_idx" ON "demarche_paths" USING btree ("demarche_id");--> statement-breakpoint
CREATE INDEX "services_administrateur_idx" ON "services" USING btree ("administrateur_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demarches" ADD CONSTRAINT "demarches_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_demarche_idx" ON "attachments" USING btree ("demarche_id");--> statement-breakpoint
CREATE INDEX "demarches_service_idx" ON "demarches" USING btree ("service_id");--> statement-breakpoint
INSERT INTO "demarche_paths" ("path", "demarche_id") SELECT "path", "id" FROM "demarches" WHERE "path" IS NOT NULL ON CONFLICT DO NOTHING;
