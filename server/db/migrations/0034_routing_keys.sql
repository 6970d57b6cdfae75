ALTER TABLE "groupes_imports" ADD COLUMN "progressed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "groupes_imports" ADD COLUMN "resume_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "groupes_instructeurs" ADD COLUMN "routing_key" text GENERATED ALWAYS AS (case
      when routing_rule is null then null
      when routing_rule->>'term' in ('Logic::Eq', 'Logic::InDepartementOperator', 'Logic::InRegionOperator')
        and routing_rule->'left'->>'term' = 'Logic::ChampValue'
        and jsonb_typeof(routing_rule->'left'->'stable_id') = 'number'
        and (routing_rule->'left'->>'stable_id') ~ '^[0-9]{1,15}$'
        and routing_rule->'right'->>'term' = 'Logic::Constant'
        and jsonb_typeof(routing_rule->'right'->'value') = 'string'
        and length(routing_rule->'right'->>'value') <= 500
      then (routing_rule->>'term') || ':' || (routing_rule->'left'->>'stable_id') || ':' || (routing_rule->'right'->>'value')
      else '*' end) STORED;--> statement-breakpoint
CREATE INDEX "groupes_instructeurs_routing_key_idx" ON "groupes_instructeurs" USING btree ("demarche_id","routing_key");--> statement-breakpoint
CREATE INDEX "groupes_instructeurs_default_idx" ON "groupes_instructeurs" USING btree ("demarche_id") WHERE is_default;