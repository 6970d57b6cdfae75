ALTER TABLE "demarches" ADD COLUMN "unpublished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "auto_archive_on" date;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "replaced_by_demarche_id" integer;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "closing_reason" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "closing_details" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "closing_notification_brouillon" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "closing_notification_en_cours" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "parent_demarche_id" integer;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "cloned_from_model" text;--> statement-breakpoint
CREATE INDEX "demarches_auto_archive_on_idx" ON "demarches" USING btree ("auto_archive_on");