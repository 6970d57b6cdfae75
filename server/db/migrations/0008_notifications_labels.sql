CREATE TABLE "digest_deliveries" (
	"instructeur_id" integer NOT NULL,
	"period" text NOT NULL,
	"until_event_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_deliveries_instructeur_id_period_pk" PRIMARY KEY("instructeur_id","period")
);
--> statement-breakpoint
CREATE TABLE "dossier_labels" (
	"dossier_id" integer NOT NULL,
	"label_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_labels_dossier_id_label_id_pk" PRIMARY KEY("dossier_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_views" (
	"instructeur_id" integer NOT NULL,
	"dossier_id" integer NOT NULL,
	"last_seen_event_id" bigint DEFAULT 0 NOT NULL,
	"annotations_seen_event_id" bigint DEFAULT 0 NOT NULL,
	"messagerie_seen_event_id" bigint DEFAULT 0 NOT NULL,
	"avis_seen_event_id" bigint DEFAULT 0 NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_views_instructeur_id_dossier_id_pk" PRIMARY KEY("instructeur_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "instructeur_demarche_preferences" (
	"instructeur_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"instant_email_new_dossier" boolean DEFAULT false NOT NULL,
	"instant_email_new_message" boolean DEFAULT false NOT NULL,
	"instant_email_new_expert_avis" boolean DEFAULT false NOT NULL,
	"daily_email_summary" boolean DEFAULT true NOT NULL,
	"weekly_email_summary" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructeur_demarche_preferences_instructeur_id_demarche_id_pk" PRIMARY KEY("instructeur_id","demarche_id")
);
--> statement-breakpoint
CREATE TABLE "labels" (
	"id" serial PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_labels" ADD CONSTRAINT "dossier_labels_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_labels" ADD CONSTRAINT "dossier_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_views" ADD CONSTRAINT "dossier_views_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_views" ADD CONSTRAINT "dossier_views_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructeur_demarche_preferences" ADD CONSTRAINT "instructeur_demarche_preferences_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructeur_demarche_preferences" ADD CONSTRAINT "instructeur_demarche_preferences_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_labels_label_idx" ON "dossier_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "dossier_views_dossier_idx" ON "dossier_views" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "instructeur_demarche_preferences_demarche_idx" ON "instructeur_demarche_preferences" USING btree ("demarche_id");--> statement-breakpoint
CREATE INDEX "labels_demarche_idx" ON "labels" USING btree ("demarche_id","position");