CREATE TABLE "batch_operation_items" (
	"batch_operation_id" integer NOT NULL,
	"dossier_id" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"refusal_code" text,
	"refusal_params" jsonb,
	"processed_at" timestamp with time zone,
	CONSTRAINT "batch_operation_items_batch_operation_id_dossier_id_pk" PRIMARY KEY("batch_operation_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "batch_operations" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"instructeur_id" integer NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "batch_operation_items" ADD CONSTRAINT "batch_operation_items_batch_operation_id_batch_operations_id_fk" FOREIGN KEY ("batch_operation_id") REFERENCES "public"."batch_operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_operation_items" ADD CONSTRAINT "batch_operation_items_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_operations" ADD CONSTRAINT "batch_operations_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_operations" ADD CONSTRAINT "batch_operations_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "batch_operation_items_running_dossier_key" ON "batch_operation_items" USING btree ("dossier_id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "batch_operation_items_dossier_idx" ON "batch_operation_items" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "batch_operations_instructeur_idx" ON "batch_operations" USING btree ("instructeur_id","demarche_id","id");