CREATE TABLE "commentaires" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"author_kind" text NOT NULL,
	"author_user_id" integer,
	"instructeur_id" integer,
	"expert_id" integer,
	"email" text NOT NULL,
	"body" text NOT NULL,
	"discarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"commentaire_id" integer NOT NULL,
	"reason" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "commentaire_id" integer;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_corrections" ADD CONSTRAINT "dossier_corrections_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_corrections" ADD CONSTRAINT "dossier_corrections_commentaire_id_commentaires_id_fk" FOREIGN KEY ("commentaire_id") REFERENCES "public"."commentaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commentaires_dossier_idx" ON "commentaires" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_corrections_commentaire_key" ON "dossier_corrections" USING btree ("commentaire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_corrections_pending_key" ON "dossier_corrections" USING btree ("dossier_id") WHERE resolved_at is null;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_commentaire_id_commentaires_id_fk" FOREIGN KEY ("commentaire_id") REFERENCES "public"."commentaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_commentaire_idx" ON "attachments" USING btree ("commentaire_id");