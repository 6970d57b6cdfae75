CREATE TABLE "groupe_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"groupe_id" integer,
	"administrateur_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"file_key" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"processed_count" integer DEFAULT 0 NOT NULL,
	"total_count" integer,
	"groupes_created" integer,
	"memberships_added" integer,
	"refusals" jsonb,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "instructeurs_self_management_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD COLUMN "contact_information" jsonb;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD COLUMN "signature_attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "groupe_imports" ADD CONSTRAINT "groupe_imports_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupe_imports" ADD CONSTRAINT "groupe_imports_groupe_id_groupes_instructeurs_id_fk" FOREIGN KEY ("groupe_id") REFERENCES "public"."groupes_instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupe_imports" ADD CONSTRAINT "groupe_imports_administrateur_id_administrateurs_id_fk" FOREIGN KEY ("administrateur_id") REFERENCES "public"."administrateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupe_imports" ADD CONSTRAINT "groupe_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "groupe_imports_demarche_idx" ON "groupe_imports" USING btree ("demarche_id","id");--> statement-breakpoint
CREATE INDEX "groupe_imports_file_key_idx" ON "groupe_imports" USING btree ("file_key");--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD CONSTRAINT "groupes_instructeurs_signature_attachment_id_attachments_id_fk" FOREIGN KEY ("signature_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;