CREATE TABLE "dossier_invites" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"email" text NOT NULL,
	"inviter_user_id" integer,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_transfer_items" (
	"transfer_id" integer NOT NULL,
	"dossier_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_user_id" integer NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unconfirmed_email" text;--> statement-breakpoint
ALTER TABLE "dossier_invites" ADD CONSTRAINT "dossier_invites_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_invites" ADD CONSTRAINT "dossier_invites_inviter_user_id_users_id_fk" FOREIGN KEY ("inviter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transfer_items" ADD CONSTRAINT "dossier_transfer_items_transfer_id_dossier_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."dossier_transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transfer_items" ADD CONSTRAINT "dossier_transfer_items_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_transfers" ADD CONSTRAINT "dossier_transfers_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_invites_dossier_email_key" ON "dossier_invites" USING btree ("dossier_id","email");--> statement-breakpoint
CREATE INDEX "dossier_invites_email_idx" ON "dossier_invites" USING btree ("email","dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_transfer_items_dossier_key" ON "dossier_transfer_items" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_transfer_items_transfer_idx" ON "dossier_transfer_items" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "dossier_transfers_email_idx" ON "dossier_transfers" USING btree ("email");--> statement-breakpoint
CREATE INDEX "dossier_transfers_created_idx" ON "dossier_transfers" USING btree ("created_at");