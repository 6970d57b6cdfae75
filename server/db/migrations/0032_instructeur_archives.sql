ALTER TABLE "archives" ADD COLUMN "requested_by_instructeur_id" integer;--> statement-breakpoint
ALTER TABLE "archives" ADD COLUMN "groupe_ids" integer[];--> statement-breakpoint
ALTER TABLE "archives" ADD CONSTRAINT "archives_requested_by_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("requested_by_instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE set null ON UPDATE no action;