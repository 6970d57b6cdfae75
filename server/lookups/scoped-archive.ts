/**
 * The archives a download link or a page may name. An administrateur reaches the démarche's own
 * archives (whole démarche, `groupe_ids` null); an instructeur reaches the archives of exactly
 * their groupe set on the démarche (the reference's archives per set of groupes: a colleague with
 * the same groupes shares them; anyone else, including an administrateur's archive, is not found).
 */
import { and, desc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { archives, groupesInstructeurs } from "../db/schema";
import { groupesOfInstructeur } from "../db/scopes";
import { archiveExpiresAt, MAX_ARCHIVE_BYTES, normalizeGroupeIds } from "../domain/archives/archives";
import { NotFoundError } from "../errors";
import { findAdministrableDemarche } from "./administrable-demarche";
import { archiveMonths } from "./archive-dossiers";

/** An archive of a démarche this administrateur administers (NotFoundError otherwise). */
export async function findDemarcheArchive(db: DbOrTx, administrateurId: number, demarcheId: number, archiveId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const [row] = await db
    .select()
    .from(archives)
    .where(and(eq(archives.id, archiveId), eq(archives.demarcheId, demarche.id), isNull(archives.groupeIds)));
  if (!row) throw new NotFoundError("Archive");
  return row;
}

/**
 * The instructeur's groupes on the démarche (closed ones included: their dossiers stay theirs),
 * ascending; NotFoundError when they have none there.
 */
export async function instructeurArchiveGroupes(db: DbOrTx, instructeurId: number, demarcheId: number): Promise<number[]> {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  const rows = await db
    .select({ id: groupesInstructeurs.id })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), groupesOfInstructeur(instructeurId)));
  if (rows.length === 0) throw new NotFoundError("Demarche");
  return normalizeGroupeIds(rows.map((r) => r.id));
}

/** The condition « the archive covers exactly this scope » (null: the whole démarche). */
export function archiveScopeIs(groupeIds: readonly number[] | null): SQL {
  return groupeIds === null
    ? isNull(archives.groupeIds)
    : sql`${archives.groupeIds} = ${`{${groupeIds.map(Number).join(",")}}`}::int[]`;
}

/** An archive of the instructeur's groupe set on the démarche (NotFoundError otherwise). */
export async function findInstructeurArchive(db: DbOrTx, instructeurId: number, demarcheId: number, archiveId: number) {
  const groupeIds = await instructeurArchiveGroupes(db, instructeurId, demarcheId);
  const [row] = await db
    .select()
    .from(archives)
    .where(and(eq(archives.id, archiveId), eq(archives.demarcheId, demarcheId), archiveScopeIs(groupeIds)));
  if (!row) throw new NotFoundError("Archive");
  return row;
}

/** The scope's archives not yet purged, newest first (the archives pages). */
export function liveArchivesOf(db: DbOrTx, demarcheId: number, groupeIds: readonly number[] | null) {
  return db
    .select()
    .from(archives)
    .where(and(eq(archives.demarcheId, demarcheId), ne(archives.state, "purged"), archiveScopeIs(groupeIds)))
    .orderBy(desc(archives.createdAt));
}

/**
 * The archives page's rows for a scope: each month with decided dossiers (count, estimated size,
 * over the 100 GB limit or not) and its latest archive not yet purged (pending with progress,
 * generated with its expiry, or failed).
 */
export async function archiveMonthsWithArchives(db: DbOrTx, demarcheId: number, groupeIds: readonly number[] | null) {
  const [months, rows] = await Promise.all([
    archiveMonths(db, demarcheId, null, groupeIds),
    liveArchivesOf(db, demarcheId, groupeIds),
  ]);
  return months.map((m) => {
    const archive = rows.find((r) => r.month === m.month) ?? null;
    return {
      ...m,
      tooLarge: m.bytes > MAX_ARCHIVE_BYTES,
      archive: archive && {
        id: archive.id,
        state: archive.state,
        processed: archive.processedCount,
        total: archive.totalCount ?? m.count,
        byteSize: archive.byteSize,
        expiresAt: archiveExpiresAt(archive.createdAt).toISOString(),
      },
    };
  });
}
