/**
 * An administrateur of the démarche asks for the monthly archive of `month` (YYYY-MM): every
 * dossier decided that month with all its files (server/exports/generate-archive.ts). Another
 * administrateur gets NotFoundError; a malformed month, a month without decided dossiers and one
 * whose estimated size is over the reference's 100 GB are refused. The démarche's live archive of
 * that month (pending, or generated and not yet purged) is returned instead of a new one (the
 * reference keeps one per month); otherwise the row, its event and its job are written together.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../db/client";
import { administrateurs, archives } from "../../db/schema";
import { isArchiveMonth, MAX_ARCHIVE_BYTES } from "../../domain/archives/archives";
import { recordEvent } from "../../events/record-event";
import { enqueueJob } from "../../jobs/enqueue";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { archiveMonths } from "../../lookups/archive-dossiers";
import { type OperationResult, refuse } from "../../refusal";

export async function requestArchive(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  month: unknown,
  locale: Locale,
): Promise<OperationResult<{ archiveId: number; reused: boolean }>> {
  await findAdministrableDemarche(db, administrateurId, demarcheId);
  if (!isArchiveMonth(month)) return refuse("invalid_month", "month");
  const [stats] = await archiveMonths(db, demarcheId, month);
  if (!stats || stats.count === 0) return refuse("empty_month", "month");
  if (stats.bytes > MAX_ARCHIVE_BYTES) return refuse("too_large", "month", { max: "100 Go" });
  return db.transaction(async (tx) => {
    // Two requests at the same moment: the second waits, then finds the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`archive:${demarcheId}:${month}`}))`);
    const [live] = await tx
      .select({ id: archives.id })
      .from(archives)
      .where(
        and(eq(archives.demarcheId, demarcheId), eq(archives.month, month), inArray(archives.state, ["pending", "generated"])),
      )
      .orderBy(desc(archives.createdAt))
      .limit(1);
    if (live) return { ok: true as const, archiveId: live.id, reused: true };
    const [created] = await tx
      .insert(archives)
      .values({ demarcheId, month, requestedByAdministrateurId: administrateurId, locale, totalCount: stats.count })
      .returning({ id: archives.id });
    const archiveId = (created as { id: number }).id;
    const [admin] = await tx
      .select({ userId: administrateurs.userId })
      .from(administrateurs)
      .where(eq(administrateurs.id, administrateurId));
    await recordEvent(tx, {
      kind: "demarche.archive_demandee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin?.userId ?? null,
      payload: { archiveId, month },
    });
    await enqueueJob(tx, "generate-archive", { archiveId }, { maxAttempts: 1 });
    return { ok: true as const, archiveId, reused: false };
  });
}
