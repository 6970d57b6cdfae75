CREATE TABLE "exports" (
	"id" serial PRIMARY KEY NOT NULL,
	"instructeur_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"format" text NOT NULL,
	"scope" jsonb NOT NULL,
	"key" text NOT NULL,
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
ALTER TABLE "exports" ADD CONSTRAINT "exports_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exports_instructeur_demarche_idx" ON "exports" USING btree ("instructeur_id","demarche_id","created_at");--> statement-breakpoint
CREATE INDEX "exports_key_idx" ON "exports" USING btree ("instructeur_id","key","created_at");--> statement-breakpoint
CREATE INDEX "exports_file_key_idx" ON "exports" USING btree ("file_key");