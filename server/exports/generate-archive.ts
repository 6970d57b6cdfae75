/**
 * Generates one monthly archive (job `generate-archive`): the month's decided dossiers read by id
 * batch after batch (server/lookups/archive-dossiers.ts) and written by the export pipeline's zip
 * writer in its default layout (a folder per dossier: its data, attestation, field files,
 * justificatif, messages' attachments, avis files), the zip stored as it is written. Then, in one
 * transaction, the archive is marked generated and `demarche.archive_generee` recorded (its
 * reaction e-mails who asked). An instructeur's archive reads only the dossiers of its groupes.
 * Anything failing marks it failed.
 */
import { eq } from "drizzle-orm";
import type { Readable } from "node:stream";
import { ZipFile } from "yazl";
import { getT } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";
import type { Db } from "../db/client";
import { archives } from "../db/schema";
import { archiveFilename } from "../domain/archives/archives";
import { recordEvent } from "../events/record-event";
import { archiveDossierIds } from "../lookups/archive-dossiers";
import { loadExportFields } from "../lookups/export-fields";
import { type GenerateServices, storeWhileWriting, writeDossiersZip } from "./generate-export";

export async function generateArchive(
  services: GenerateServices,
  archiveId: number,
): Promise<"generated" | "failed" | "skipped"> {
  const { db, storage, logger } = services;
  const [row] = await db.select().from(archives).where(eq(archives.id, archiveId));
  if (row?.state !== "pending") return "skipped";
  const locale = (row.locale === "en" ? "en" : "fr") as Locale;
  try {
    const fields = await loadExportFields(db, row.demarcheId, getT(locale));
    const zip = new ZipFile();
    const progress = async (done: number) => {
      await db.update(archives).set({ processedCount: done }).where(eq(archives.id, archiveId));
    };
    let count = 0;
    const produce = writeDossiersZip(
      {
        db,
        storage,
        appUrl: services.appUrl,
        fields,
        locale,
        template: null,
        batches: archiveDossierIds(db, row.demarcheId, row.month, row.groupeIds ?? null, services.batchSize),
        progress: async (done) => {
          count = done;
          await progress(done);
        },
      },
      zip,
    );
    const { key, size } = await storeWhileWriting(storage, zip.outputStream as Readable, produce);
    await db.transaction(async (tx) => {
      await tx
        .update(archives)
        .set({
          state: "generated",
          fileKey: key,
          byteSize: size,
          filename: archiveFilename(row.demarcheId, row.month),
          totalCount: count,
          generatedAt: new Date(),
        })
        .where(eq(archives.id, archiveId));
      await recordEvent(tx, {
        kind: "demarche.archive_generee",
        demarcheId: row.demarcheId,
        dossierId: null,
        actor: "system",
        actorUserId: null,
        payload: row.groupeIds
          ? { archiveId, month: row.month, count, groupeIds: row.groupeIds }
          : { archiveId, month: row.month, count },
      });
    });
    return "generated";
  } catch (error) {
    logger.error({ err: error, archiveId }, "archive generation failed");
    await markFailed(db, archiveId);
    return "failed";
  }
}

async function markFailed(db: Db, archiveId: number) {
  await db.update(archives).set({ state: "failed" }).where(eq(archives.id, archiveId));
}
