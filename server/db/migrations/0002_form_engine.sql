CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"checksum" text NOT NULL,
	"purpose" text NOT NULL,
	"dossier_id" integer,
	"stable_id" integer,
	"row_id" text DEFAULT '' NOT NULL,
	"type_de_champ_id" integer,
	"uploaded_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "prefilled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "prefill_token" text;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "ineligibilite_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "ineligibilite_message" text;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "ineligibilite_rules" jsonb;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_type_de_champ_id_types_de_champ_id_fk" FOREIGN KEY ("type_de_champ_id") REFERENCES "public"."types_de_champ"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_storage_key_idx" ON "attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "attachments_dossier_idx" ON "attachments" USING btree ("dossier_id","stable_id","row_id");--> statement-breakpoint
CREATE INDEX "attachments_type_de_champ_idx" ON "attachments" USING btree ("type_de_champ_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_prefill_token_key" ON "dossiers" USING btree ("prefill_token");