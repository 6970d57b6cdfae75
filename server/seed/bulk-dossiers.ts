/**
 * Volume data for benchmarks: N submitted dossiers on a published démarche, spread over every state,
 * with a value for each public field and their traitements — written with set-based SQL (a few
 * statements per batch) so that 100k dossiers take seconds, not hours. Values are valid for their
 * type, so pages and the API render them like real data.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { demarches, groupesInstructeurs } from "../db/schema";
import { ensureUser } from "../operations/accounts/ensure-user";
import { sampleValue } from "./factories";

/**
 * Values that differ from one dossier to the next for the types the list filters and sorts on
 * (text, numbers, dates), so that a filter selects a part of the démarche; the sample value otherwise.
 */
function varyingValue(type: string, sample: string) {
  switch (type) {
    case "text":
      return sql`to_jsonb('Valeur ' || (id % 1000) || ' ' || (${sample}::jsonb #>> '{}'))`;
    case "integer_number":
      return sql`to_jsonb(((id * 7919) % 100000)::text)`;
    case "decimal_number":
      return sql`to_jsonb((((id * 7919) % 100000) / 100.0)::text)`;
    case "date":
      return sql`to_jsonb(to_char(date '2015-01-01' + ((id * 7919) % 4000), 'YYYY-MM-DD'))`;
    default:
      return sql`${sample}::jsonb`;
  }
}

const NUMBER_TYPES = ["integer_number", "decimal_number"];
const DATE_TYPES = ["date", "datetime"];
const BOOL_TYPES = ["checkbox", "yes_no"];
const NOT_INDEXED = ["header_section", "explication", "repetition", "piece_justificative", "titre_identite"];
const FROM = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
const TO = "aaaaaaceeeeiiiinooooouuuuyy";

/**
 * The list's indexes of the seeded dossiers, in SQL (what `reindexDossier` writes one dossier at a
 * time): typed values of top-level fields, and a search document of number, e-mail, identity and
 * values, lower-cased without accents.
 */
