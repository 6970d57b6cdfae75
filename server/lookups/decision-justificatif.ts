/**
 * The justificatif of a dossier's last decision, read the same way by the API
 * (`Dossier.motivationAttachment`), the usager's dossier page and the exports: the `justificatif`
 * attachment claimed after the decision (dated after it). A decision taken since without one
 * (after a « repasser en instruction ») hides it, as the reference purges it. The caller has
 * already found the dossier in the reader's scope.
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { attachments } from "../db/schema";
import type { FileRef } from "../domain/files/file-ref";

export async function findDecisionJustificatif(
  db: DbOrTx,
  dossier: { id: number; state: string; processedAt: Date | null },
): Promise<FileRef | null> {
  if (dossier.state !== "accepte" && dossier.state !== "refuse" && dossier.state !== "sans_suite") return null;
  const [row] = await db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.dossierId, dossier.id), eq(attachments.purpose, "justificatif")))
    .orderBy(desc(attachments.createdAt))
    .limit(1);
  if (!row || (dossier.processedAt && row.createdAt < dossier.processedAt)) return null;
  const { createdAt: _createdAt, ...file } = row;
  return file;
}
