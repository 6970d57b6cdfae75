CREATE TABLE "deleted_dossiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"groupe_instructeur_id" integer,
	"revision_id" integer,
	"user_id" integer,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"depose_at" timestamp with time zone,
	"deleted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "dossiers_instructeur_supprimes_idx";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "conservation_extension" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "expiration_notice_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "hidden_by_expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deleted_dossiers" ADD CONSTRAINT "deleted_dossiers_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleted_dossiers" ADD CONSTRAINT "deleted_dossiers_groupe_instructeur_id_groupes_instructeurs_id_fk" FOREIGN KEY ("groupe_instructeur_id") REFERENCES "public"."groupes_instructeurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleted_dossiers" ADD CONSTRAINT "deleted_dossiers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deleted_dossiers_dossier_key" ON "deleted_dossiers" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "deleted_dossiers_demarche_idx" ON "deleted_dossiers" USING btree ("demarche_id","deleted_at","id");--> statement-breakpoint
CREATE INDEX "deleted_dossiers_groupe_idx" ON "deleted_dossiers" USING btree ("groupe_instructeur_id","deleted_at","id");--> statement-breakpoint
CREATE INDEX "dossiers_expiry_job_idx" ON "dossiers" USING btree ("expired_at","id") WHERE expired_at is not null;--> statement-breakpoint
CREATE INDEX "dossiers_hidden_idx" ON "dossiers" USING btree ("id") WHERE hidden_by_user_at is not null or hidden_by_administration_at is not null or hidden_by_expired_at is not null;--> statement-breakpoint
CREATE INDEX "dossiers_instructeur_supprimes_idx" ON "dossiers" USING btree ("demarche_id","updated_at","id","groupe_instructeur_id") WHERE (hidden_by_administration_at is not null or (state in ('accepte', 'refuse', 'sans_suite') and hidden_by_expired_at is not null)) and for_test = false;--> statement-breakpoint
-- Hand-written (helper "expiry"): expired_at as the reference computes it (server/domain/dossier/expiry.ts),
-- the supprimés bucket for decided dossiers hidden by expiry, expired dossiers out of the other tabs.
CREATE OR REPLACE FUNCTION dossiers_expired_at() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  months integer;
  reference timestamptz;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.state IS DISTINCT FROM OLD.state THEN
    -- A new state starts a new conservation period: extensions and notice start over.
    NEW.conservation_extension := 0;
    NEW.expiration_notice_sent_at := NULL;
  ELSIF TG_OP = 'UPDATE' AND NEW.state = 'brouillon'
    AND (NEW.last_champ_updated_at IS DISTINCT FROM OLD.last_champ_updated_at
      OR NEW.identity_updated_at IS DISTINCT FROM OLD.identity_updated_at) THEN
    -- The usager worked on the brouillon: it is kept from now on, the notice no longer holds.
    NEW.expiration_notice_sent_at := NULL;
  END IF;
  IF NOT (TG_OP = 'INSERT' OR NEW.state = 'brouillon'
    OR NEW.state IS DISTINCT FROM OLD.state
    OR NEW.en_construction_at IS DISTINCT FROM OLD.en_construction_at
    OR NEW.processed_at IS DISTINCT FROM OLD.processed_at
    OR NEW.conservation_extension IS DISTINCT FROM OLD.conservation_extension
    OR NEW.expiration_notice_sent_at IS DISTINCT FROM OLD.expiration_notice_sent_at) THEN
    RETURN NEW;
  END IF;
  reference := CASE NEW.state
    WHEN 'brouillon' THEN coalesce(greatest(NEW.last_champ_updated_at, NEW.identity_updated_at), NEW.updated_at, now())
    WHEN 'en_construction' THEN NEW.en_construction_at
    WHEN 'en_instruction' THEN NULL
    ELSE NEW.processed_at END;
  IF reference IS NULL THEN
    NEW.expired_at := NULL;
  ELSIF NEW.expiration_notice_sent_at IS NOT NULL THEN
    NEW.expired_at := ((NEW.expiration_notice_sent_at AT TIME ZONE 'UTC') + interval '14 days') AT TIME ZONE 'UTC';
  ELSE
    SELECT duree_conservation INTO months FROM demarches WHERE id = NEW.demarche_id;
    IF NEW.state = 'brouillon' THEN months := least(months, 3); END IF;
    NEW.expired_at := ((reference AT TIME ZONE 'UTC') + make_interval(months => months + NEW.conservation_extension)) AT TIME ZONE 'UTC';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP FUNCTION dossier_counter_buckets(text, boolean, boolean, timestamptz, timestamptz, integer, timestamptz);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_counter_buckets(
  p_state text, p_for_test boolean, p_archived boolean, p_hidden_admin timestamptz, p_hidden_user timestamptz,
  p_followers integer, p_expired_at timestamptz, p_hidden_expired timestamptz DEFAULT NULL
) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  b text[] := '{}';
  termine boolean := p_state IN ('accepte', 'refuse', 'sans_suite');
BEGIN
  IF p_for_test OR p_state = 'brouillon' THEN RETURN b; END IF;
  IF p_hidden_admin IS NOT NULL OR (termine AND p_hidden_expired IS NOT NULL) THEN RETURN ARRAY['supprimes']; END IF;
  IF p_hidden_expired IS NOT NULL THEN RETURN b; END IF;
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
      OLD.hidden_by_user_at, OLD.followers_count, OLD.expired_at, OLD.hidden_by_expired_at);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    new_b := dossier_counter_buckets(NEW.state, NEW.for_test, NEW.archived, NEW.hidden_by_administration_at,
      NEW.hidden_by_user_at, NEW.followers_count, NEW.expired_at, NEW.hidden_by_expired_at);
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
CREATE OR REPLACE FUNCTION dossier_counters_rebuild(p_demarche_id integer) RETURNS void LANGUAGE sql AS $$
  DELETE FROM dossier_counters WHERE demarche_id = p_demarche_id;
  INSERT INTO dossier_counters (demarche_id, groupe_instructeur_id, bucket, count)
  SELECT d.demarche_id, coalesce(d.groupe_instructeur_id, 0), b.bucket, count(*)
  FROM dossiers d, unnest(dossier_counter_buckets(d.state, d.for_test, d.archived, d.hidden_by_administration_at,
    d.hidden_by_user_at, d.followers_count, d.expired_at, d.hidden_by_expired_at)) AS b(bucket)
  WHERE d.demarche_id = p_demarche_id
  GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
UPDATE dossiers SET expired_at = ((coalesce(greatest(last_champ_updated_at, identity_updated_at), updated_at) AT TIME ZONE 'UTC')
  + make_interval(months => least((SELECT duree_conservation FROM demarches WHERE id = demarche_id), 3))) AT TIME ZONE 'UTC'
WHERE state = 'brouillon';