async function indexBulkDossiers(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  demarcheId: number,
  idList: ReturnType<typeof sql.raw>,
  descriptors: Array<{ stableId: number; type: string; parentStableId: number | null }>,
) {
  const indexed = descriptors.filter((d) => d.parentStableId === null && !NOT_INDEXED.includes(d.type));
  for (const d of indexed) {
    const text = sql`translate(lower(c.value #>> '{}'), ${FROM}, ${TO})`;
    await tx.execute(sql`
      insert into dossier_values (dossier_id, demarche_id, stable_id, text, number, date, bool)
      select c.dossier_id, ${demarcheId}, c.stable_id, left(${text}, 2000),
             ${NUMBER_TYPES.includes(d.type) ? sql`(c.value #>> '{}')::float8` : sql`null`},
             ${DATE_TYPES.includes(d.type) ? sql`left(c.value #>> '{}', 10)::date` : sql`null`},
             ${BOOL_TYPES.includes(d.type) ? sql`(c.value #>> '{}') = 'true'` : sql`null`}
      from champs c
      where c.dossier_id = any(array[${idList}]::int[]) and c.stable_id = ${d.stableId} and c.row_id = ''
        and jsonb_typeof(c.value) = 'string' and c.value #>> '{}' <> ''`);
  }
  // The experts' document leaves the annotations privées out (null: the document has none).
  const isPrivate = sql`exists (select 1 from types_de_champ t where t.stable_id = c.stable_id and t.private)`;
  const documentOf = (champs: ReturnType<typeof sql>) =>
    sql`translate(lower(concat_ws(' ', d.id, u.email, d.nom, d.prenom,
      (select string_agg(c.value #>> '{}', ' ') from champs c where c.dossier_id = d.id and jsonb_typeof(c.value) = 'string' and ${champs}))), ${FROM}, ${TO})`;
  await tx.execute(sql`
    insert into dossier_search (dossier_id, demarche_id, document, public_document)
    select d.id, d.demarche_id, ${documentOf(sql`true`)},
      case when exists (select 1 from champs c where c.dossier_id = d.id and ${isPrivate}) then ${documentOf(sql`not ${isPrivate}`)} end
    from dossiers d left join users u on u.id = d.user_id
    where d.id = any(array[${idList}]::int[])`);
}

const STATES = ["en_construction", "en_instruction", "accepte", "refuse", "sans_suite"] as const;

export async function seedBulkDossiers(
  db: Db,
  input: { demarcheId: number; count: number; batchSize?: number; usagerEmail?: string },
) {
  const [demarche] = await db.select().from(demarches).where(eq(demarches.id, input.demarcheId));
  if (!demarche?.publishedRevisionId) throw new Error(`Démarche ${input.demarcheId} not found or not published.`);
  const [groupe] = await db
    .select({ id: groupesInstructeurs.id })
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.demarcheId, demarche.id))
    .limit(1);
  const usager = await ensureUser(db, { email: input.usagerEmail ?? "usager-volume@exemple.fr", roles: [] });
  const descriptors = (await loadRevisionChamps(db, demarche.publishedRevisionId)).filter((d) => d.type !== "header_section");
  const batchSize = input.batchSize ?? 5000;
  let created = 0;
  while (created < input.count) {
    const n = Math.min(batchSize, input.count - created);
    await db.transaction(async (tx) => {
      // The per-row counter trigger would update the same counter rows thousands of times in one
      // transaction: the batch's counts are added once, below, from the same bucket function.
      await tx.execute(sql`select set_config('guichet.defer_counters', 'on', true)`);
      const ids = await tx.execute(sql`
        insert into dossiers (demarche_id, revision_id, groupe_instructeur_id, user_id, state, civilite, nom, prenom,
                              depose_at, en_construction_at, en_instruction_at, processed_at, created_at, updated_at, motivation,
                              archived, archived_at, hidden_by_administration_at)
        select ${demarche.id}, ${demarche.publishedRevisionId}, ${groupe?.id ?? null}, ${usager.userId},
               (array['en_construction','en_instruction','accepte','refuse','sans_suite'])[1 + (g % 5)],
               case when g % 2 = 0 then 'Mme' else 'M.' end, 'Nom' || g, 'Prénom' || g,
               t, t, case when g % 5 >= 1 then t + interval '1 day' end, case when g % 5 >= 2 then t + interval '2 days' end,
               t, t + interval '2 days', case when g % 5 >= 3 then 'Motivation ' || g end,
               -- Some decided dossiers archived (1 in 10) or in the corbeille (1 in 50), for the tabs.
               g % 5 >= 2 and g % 10 = 7, case when g % 5 >= 2 and g % 10 = 7 then t + interval '3 days' end,
               case when g % 5 >= 2 and g % 50 = 22 then t + interval '3 days' end
        from generate_series(${created + 1}::int, ${created + n}::int) g, lateral (select now() - (g || ' minutes')::interval as t) d
        returning id, state`);
      const rows = ids.rows as Array<{ id: number; state: string }>;
      const idList = sql.raw(rows.map((r) => r.id).join(","));
      for (const d of descriptors) {
        const value = JSON.stringify(sampleValue(d.type, d.options));
        await tx.execute(sql`
          insert into champs (dossier_id, stable_id, type_champ, value)
          select id, ${d.stableId}, ${d.type}, ${varyingValue(d.type, value)} from unnest(array[${idList}]::int[]) as id`);
      }
      await indexBulkDossiers(tx, demarche.id, idList, descriptors);
      await tx.execute(sql`
        insert into dossier_counters (demarche_id, groupe_instructeur_id, bucket, count)
        select d.demarche_id, coalesce(d.groupe_instructeur_id, 0), b.bucket, count(*)
        from dossiers d, unnest(dossier_counter_buckets(d.state, d.for_test, d.archived, d.hidden_by_administration_at,
          d.hidden_by_user_at, d.followers_count, d.expired_at)) as b(bucket)
        where d.id = any(array[${idList}]::int[])
        group by 1, 2, 3
        on conflict (demarche_id, groupe_instructeur_id, bucket) do update set count = dossier_counters.count + excluded.count`);
      await tx.execute(sql`
        insert into dossier_stats_daily (demarche_id, metric, day, count)
        select d.demarche_id, k.metric, k.day, count(*)
        from dossiers d, dossier_stats_keys(d.state, d.for_test, d.created_at, d.depose_at, d.processed_at,
          d.hidden_by_administration_at, d.hidden_by_user_at) k
        where d.id = any(array[${idList}]::int[])
        group by 1, 2, 3
        on conflict (demarche_id, metric, day) do update set count = dossier_stats_daily.count + excluded.count`);
      await tx.execute(sql`select set_config('guichet.defer_counters', 'off', true)`);
      await tx.execute(sql`
        insert into traitements (dossier_id, event, from_state, state, processed_at)
        select d.id, 'depose', 'brouillon', 'en_construction', d.depose_at from dossiers d where d.id = any(array[${idList}]::int[])`);
      await tx.execute(sql`
        insert into traitements (dossier_id, event, from_state, state, processed_at)
        select d.id, 'passe_en_instruction', 'en_construction', 'en_instruction', d.en_instruction_at
        from dossiers d where d.id = any(array[${idList}]::int[]) and d.en_instruction_at is not null`);
      await tx.execute(sql`
        insert into traitements (dossier_id, event, from_state, state, motivation, processed_at)
        select d.id, case d.state when 'accepte' then 'accepte' when 'refuse' then 'refuse' else 'classe_sans_suite' end,
               'en_instruction', d.state, d.motivation, d.processed_at
        from dossiers d where d.id = any(array[${idList}]::int[]) and d.processed_at is not null`);
    });
    created += n;
  }
  return { created, states: STATES };
}
