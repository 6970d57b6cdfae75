CREATE TABLE "avis" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"experts_procedure_id" integer NOT NULL,
	"claimant_instructeur_id" integer,
	"claimant_expert_id" integer,
	"introduction" text NOT NULL,
	"confidentiel" boolean DEFAULT false NOT NULL,
	"annotations_visible" boolean DEFAULT false NOT NULL,
	"question_label" text,
	"question_answer" boolean,
	"answer" text,
	"answered_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts_procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"expert_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"allow_decision_access" boolean DEFAULT false NOT NULL,
	"listed_by_administrateur" boolean DEFAULT false NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "avis_id" integer;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "allow_expert_review" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "experts_require_administrateur_invitation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "avis" ADD CONSTRAINT "avis_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avis" ADD CONSTRAINT "avis_experts_procedure_id_experts_procedures_id_fk" FOREIGN KEY ("experts_procedure_id") REFERENCES "public"."experts_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avis" ADD CONSTRAINT "avis_claimant_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("claimant_instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avis" ADD CONSTRAINT "avis_claimant_expert_id_experts_id_fk" FOREIGN KEY ("claimant_expert_id") REFERENCES "public"."experts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts_procedures" ADD CONSTRAINT "experts_procedures_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts_procedures" ADD CONSTRAINT "experts_procedures_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "avis_dossier_idx" ON "avis" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "avis_experts_procedure_idx" ON "avis" USING btree ("experts_procedure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_procedures_expert_demarche_key" ON "experts_procedures" USING btree ("expert_id","demarche_id");--> statement-breakpoint
CREATE INDEX "experts_procedures_demarche_idx" ON "experts_procedures" USING btree ("demarche_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_avis_id_avis_id_fk" FOREIGN KEY ("avis_id") REFERENCES "public"."avis"("id") ON DELETE cascade ON UPDATE no action;