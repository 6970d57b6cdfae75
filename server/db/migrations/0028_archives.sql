CREATE TABLE "archives" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"month" text NOT NULL,
	"requested_by_administrateur_id" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"file_key" text,
	"byte_size" bigint,
	"filename" text,
	"processed_count" integer DEFAULT 0 NOT NULL,
	"total_count" integer,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "archives" ADD CONSTRAINT "archives_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archives" ADD CONSTRAINT "archives_requested_by_administrateur_id_administrateurs_id_fk" FOREIGN KEY ("requested_by_administrateur_id") REFERENCES "public"."administrateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archives_demarche_month_idx" ON "archives" USING btree ("demarche_id","month","created_at");--> statement-breakpoint
CREATE INDEX "archives_file_key_idx" ON "archives" USING btree ("file_key");