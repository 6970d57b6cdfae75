ALTER TABLE "dossiers" ADD COLUMN "groupe_forced" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD COLUMN "routing_rule" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "groupes_instructeurs_demarche_label_key" ON "groupes_instructeurs" USING btree ("demarche_id","label");