/**
 * An administrateur of the démarche asks for the monthly archive of `month` (YYYY-MM): every
 * dossier of the démarche decided that month with all its files (server/exports/generate-archive.ts).
 * Another administrateur gets NotFoundError; a malformed month, a month without decided dossiers
 * and one whose estimated size is over the reference's 100 GB are refused. The live archive of that
 * month and scope (pending, or generated and not yet purged) is returned instead of a new one (the
 * reference keeps one per month and set of groupes); otherwise the row, its event and its job are
 * written together. `requestArchiveFor` is the same operation for any scope: the instructeur's
 * (request-instructeur-archive.ts) passes their groupes.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../db/client";
import { administrateurs, archives, instructeurs } from "../../db/schema";
import { isArchiveMonth, MAX_ARCHIVE_BYTES } from "../../domain/archives/archives";
import { recordEvent } from "../../events/record-event";
import { enqueueJob } from "../../jobs/enqueue";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { archiveMonths } from "../../lookups/archive-dossiers";
import { archiveScopeIs } from "../../lookups/scoped-archive";
import { type OperationResult, refuse } from "../../refusal";

/** Who asks, already authorized on the démarche, and so which dossiers the archive holds. */
export type ArchiveRequester =
  | { kind: "administrateur"; administrateurId: number }
  | { kind: "instructeur"; instructeurId: number; groupeIds: readonly number[] };

export type ArchiveRequestResult = OperationResult<{ archiveId: number; reused: boolean }>;

export async function requestArchive(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  month: unknown,
  locale: Locale,
): Promise<ArchiveRequestResult> {
  await findAdministrableDemarche(db, administrateurId, demarcheId);
  return requestArchiveFor(db, { kind: "administrateur", administrateurId }, demarcheId, month, locale);
}

/** The request once the requester is authorized (callers check the scope first). */
export async function requestArchiveFor(
  db: Db,
  requester: ArchiveRequester,
  demarcheId: number,
  month: unknown,
  locale: Locale,
): Promise<ArchiveRequestResult> {
  const groupeIds = requester.kind === "instructeur" ? [...requester.groupeIds] : null;
  if (!isArchiveMonth(month)) return refuse("invalid_month", "month");
  const [stats] = await archiveMonths(db, demarcheId, month, groupeIds);
  if (!stats || stats.count === 0) return refuse("empty_month", "month");
  if (stats.bytes > MAX_ARCHIVE_BYTES) return refuse("too_large", "month", { max: "100 Go" });
  const scopeKey = groupeIds === null ? "demarche" : groupeIds.join(",");
  return db.transaction(async (tx) => {
    // Two requests at the same moment: the second waits, then finds the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`archive:${demarcheId}:${month}:${scopeKey}`}))`);
    const [live] = await tx
      .select({ id: archives.id })
      .from(archives)
      .where(
        and(
          eq(archives.demarcheId, demarcheId),
          eq(archives.month, month),
          archiveScopeIs(groupeIds),
          inArray(archives.state, ["pending", "generated"]),
        ),
      )
      .orderBy(desc(archives.createdAt))
      .limit(1);
    if (live) return { ok: true as const, archiveId: live.id, reused: true };
    const [created] = await tx
      .insert(archives)
      .values({
        demarcheId,
        month,
        requestedByAdministrateurId: requester.kind === "administrateur" ? requester.administrateurId : null,
        requestedByInstructeurId: requester.kind === "instructeur" ? requester.instructeurId : null,
        groupeIds,
        locale,
        totalCount: stats.count,
      })
      .returning({ id: archives.id });
    const archiveId = (created as { id: number }).id;
    const [actor] =
      requester.kind === "administrateur"
        ? await tx
            .select({ userId: administrateurs.userId })
            .from(administrateurs)
            .where(eq(administrateurs.id, requester.administrateurId))
        : await tx.select({ userId: instructeurs.userId }).from(instructeurs).where(eq(instructeurs.id, requester.instructeurId));
    await recordEvent(tx, {
      kind: "demarche.archive_demandee",
      demarcheId,
      dossierId: null,
      actor: requester.kind,
      actorUserId: actor?.userId ?? null,
      payload: groupeIds === null ? { archiveId, month } : { archiveId, month, groupeIds },
    });
    await enqueueJob(tx, "generate-archive", { archiveId }, { maxAttempts: 1 });
    return { ok: true as const, archiveId, reused: false };
  });
}
