/**
 * "Mes dossiers": the usager's dossiers (brouillons, submitted and test ones), most recently
 * updated first, by keyset pagination on (updated_at desc, id desc) — served by the
 * dossiers_user_idx index whatever the number of dossiers.
 */
import { and, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiersWithUserBuffer } from "../../db/champ-streams";
import { demarches, dossiers } from "../../db/schema";
import { dossiersOfUsager } from "../../db/scopes";
import { type DossierCursor, encodeCursor } from "./cursor";
import type { DossierState } from "../../domain/dossier/states";
import { decisionHiddenFromUsager } from "../../domain/special/rules";

export const MES_DOSSIERS_PAGE_SIZE = 25;

/**
 * Dossiers the usager still sees in their lists: not deleted by them, nor hidden by expiry (those
 * are in « Supprimés récemment » until purged).
 */
export function visibleToUsager() {
  return and(isNull(dossiers.hiddenByUserAt), isNull(dossiers.hiddenByExpiredAt));
}

const updatedAtMicros = sql<string>`(extract(epoch from ${dossiers.updatedAt}) * 1000000)::bigint`;

export async function listUsagerDossiers(
  db: DbOrTx,
  userId: number,
  options: { cursor?: DossierCursor | null; limit?: number } = {},
) {
  const limit = options.limit ?? MES_DOSSIERS_PAGE_SIZE;
  const after = options.cursor
    ? sql`(${dossiers.updatedAt}, ${dossiers.id}) < (timestamptz 'epoch' + ${options.cursor.updatedAtMicros}::bigint * interval '1 microsecond', ${options.cursor.id}::int)`
    : undefined;
  const rows = await db
    .select({
      id: dossiers.id,
      state: dossiers.state,
      forTest: dossiers.forTest,
      updatedAt: dossiers.updatedAt,
      updatedAtMicros,
      demarcheLibelle: demarches.libelle,
      accuseLecture: demarches.accuseLecture,
      accuseLectureAgreementAt: dossiers.accuseLectureAgreementAt,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(and(dossiersOfUsager(userId), visibleToUsager(), after))
    .orderBy(desc(dossiers.updatedAt), desc(dossiers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ updatedAtMicros: Number(last.updatedAtMicros), id: last.id }) : null;
  // Changes not yet submitted (the usager's buffer), for the reminder on the row.
  const pending = await dossiersWithUserBuffer(
    db,
    page.filter((d) => d.state === "en_construction").map((d) => d.id),
  );
  return {
    dossiers: page.map(({ updatedAtMicros: _, accuseLecture, accuseLectureAgreementAt, ...row }) => ({
      ...row,
      // A decision hidden by the accusé de lecture is not revealed by the list either.
      state: decisionHiddenFromUsager({ accuseLecture, state: row.state, agreementAt: accuseLectureAgreementAt })
        ? ("en_instruction" as const)
        : row.state,
      pendingChanges: pending.has(row.id),
    })),
    nextCursor,
  };
}

/** The usager's dossiers on one démarche (its page lists them to resume a brouillon), test ones only through the test link. */
export async function listUsagerDossiersOnDemarche(db: DbOrTx, userId: number, demarcheId: number, forTest: boolean, limit = 50) {
  return db
    .select({
      id: dossiers.id,
      state: sql<DossierState>`case when ${demarches.accuseLecture} and ${dossiers.accuseLectureAgreementAt} is null
        and ${dossiers.state} in ('accepte', 'refuse', 'sans_suite') then 'en_instruction' else ${dossiers.state} end`,
      updatedAt: dossiers.updatedAt,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(and(dossiersOfUsager(userId), visibleToUsager(), eq(dossiers.demarcheId, demarcheId), eq(dossiers.forTest, forTest)))
    .orderBy(desc(dossiers.updatedAt), desc(dossiers.id))
    .limit(limit);
}

/**
 * « Supprimés récemment »: the usager's dossiers they deleted, or hidden by expiry, and not yet
 * purged, most recently hidden first. « Restaurer » un-hides the ones they deleted and extends the
 * expired ones (« Conserver plus longtemps »); an expired dossier the administration deleted cannot
 * be extended, so it is not offered here.
 */
export async function listRecentlyDeletedDossiers(db: DbOrTx, userId: number, limit = 100) {
  return db
    .select({
      id: dossiers.id,
      state: dossiers.state,
      forTest: dossiers.forTest,
      hiddenByUserAt: dossiers.hiddenByUserAt,
      hiddenByExpiredAt: dossiers.hiddenByExpiredAt,
      hiddenByAdministrationAt: dossiers.hiddenByAdministrationAt,
      demarcheLibelle: demarches.libelle,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(
      and(
        dossiersOfUsager(userId),
        or(
          isNotNull(dossiers.hiddenByUserAt),
          and(isNotNull(dossiers.hiddenByExpiredAt), isNull(dossiers.hiddenByAdministrationAt)),
        ),
      ),
    )
    .orderBy(desc(sql`coalesce(${dossiers.hiddenByUserAt}, ${dossiers.hiddenByExpiredAt})`), desc(dossiers.id))
    .limit(limit);
}
