CREATE TABLE "dossier_counters" (
	"demarche_id" integer NOT NULL,
	"groupe_instructeur_id" integer NOT NULL,
	"bucket" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_counters_demarche_id_groupe_instructeur_id_bucket_pk" PRIMARY KEY("demarche_id","groupe_instructeur_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "dossier_search" (
	"dossier_id" integer PRIMARY KEY NOT NULL,
	"demarche_id" integer NOT NULL,
	"document" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_values" (
	"dossier_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"stable_id" integer NOT NULL,
	"text" text,
	"number" double precision,
	"date" date,
	"bool" boolean,
	CONSTRAINT "dossier_values_dossier_id_stable_id_pk" PRIMARY KEY("dossier_id","stable_id")
);
--> statement-breakpoint
CREATE TABLE "instructeur_presentations" (
	"instructeur_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"displayed_columns" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructeur_presentations_instructeur_id_demarche_id_pk" PRIMARY KEY("instructeur_id","demarche_id")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "archived_by" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "hidden_by_administration_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "hidden_by_user_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "followers_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_search" ADD CONSTRAINT "dossier_search_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_values" ADD CONSTRAINT "dossier_values_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructeur_presentations" ADD CONSTRAINT "instructeur_presentations_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructeur_presentations" ADD CONSTRAINT "instructeur_presentations_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_search_document_idx" ON "dossier_search" USING gin (to_tsvector('simple', "document"));--> statement-breakpoint
CREATE INDEX "dossier_search_demarche_idx" ON "dossier_search" USING btree ("demarche_id");--> statement-breakpoint
CREATE INDEX "dossier_values_text_idx" ON "dossier_values" USING btree ("demarche_id","stable_id","text","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_values_number_idx" ON "dossier_values" USING btree ("demarche_id","stable_id","number","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_values_date_idx" ON "dossier_values" USING btree ("demarche_id","stable_id","date","dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_instructeur_archives_idx" ON "dossiers" USING btree ("demarche_id","updated_at","id","groupe_instructeur_id") WHERE archived and for_test = false;--> statement-breakpoint
CREATE INDEX "dossiers_instructeur_supprimes_idx" ON "dossiers" USING btree ("demarche_id","updated_at","id","groupe_instructeur_id") WHERE hidden_by_administration_at is not null and for_test = false;--> statement-breakpoint
CREATE INDEX "dossiers_expired_idx" ON "dossiers" USING btree ("demarche_id","expired_at","id") WHERE expired_at is not null and for_test = false;--> statement-breakpoint
-- Hand-written (helper "list"): tab counters and follower counts kept by triggers, expired_at computed.
CREATE OR REPLACE FUNCTION dossier_counter_buckets(
  p_state text, p_for_test boolean, p_archived boolean, p_hidden_admin timestamptz, p_hidden_user timestamptz,
  p_followers integer, p_expired_at timestamptz
) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  b text[] := '{}';
  termine boolean := p_state IN ('accepte', 'refuse', 'sans_suite');
BEGIN
  IF p_for_test OR p_state = 'brouillon' THEN RETURN b; END IF;
  IF p_hidden_admin IS NOT NULL THEN RETURN ARRAY['supprimes']; END IF;
  IF p_hidden_user IS NOT NULL AND p_state = 'en_construction' THEN RETURN b; END IF;
  IF p_archived THEN RETURN ARRAY['archives']; END IF;
  b := ARRAY['tous'];
  IF p_state IN ('en_construction', 'en_instruction') AND p_followers = 0 THEN b := b || 'a-suivre'::text; END IF;
  IF termine THEN b := b || 'traites'::text; END IF;
  IF p_expired_at IS NOT NULL AND (termine OR p_state = 'en_construction') THEN
    b := b || ('expire:' || to_char(p_expired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'));
  END IF;
  RETURN b;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_counters_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_b text[] := '{}';
  new_b text[] := '{}';
  same_key boolean := false;
BEGIN
  -- Bulk loads (the benchmark seeder) add their batch's counts themselves, set-based.
  IF current_setting('guichet.defer_counters', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    old_b := dossier_counter_buckets(OLD.state, OLD.for_test, OLD.archived, OLD.hidden_by_administration_at,
      OLD.hidden_by_user_at, OLD.followers_count, OLD.expired_at);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    new_b := dossier_counter_buckets(NEW.state, NEW.for_test, NEW.archived, NEW.hidden_by_administration_at,
      NEW.hidden_by_user_at, NEW.followers_count, NEW.expired_at);
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.demarche_id = NEW.demarche_id
    AND OLD.groupe_instructeur_id IS NOT DISTINCT FROM NEW.groupe_instructeur_id THEN
    same_key := true;
    IF old_b = new_b THEN RETURN NULL; END IF;
  END IF;
  IF cardinality(old_b) > 0 THEN
    UPDATE dossier_counters SET count = count - 1
    WHERE demarche_id = OLD.demarche_id AND groupe_instructeur_id = coalesce(OLD.groupe_instructeur_id, 0)
      AND bucket = ANY (CASE WHEN same_key THEN ARRAY(SELECT unnest(old_b) EXCEPT SELECT unnest(new_b)) ELSE old_b END);
  END IF;
  IF cardinality(new_b) > 0 THEN
    INSERT INTO dossier_counters (demarche_id, groupe_instructeur_id, bucket, count)
    SELECT NEW.demarche_id, coalesce(NEW.groupe_instructeur_id, 0), bucket, 1
    FROM unnest(CASE WHEN same_key THEN ARRAY(SELECT unnest(new_b) EXCEPT SELECT unnest(old_b)) ELSE new_b END) AS bucket
    ON CONFLICT (demarche_id, groupe_instructeur_id, bucket) DO UPDATE SET count = dossier_counters.count + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossiers_expired_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state
    OR NEW.en_construction_at IS DISTINCT FROM OLD.en_construction_at
    OR NEW.processed_at IS DISTINCT FROM OLD.processed_at THEN
    NEW.expired_at := CASE
      WHEN NEW.state = 'en_construction' AND NEW.en_construction_at IS NOT NULL
        THEN NEW.en_construction_at + make_interval(months => (SELECT duree_conservation FROM demarches WHERE id = NEW.demarche_id))
      WHEN NEW.state IN ('accepte', 'refuse', 'sans_suite') AND NEW.processed_at IS NOT NULL
        THEN NEW.processed_at + make_interval(months => (SELECT duree_conservation FROM demarches WHERE id = NEW.demarche_id))
      ELSE NULL END;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION follows_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE dossiers SET followers_count = followers_count + 1 WHERE id = NEW.dossier_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE dossiers SET followers_count = followers_count - 1 WHERE id = OLD.dossier_id;
  ELSIF NEW.dossier_id <> OLD.dossier_id THEN
    UPDATE dossiers SET followers_count = followers_count - 1 WHERE id = OLD.dossier_id;
    UPDATE dossiers SET followers_count = followers_count + 1 WHERE id = NEW.dossier_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Recount of one démarche's counters from its dossiers (after a bulk load with the trigger disabled).
CREATE OR REPLACE FUNCTION dossier_counters_rebuild(p_demarche_id integer) RETURNS void LANGUAGE sql AS $$
  DELETE FROM dossier_counters WHERE demarche_id = p_demarche_id;
  INSERT INTO dossier_counters (demarche_id, groupe_instructeur_id, bucket, count)
  SELECT d.demarche_id, coalesce(d.groupe_instructeur_id, 0), b.bucket, count(*)
  FROM dossiers d, unnest(dossier_counter_buckets(d.state, d.for_test, d.archived, d.hidden_by_administration_at,
    d.hidden_by_user_at, d.followers_count, d.expired_at)) AS b(bucket)
  WHERE d.demarche_id = p_demarche_id
  GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
UPDATE dossiers SET followers_count = (SELECT count(*) FROM follows WHERE follows.dossier_id = dossiers.id)
WHERE EXISTS (SELECT 1 FROM follows WHERE follows.dossier_id = dossiers.id);
--> statement-breakpoint
CREATE TRIGGER dossiers_expired_at BEFORE INSERT OR UPDATE ON dossiers FOR EACH ROW EXECUTE FUNCTION dossiers_expired_at();
--> statement-breakpoint
UPDATE dossiers SET expired_at = CASE
  WHEN state = 'en_construction' THEN en_construction_at + make_interval(months => (SELECT duree_conservation FROM demarches WHERE id = demarche_id))
  WHEN state IN ('accepte', 'refuse', 'sans_suite') THEN processed_at + make_interval(months => (SELECT duree_conservation FROM demarches WHERE id = demarche_id))
  END
WHERE state IN ('en_construction', 'accepte', 'refuse', 'sans_suite');
--> statement-breakpoint
CREATE TRIGGER dossiers_counters AFTER INSERT OR UPDATE OR DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION dossier_counters_apply();
--> statement-breakpoint
CREATE TRIGGER follows_count AFTER INSERT OR UPDATE OR DELETE ON follows FOR EACH ROW EXECUTE FUNCTION follows_count_apply();
--> statement-breakpoint
SELECT dossier_counters_rebuild(id) FROM demarches;
