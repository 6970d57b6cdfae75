/**
 * "Mes dossiers": the usager's dossiers (brouillons, submitted and test ones), most recently
 * updated first, by keyset pagination on (updated_at desc, id desc) — served by the
 * dossiers_user_idx index whatever the number of dossiers.
 */
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiersWithUserBuffer } from "../../db/champ-streams";
import { demarches, dossiers } from "../../db/schema";
import { dossiersOfUsager } from "../../db/scopes";
import { type DossierCursor, encodeCursor } from "./cursor";
import type { DossierState } from "../../domain/dossier/states";
import { decisionHiddenFromUsager } from "../../domain/special/rules";
import { NOTICE_DAYS, addDays } from "../../domain/dossier/expiry";

export const MES_DOSSIERS_PAGE_SIZE = 25;

/**
 * Dossiers the usager still sees in their lists: not deleted by them, nor hidden by expiry (those
 * are in « Supprimés récemment » until purged).
 */
export function visibleToUsager() {
  return and(isNull(dossiers.hiddenByUserAt), isNull(dossiers.hiddenByExpiredAt));
}

/**
 * The search and filter of « Mes dossiers » (GET parameters, kept across tabs): `q` matches the
 * dossier number or the démarche's libellé; `demarcheId` keeps one démarche. Applied on the rows of
 * one usager (the `dossiers_user_idx` range), so they stay cheap whatever the size of the table.
 */
export interface MesDossiersFilter {
  q: string | null;
  demarcheId: number | null;
}

export const NO_FILTER: MesDossiersFilter = { q: null, demarcheId: null };

export function mesDossiersFilterSql(filter: MesDossiersFilter | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: SQL[] = [];
  if (filter.demarcheId !== null) conditions.push(eq(dossiers.demarcheId, filter.demarcheId));
  if (filter.q !== null && filter.q !== "") {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const number = /^\d{1,9}$/.test(filter.q) ? Number(filter.q) : null;
    const text = ilike(demarches.libelle, pattern);
    conditions.push(number === null ? text : (or(eq(dossiers.id, number), text) as SQL));
  }
  return conditions.length === 0 ? undefined : and(...conditions);
}

const updatedAtMicros = sql<string>`(extract(epoch from ${dossiers.updatedAt}) * 1000000)::bigint`;

export async function listUsagerDossiers(
  db: DbOrTx,
  userId: number,
  options: { cursor?: DossierCursor | null; limit?: number; filter?: MesDossiersFilter } = {},
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
    .where(and(dossiersOfUsager(userId), visibleToUsager(), mesDossiersFilterSql(options.filter), after))
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
export async function listRecentlyDeletedDossiers(db: DbOrTx, userId: number, filter?: MesDossiersFilter, limit = 100) {
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
        mesDossiersFilterSql(filter),
        or(
          isNotNull(dossiers.hiddenByUserAt),
          and(isNotNull(dossiers.hiddenByExpiredAt), isNull(dossiers.hiddenByAdministrationAt)),
        ),
      ),
    )
    .orderBy(desc(sql`coalesce(${dossiers.hiddenByUserAt}, ${dossiers.hiddenByExpiredAt})`), desc(dossiers.id))
    .limit(limit);
}

/**
 * « Brouillons expirant bientôt »: the usager's visible brouillons whose stored expiry date
 * (`expired_at`) falls within the notice period, soonest first.
 */
function expiringBrouillons(userId: number, now: Date) {
  return and(
    dossiersOfUsager(userId),
    visibleToUsager(),
    eq(dossiers.state, "brouillon"),
    isNotNull(dossiers.expiredAt),
    lte(dossiers.expiredAt, addDays(now, NOTICE_DAYS)),
  );
}

export async function listExpiringBrouillons(
  db: DbOrTx,
  userId: number,
  filter?: MesDossiersFilter,
  now: Date = new Date(),
  limit = 100,
) {
  return db
    .select({
      id: dossiers.id,
      forTest: dossiers.forTest,
      expiredAt: dossiers.expiredAt,
      demarcheLibelle: demarches.libelle,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(and(expiringBrouillons(userId, now), mesDossiersFilterSql(filter)))
    .orderBy(asc(dossiers.expiredAt), asc(dossiers.id))
    .limit(limit);
}

export async function countExpiringBrouillons(db: DbOrTx, userId: number, now: Date = new Date()) {
  const [row] = await db.select({ n: count() }).from(dossiers).where(expiringBrouillons(userId, now));
  return row?.n ?? 0;
}

/** The démarches the usager has dossiers in (the filter's select), by libellé. */
export async function listUsagerDemarches(db: DbOrTx, userId: number) {
  return db
    .select({ id: demarches.id, libelle: demarches.libelle })
    .from(demarches)
    .where(sql`${demarches.id} in (select ${dossiers.demarcheId} from ${dossiers} where ${dossiersOfUsager(userId)})`)
    .orderBy(asc(demarches.libelle), asc(demarches.id))
    .limit(500);
}
