ALTER TABLE "demarches" ADD COLUMN "instructeurs_self_management_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD COLUMN "contact_information" jsonb;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD COLUMN "signature_attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD CONSTRAINT "groupes_instructeurs_signature_attachment_id_attachments_id_fk" FOREIGN KEY ("signature_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;