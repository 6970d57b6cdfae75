CREATE TABLE "administrateurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "administrateurs_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"administrateur_id" integer NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"allowed_demarche_ids" integer[],
	"write_access" boolean DEFAULT true NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "champs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"stream" text DEFAULT 'main' NOT NULL,
	"stable_id" integer NOT NULL,
	"row_id" text DEFAULT '' NOT NULL,
	"type_champ" text NOT NULL,
	"value" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demarche_administrateurs" (
	"demarche_id" integer NOT NULL,
	"administrateur_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demarche_administrateurs_demarche_id_administrateur_id_pk" PRIMARY KEY("demarche_id","administrateur_id")
);
--> statement-breakpoint
CREATE TABLE "demarches" (
	"id" serial PRIMARY KEY NOT NULL,
	"libelle" text NOT NULL,
	"description" text NOT NULL,
	"cadre_juridique" text,
	"lien_dpo" text,
	"duree_conservation" integer DEFAULT 12 NOT NULL,
	"for_individual" boolean DEFAULT true NOT NULL,
	"state" text DEFAULT 'brouillon' NOT NULL,
	"path" text,
	"draft_revision_id" integer,
	"published_revision_id" integer,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"groupe_instructeur_id" integer,
	"user_id" integer,
	"state" text DEFAULT 'brouillon' NOT NULL,
	"civilite" text,
	"nom" text,
	"prenom" text,
	"identity_updated_at" timestamp with time zone,
	"motivation" text,
	"for_test" boolean DEFAULT false NOT NULL,
	"depose_at" timestamp with time zone,
	"en_construction_at" timestamp with time zone,
	"en_instruction_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"last_champ_updated_at" timestamp with time zone,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"instructeur_id" integer NOT NULL,
	"dossier_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_instructeur_id_dossier_id_pk" PRIMARY KEY("instructeur_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "groupe_instructeur_members" (
	"groupe_instructeur_id" integer NOT NULL,
	"instructeur_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groupe_instructeur_members_groupe_instructeur_id_instructeur_id_pk" PRIMARY KEY("groupe_instructeur_id","instructeur_id")
);
--> statement-breakpoint
CREATE TABLE "groupes_instructeurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"label" text NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructeurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructeurs_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "mailbox_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "revision_types_de_champ" (
	"id" serial PRIMARY KEY NOT NULL,
	"revision_id" integer NOT NULL,
	"type_de_champ_id" integer NOT NULL,
	"parent_id" integer,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "traitements" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"state" text NOT NULL,
	"motivation" text,
	"instructeur_email" text,
	"actor_user_id" integer,
	"revision_id" integer,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "types_de_champ" (
	"id" serial PRIMARY KEY NOT NULL,
	"stable_id" integer NOT NULL,
	"type_champ" text NOT NULL,
	"libelle" text NOT NULL,
	"description" text,
	"mandatory" boolean DEFAULT true NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"condition" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"email_confirmed_at" timestamp with time zone,
	"locale" text DEFAULT 'fr' NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "administrateurs" ADD CONSTRAINT "administrateurs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_administrateur_id_administrateurs_id_fk" FOREIGN KEY ("administrateur_id") REFERENCES "public"."administrateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "champs" ADD CONSTRAINT "champs_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demarche_administrateurs" ADD CONSTRAINT "demarche_administrateurs_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demarche_administrateurs" ADD CONSTRAINT "demarche_administrateurs_administrateur_id_administrateurs_id_fk" FOREIGN KEY ("administrateur_id") REFERENCES "public"."administrateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_groupe_instructeur_id_groupes_instructeurs_id_fk" FOREIGN KEY ("groupe_instructeur_id") REFERENCES "public"."groupes_instructeurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupe_instructeur_members" ADD CONSTRAINT "groupe_instructeur_members_groupe_instructeur_id_groupes_instructeurs_id_fk" FOREIGN KEY ("groupe_instructeur_id") REFERENCES "public"."groupes_instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupe_instructeur_members" ADD CONSTRAINT "groupe_instructeur_members_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD CONSTRAINT "groupes_instructeurs_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructeurs" ADD CONSTRAINT "instructeurs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_types_de_champ" ADD CONSTRAINT "revision_types_de_champ_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_types_de_champ" ADD CONSTRAINT "revision_types_de_champ_type_de_champ_id_types_de_champ_id_fk" FOREIGN KEY ("type_de_champ_id") REFERENCES "public"."types_de_champ"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traitements" ADD CONSTRAINT "traitements_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "traitements" ADD CONSTRAINT "traitements_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "champs_dossier_stream_stable_row_key" ON "champs" USING btree ("dossier_id","stream","stable_id","row_id");--> statement-breakpoint
CREATE INDEX "demarche_administrateurs_admin_idx" ON "demarche_administrateurs" USING btree ("administrateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "demarches_path_key" ON "demarches" USING btree ("path");--> statement-breakpoint
CREATE INDEX "dossiers_user_idx" ON "dossiers" USING btree ("user_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dossiers_demarche_state_idx" ON "dossiers" USING btree ("demarche_id","state","id");--> statement-breakpoint
CREATE INDEX "dossiers_groupe_state_idx" ON "dossiers" USING btree ("groupe_instructeur_id","state","id");--> statement-breakpoint
CREATE INDEX "dossiers_demarche_depose_idx" ON "dossiers" USING btree ("demarche_id","depose_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_demarche_updated_idx" ON "dossiers" USING btree ("demarche_id","updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_tokens_token_hash_key" ON "email_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "follows_dossier_idx" ON "follows" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "groupe_instructeur_members_instructeur_idx" ON "groupe_instructeur_members" USING btree ("instructeur_id");--> statement-breakpoint
CREATE INDEX "groupes_instructeurs_demarche_idx" ON "groupes_instructeurs" USING btree ("demarche_id");--> statement-breakpoint
CREATE INDEX "mailbox_messages_to_idx" ON "mailbox_messages" USING btree ("to","id");--> statement-breakpoint
CREATE INDEX "revision_types_de_champ_revision_idx" ON "revision_types_de_champ" USING btree ("revision_id","position");--> statement-breakpoint
CREATE INDEX "revisions_demarche_idx" ON "revisions" USING btree ("demarche_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "traitements_dossier_idx" ON "traitements" USING btree ("dossier_id","processed_at");--> statement-breakpoint
CREATE INDEX "types_de_champ_stable_id_idx" ON "types_de_champ" USING btree ("stable_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");