/**
 * A dossier's messagerie, oldest first, with each message's files and correction. The caller has
 * already found the dossier in the viewer's scope (usager, instructeur or expert).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { attachments, commentaires, dossierCorrections } from "../db/schema";

export interface ThreadFile {
  id: string;
  filename: string;
  contentType: string;
  byteSize: number;
  checksum: string;
  createdAt: Date;
}

export interface ThreadMessage {
  id: number;
  authorKind: "usager" | "instructeur" | "expert" | "system";
  instructeurId: number | null;
  expertId: number | null;
  email: string;
  body: string;
  createdAt: Date;
  discardedAt: Date | null;
  files: ThreadFile[];
  correction: { reason: "incorrect" | "incomplete" | "outdated"; resolvedAt: Date | null; createdAt: Date } | null;
}

/** The whole thread, or one message of it (`id`). */
export async function loadThread(db: DbOrTx, dossierId: number, options: { id?: number } = {}): Promise<ThreadMessage[]> {
  return (await loadThreads(db, [dossierId], options)).get(dossierId) ?? [];
}

/** The threads of several dossiers at once (the API's lists), by dossier. */
export async function loadThreads(
  db: DbOrTx,
  dossierIds: readonly number[],
  options: { id?: number } = {},
): Promise<Map<number, ThreadMessage[]>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db
    .select({
      dossierId: commentaires.dossierId,
      id: commentaires.id,
      authorKind: commentaires.authorKind,
      instructeurId: commentaires.instructeurId,
      expertId: commentaires.expertId,
      email: commentaires.email,
      body: commentaires.body,
      createdAt: commentaires.createdAt,
      discardedAt: commentaires.discardedAt,
      reason: dossierCorrections.reason,
      resolvedAt: dossierCorrections.resolvedAt,
      correctionCreatedAt: dossierCorrections.createdAt,
    })
    .from(commentaires)
    .leftJoin(dossierCorrections, eq(dossierCorrections.commentaireId, commentaires.id))
    .where(
      options.id === undefined
        ? inArray(commentaires.dossierId, [...dossierIds])
        : and(inArray(commentaires.dossierId, [...dossierIds]), eq(commentaires.id, options.id)),
    )
    .orderBy(asc(commentaires.createdAt), asc(commentaires.id));
  const messages = rows;
  const ids = messages.map((m) => m.id);
  const files = ids.length
    ? await db
        .select({
          id: attachments.id,
          commentaireId: attachments.commentaireId,
          filename: attachments.filename,
          contentType: attachments.contentType,
          byteSize: attachments.byteSize,
          checksum: attachments.checksum,
          createdAt: attachments.createdAt,
        })
        .from(attachments)
        .where(inArray(attachments.commentaireId, ids))
        .orderBy(asc(attachments.createdAt))
    : [];
  const byMessage = new Map<number, ThreadFile[]>();
  for (const { commentaireId, ...file } of files) {
    if (commentaireId === null) continue;
    const list = byMessage.get(commentaireId) ?? [];
    list.push(file);
    byMessage.set(commentaireId, list);
  }
  const threads = new Map<number, ThreadMessage[]>();
  for (const { reason, resolvedAt, correctionCreatedAt, dossierId, ...m } of messages) {
    const list = threads.get(dossierId) ?? [];
    list.push({
      ...m,
      files: byMessage.get(m.id) ?? [],
      correction: reason && correctionCreatedAt ? { reason, resolvedAt, createdAt: correctionCreatedAt } : null,
    });
    threads.set(dossierId, list);
  }
  return threads;
}

/** Files uploaded by `userId` for a message on this dossier not sent yet, among `ids` (kept on a refused form). */
export async function pendingMessageFiles(db: DbOrTx, userId: number, dossierId: number, ids: readonly string[]) {
  const valid = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)).slice(0, 100);
  if (valid.length === 0) return [];
  return db
    .select({ id: attachments.id, filename: attachments.filename })
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, valid),
        eq(attachments.purpose, "message"),
        eq(attachments.dossierId, dossierId),
        eq(attachments.uploadedByUserId, userId),
        isNull(attachments.commentaireId),
      ),
    )
    .orderBy(asc(attachments.createdAt));
}
