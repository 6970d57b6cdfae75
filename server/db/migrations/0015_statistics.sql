CREATE TABLE "demarche_stats_months" (
	"demarche_id" integer NOT NULL,
	"month" date NOT NULL,
	"dossiers" bigint NOT NULL,
	"mean_seconds" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demarche_stats_months_demarche_id_month_pk" PRIMARY KEY("demarche_id","month")
);
--> statement-breakpoint
CREATE TABLE "dossier_stats_daily" (
	"demarche_id" integer NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_stats_daily_demarche_id_metric_day_pk" PRIMARY KEY("demarche_id","metric","day")
);
--> statement-breakpoint
ALTER TABLE "demarches" ADD COLUMN "opendata" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "demarche_stats_months" ADD CONSTRAINT "demarche_stats_months_demarche_id_demarches_id_fk" FOREIGN KEY ("demarche_id") REFERENCES "public"."demarches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_stats_processed_idx" ON "dossiers" USING btree ("demarche_id","processed_at","depose_at") WHERE state in ('accepte', 'refuse', 'sans_suite') and for_test = false and hidden_by_administration_at is null and processed_at is not null and depose_at is not null;--> statement-breakpoint
-- Hand-written (statistics rollup, see dossier_stats_daily in schema.ts).
-- The rollup keys of one dossier: (metric, Paris calendar day). Brouillons count in `tous` only; the
-- administration's view (`deposes`…) excludes its corbeille and the en_construction dossiers the usager deleted.
CREATE OR REPLACE FUNCTION dossier_stats_keys(p_state text, p_for_test boolean, p_created_at timestamptz,
  p_depose_at timestamptz, p_processed_at timestamptz, p_hidden_admin timestamptz, p_hidden_user timestamptz)
RETURNS TABLE (metric text, day date) LANGUAGE plpgsql STABLE AS $$
DECLARE
  admin_visible boolean := p_state <> 'brouillon' AND p_hidden_admin IS NULL
    AND (p_hidden_user IS NULL OR p_state <> 'en_construction');
  depose_day date := (coalesce(p_depose_at, p_created_at) AT TIME ZONE 'Europe/Paris')::date;
BEGIN
  IF p_for_test THEN RETURN; END IF;
  IF p_hidden_user IS NULL OR p_hidden_admin IS NULL THEN
    metric := 'tous'; day := (p_created_at AT TIME ZONE 'Europe/Paris')::date; RETURN NEXT;
  END IF;
  IF NOT admin_visible THEN RETURN; END IF;
  metric := 'deposes'; day := depose_day; RETURN NEXT;
  IF p_state IN ('en_instruction', 'accepte', 'refuse', 'sans_suite') THEN
    metric := 'instruction'; day := depose_day; RETURN NEXT;
  END IF;
  IF p_state IN ('accepte', 'refuse', 'sans_suite') THEN
    metric := p_state; day := (coalesce(p_processed_at, p_depose_at, p_created_at) AT TIME ZONE 'Europe/Paris')::date; RETURN NEXT;
  END IF;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Bulk loads (the benchmark seeder) add their batch's counts themselves, set-based.
  IF current_setting('guichet.defer_counters', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND OLD.demarche_id = NEW.demarche_id AND OLD.state = NEW.state
    AND OLD.for_test = NEW.for_test AND OLD.created_at = NEW.created_at
    AND OLD.depose_at IS NOT DISTINCT FROM NEW.depose_at AND OLD.processed_at IS NOT DISTINCT FROM NEW.processed_at
    AND OLD.hidden_by_administration_at IS NOT DISTINCT FROM NEW.hidden_by_administration_at
    AND OLD.hidden_by_user_at IS NOT DISTINCT FROM NEW.hidden_by_user_at THEN
    RETURN NULL;
  END IF;
  -- A decided dossier that is deleted stays counted (the reference's tombstones of dossiers terminés).
  IF TG_OP = 'DELETE' AND OLD.state IN ('accepte', 'refuse', 'sans_suite') AND NOT OLD.for_test
    AND OLD.hidden_by_administration_at IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE dossier_stats_daily s SET count = s.count - 1
    FROM dossier_stats_keys(OLD.state, OLD.for_test, OLD.created_at, OLD.depose_at, OLD.processed_at,
      OLD.hidden_by_administration_at, OLD.hidden_by_user_at) k
    WHERE s.demarche_id = OLD.demarche_id AND s.metric = k.metric AND s.day = k.day;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO dossier_stats_daily (demarche_id, metric, day, count)
    SELECT NEW.demarche_id, k.metric, k.day, 1
    FROM dossier_stats_keys(NEW.state, NEW.for_test, NEW.created_at, NEW.depose_at, NEW.processed_at,
      NEW.hidden_by_administration_at, NEW.hidden_by_user_at) k
    ON CONFLICT (demarche_id, metric, day) DO UPDATE SET count = dossier_stats_daily.count + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossiers_stats_trigger AFTER INSERT OR DELETE OR UPDATE OF demarche_id, state, for_test, created_at,
  depose_at, processed_at, hidden_by_administration_at, hidden_by_user_at ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_stats_apply();
--> statement-breakpoint
-- Recount of one démarche's rollup from its dossiers (after a bulk load; forgets deleted décidés).
CREATE OR REPLACE FUNCTION dossier_stats_rebuild(p_demarche_id integer) RETURNS void LANGUAGE sql AS $$
  DELETE FROM dossier_stats_daily WHERE demarche_id = p_demarche_id;
  INSERT INTO dossier_stats_daily (demarche_id, metric, day, count)
  SELECT d.demarche_id, k.metric, k.day, count(*)
  FROM dossiers d, dossier_stats_keys(d.state, d.for_test, d.created_at, d.depose_at, d.processed_at,
    d.hidden_by_administration_at, d.hidden_by_user_at) k
  WHERE d.demarche_id = p_demarche_id
  GROUP BY 1, 2, 3;
$$;
--> statement-breakpoint
INSERT INTO dossier_stats_daily (demarche_id, metric, day, count)
SELECT d.demarche_id, k.metric, k.day, count(*)
FROM dossiers d, dossier_stats_keys(d.state, d.for_test, d.created_at, d.depose_at, d.processed_at,
  d.hidden_by_administration_at, d.hidden_by_user_at) k
GROUP BY 1, 2, 3;
