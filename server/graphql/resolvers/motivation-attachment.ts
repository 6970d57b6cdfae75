/**
 * `Dossier.motivationAttachment`: the justificatif given through the API with the dossier's last
 * decision (claimed after the decision, so dated after it). A decision taken since without one
 * (after a « repasser en instruction ») hides it, as the reference purges it.
 */
import { and, desc, eq } from "drizzle-orm";
import { attachments } from "../../db/schema";
import type { FileRef } from "../../domain/files/file-ref";
import type { DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

export async function motivationAttachment(d: DossierRow, _args: unknown, ctx: GraphqlContext): Promise<FileRef | null> {
  if (d.state !== "accepte" && d.state !== "refuse" && d.state !== "sans_suite") return null;
  const [row] = await ctx.db
    .select({
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.dossierId, d.id), eq(attachments.purpose, "justificatif")))
    .orderBy(desc(attachments.createdAt))
    .limit(1);
  if (!row || (d.processedAt && row.createdAt < d.processedAt)) return null;
  const { createdAt: _createdAt, ...file } = row;
  return file;
}
