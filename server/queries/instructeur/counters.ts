/**
 * Tab counters of the instructeur's démarches, for one démarche or all of them, WITHOUT counting
 * dossiers: `dossier_counters` is kept by a trigger on `dossiers` (migration 0006) in the same
 * transaction as every change, one row per (démarche, groupe, bucket). A view sums the rows of the
 * instructeur's groupes: a few dozen rows whatever the démarches' size.
 * - expirants: the `expire:YYYY-MM-DD` buckets up to today + 2 weeks (one row per day of expiry);
 * - suivis: per instructeur, from their own follows (primary key) joined to the dossiers: as many
 *   rows as the dossiers they follow.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossierCounters, dossiers, follows, groupeInstructeurMembers } from "../../db/schema";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { EN_COURS_STATES } from "../../domain/dossier/states";
import { EMPTY_COUNTERS, expiringUntil, type TabCounters } from "../../domain/instructeur-list/tabs";

/** Followed by at least one instructeur (the reference's "suivi"), from the follower count kept by a trigger. */
export const followedByAnyone = () => sql`${dossiers.followersCount} > 0`;

/** Followed by this instructeur. */
export const followedBy = (instructeurId: number) =>
  sql`exists (select 1 from ${follows} where ${follows.dossierId} = ${dossiers.id} and ${follows.instructeurId} = ${instructeurId})`;

/**
 * Visible to the administration: not in the corbeille, not expired (hidden until purged, or
 * restored by an extension), not an en_construction dossier its usager deleted.
 */
export const visibleByAdministration = () =>
  and(
    isNull(dossiers.hiddenByAdministrationAt),
    isNull(dossiers.hiddenByExpiredAt),
    sql`not (${dossiers.hiddenByUserAt} is not null and ${dossiers.state} = 'en_construction')`,
  );

const FIXED_BUCKETS = ["a-suivre", "traites", "tous", "archives", "supprimes"] as const;

export async function countDossiersByTab(
  db: DbOrTx,
  instructeurId: number,
  demarcheIds: number[],
  now: Date = new Date(),
): Promise<Map<number, TabCounters>> {
  const result = new Map<number, TabCounters>(demarcheIds.map((id) => [id, { ...EMPTY_COUNTERS }]));
  if (demarcheIds.length === 0) return result;
  const until = `expire:${expiringUntil(now)}`;
  const [sums, mine] = await Promise.all([
    db
      .select({
        demarcheId: dossierCounters.demarcheId,
        bucket: sql<string>`case when ${dossierCounters.bucket} like 'expire:%' then 'expirants' else ${dossierCounters.bucket} end`,
        count: sql<number>`sum(${dossierCounters.count})::int`,
      })
      .from(dossierCounters)
      .where(
        and(
          inArray(dossierCounters.demarcheId, demarcheIds),
          inArray(
            dossierCounters.groupeInstructeurId,
            sql`(select ${groupeInstructeurMembers.groupeInstructeurId} from ${groupeInstructeurMembers} where ${groupeInstructeurMembers.instructeurId} = ${instructeurId})`,
          ),
          sql`(${inArray(dossierCounters.bucket, [...FIXED_BUCKETS])} or (${dossierCounters.bucket} >= 'expire:' and ${dossierCounters.bucket} <= ${until}))`,
        ),
      )
      .groupBy(sql`1`, sql`2`),
    db
      .select({ demarcheId: dossiers.demarcheId, count: sql<number>`count(*)::int` })
      .from(follows)
      .innerJoin(dossiers, eq(dossiers.id, follows.dossierId))
      .where(
        and(
          eq(follows.instructeurId, instructeurId),
          inArray(dossiers.demarcheId, demarcheIds),
          inArray(dossiers.state, [...EN_COURS_STATES]),
          visibleByAdministration(),
          dossiersVisibleToInstructeur(instructeurId),
        ),
      )
      .groupBy(dossiers.demarcheId),
  ]);
  for (const row of sums) {
    const counters = result.get(Number(row.demarcheId));
    if (counters) counters[row.bucket as keyof TabCounters] = Number(row.count);
  }
  for (const row of mine) {
    const counters = result.get(Number(row.demarcheId));
    if (counters) counters.suivis = Number(row.count);
  }
  return result;
}
