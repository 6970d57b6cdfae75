/**
 * Tab counters of the instructeur's démarches, for one démarche or all of them in ONE statement:
 * - tous / traités / à suivre: one pass over the visible dossiers of those démarches, an index-only
 *   scan of `dossiers_instructeur_visible_idx` (partial: no brouillons, no test dossiers); "à
 *   suivre" probes `follows_dossier_idx` for en-cours dossiers only;
 * - suivis: starts from the instructeur's own follows (primary key) joined to their dossiers.
 * Both are grouped by démarche, never one query per démarche.
 */
import { and, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiers, follows } from "../../db/schema";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { EN_COURS_STATES, TERMINE_STATES } from "../../domain/dossier/states";
import { EMPTY_COUNTERS, type TabCounters } from "./tabs";

const enCours = () => inArray(dossiers.state, [...EN_COURS_STATES]);
const termine = () => inArray(dossiers.state, [...TERMINE_STATES]);

/** Followed by at least one instructeur (the reference's "suivi"). */
export const followedByAnyone = () => sql`exists (select 1 from ${follows} where ${follows.dossierId} = ${dossiers.id})`;

/** Followed by this instructeur. */
export const followedBy = (instructeurId: number) =>
  sql`exists (select 1 from ${follows} where ${follows.dossierId} = ${dossiers.id} and ${follows.instructeurId} = ${instructeurId})`;

export async function countDossiersByTab(
  db: DbOrTx,
  instructeurId: number,
  demarcheIds: number[],
): Promise<Map<number, TabCounters>> {
  const result = new Map<number, TabCounters>(demarcheIds.map((id) => [id, { ...EMPTY_COUNTERS }]));
  if (demarcheIds.length === 0) return result;
  const visible = and(inArray(dossiers.demarcheId, demarcheIds), dossiersVisibleToInstructeur(instructeurId));
  const { rows } = await db.execute<{ demarche_id: number; a_suivre: number; suivis: number; traites: number; tous: number }>(sql`
    select totals.demarche_id, totals.a_suivre, coalesce(mine.suivis, 0) as suivis, totals.traites, totals.tous
    from (
      select ${dossiers.demarcheId} as demarche_id,
        count(*) filter (where ${enCours()} and not ${followedByAnyone()})::int as a_suivre,
        count(*) filter (where ${termine()})::int as traites,
        count(*)::int as tous
      from ${dossiers}
      where ${visible}
      group by ${dossiers.demarcheId}
    ) totals
    left join (
      select ${dossiers.demarcheId} as demarche_id, count(*)::int as suivis
      from ${follows} join ${dossiers} on ${dossiers.id} = ${follows.dossierId}
      where ${follows.instructeurId} = ${instructeurId} and ${enCours()} and ${visible}
      group by ${dossiers.demarcheId}
    ) mine on mine.demarche_id = totals.demarche_id`);
  for (const row of rows) {
    result.set(Number(row.demarche_id), {
      "a-suivre": Number(row.a_suivre),
      suivis: Number(row.suivis),
      traites: Number(row.traites),
      tous: Number(row.tous),
    });
  }
  return result;
}
