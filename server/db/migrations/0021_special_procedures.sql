ALTER TABLE "demarches" ADD COLUMN "declarative_with_state" text;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "sva_svr" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "accuse_lecture" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sva_svr_decision_on" date;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "sva_svr_decision_triggered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "declarative_triggered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "accuse_lecture_agreement_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossiers_sva_svr_idx" ON "dossiers" USING btree ("demarche_id","id") WHERE state in ('en_construction', 'en_instruction') and sva_svr_decision_triggered_at is null;