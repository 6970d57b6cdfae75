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
      const ids = await tx.execute(sql`
        insert into dossiers (demarche_id, revision_id, groupe_instructeur_id, user_id, state, civilite, nom, prenom,
                              depose_at, en_construction_at, en_instruction_at, processed_at, created_at, updated_at, motivation)
        select ${demarche.id}, ${demarche.publishedRevisionId}, ${groupe?.id ?? null}, ${usager.userId},
               (array['en_construction','en_instruction','accepte','refuse','sans_suite'])[1 + (g % 5)],
               case when g % 2 = 0 then 'Mme' else 'M.' end, 'Nom' || g, 'Prénom' || g,
               t, t, case when g % 5 >= 1 then t + interval '1 day' end, case when g % 5 >= 2 then t + interval '2 days' end,
               t, t + interval '2 days', case when g % 5 >= 3 then 'Motivation ' || g end
        from generate_series(1, ${n}) g, lateral (select now() - (g || ' minutes')::interval as t) d
        returning id, state`);
      const rows = ids.rows as Array<{ id: number; state: string }>;
      const idList = sql.raw(rows.map((r) => r.id).join(","));
      for (const d of descriptors) {
        const value = JSON.stringify(sampleValue(d.type, d.options));
        await tx.execute(sql`
          insert into champs (dossier_id, stable_id, type_champ, value)
          select id, ${d.stableId}, ${d.type}, ${value}::jsonb from unnest(array[${idList}]::int[]) as id`);
      }
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
