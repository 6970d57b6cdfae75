/**
 * Copy-on-write of a field definition (`ensureExclusiveToDraft`) makes a new type de champ row;
 * its model/notice file follows it: the attachment rows are copied and share the stored bytes
 * (storage keys are not unique; bytes are purged only when no row refers to them).
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { attachments } from "../../db/schema";

export async function copyTemplateFiles(tx: Tx, fromTypeDeChampId: number, toTypeDeChampId: number) {
  const rows = await tx
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.typeDeChampId, fromTypeDeChampId),
        inArray(attachments.purpose, ["piece_justificative_template", "notice_explicative"]),
      ),
    );
  if (rows.length === 0) return;
  await tx
    .insert(attachments)
    .values(rows.map(({ id: _id, createdAt: _createdAt, ...row }) => ({ ...row, typeDeChampId: toTypeDeChampId })));
}
