CREATE TABLE "groupes_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"groupe_instructeur_id" integer,
	"administrateur_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"file_key" text,
	"total_count" integer NOT NULL,
	"processed_count" integer DEFAULT 0 NOT NULL,
	"groupes_created" integer DEFAULT 0 NOT NULL,
	"memberships_added" integer DEFAULT 0 NOT NULL,
	"instructeurs_added" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "groupes_imports" ADD CONSTRAINT "groupes_imports_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_imports" ADD CONSTRAINT "groupes_imports_groupe_instructeur_id_groupes_instructeurs_id_fk" FOREIGN KEY ("groupe_instructeur_id") REFERENCES "public"."groupes_instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_imports" ADD CONSTRAINT "groupes_imports_administrateur_id_administrateurs_id_fk" FOREIGN KEY ("administrateur_id") REFERENCES "public"."administrateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_imports" ADD CONSTRAINT "groupes_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "groupes_imports_demarche_idx" ON "groupes_imports" USING btree ("demarche_id","id");--> statement-breakpoint
CREATE INDEX "groupes_imports_file_key_idx" ON "groupes_imports" USING btree ("file_key");