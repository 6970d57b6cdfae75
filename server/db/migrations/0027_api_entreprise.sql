CREATE TABLE "etablissements" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"siret" text NOT NULL,
	"data" jsonb,
	"degraded_since" timestamp with time zone,
	"fetch_attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"fetched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "for_tiers_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "for_tiers" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "mandataire_first_name" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "mandataire_last_name" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "beneficiaire_email" text;--> statement-breakpoint
ALTER TABLE "etablissements" ADD CONSTRAINT "etablissements_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "etablissements_dossier_key" ON "etablissements" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "etablissements_degraded_idx" ON "etablissements" USING btree ("degraded_since") WHERE degraded_since is not null;