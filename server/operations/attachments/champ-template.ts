/**
 * The administrateur's model file of a `piece_justificative` (and notice of an `explication`):
 * attached to the draft's field definition, copied first if a published revision shares it
 * (copy-on-write), so published forms keep their own file. Scoped to the démarche's
 * administrateurs (NotFoundError otherwise, checked before any byte is stored).
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client";
import { TEMPLATE_OPTION } from "../../db/file-templates";
import { attachments, typesDeChamp } from "../../db/schema";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { templateAcceptedFiles } from "../../domain/files/file-fields";
import type { AcceptedFiles } from "../../domain/files/formats";
import { NotFoundError, parseOrBadRequest } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { ensureExclusiveToDraft, findDraftCoordinate, lockDraft } from "../revisions/draft-revision";

const ZTarget = z.object({
  administrateurId: z.number().int().positive(),
  demarcheId: z.number().int().positive(),
  stableId: z.number().int().positive(),
});

async function draftField(tx: Tx, draftRevisionId: number, stableId: number) {
  const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
  const [field] = await tx
    .select({ type: typesDeChamp.typeChamp, libelle: typesDeChamp.libelle })
    .from(typesDeChamp)
    .where(eq(typesDeChamp.id, coordinate.typeDeChampId));
  const option = field ? TEMPLATE_OPTION[field.type] : undefined;
  if (!field || !option) throw new NotFoundError("Champ");
  return { coordinate, field, option };
}

/** Which files the field's model accepts, if this administrateur may set it. */
export async function findTemplateTarget(
  db: Db,
  raw: z.input<typeof ZTarget> & { maxBytesCap: number },
): Promise<{ libelle: string; accepted: AcceptedFiles }> {
  const input = parseOrBadRequest(ZTarget, raw);
  return db.transaction(
    async (tx) => {
      const demarche = await findAdministrableDemarche(tx, input.administrateurId, input.demarcheId);
      if (!demarche.draftRevisionId) throw new NotFoundError("Revision");
      const { field } = await draftField(tx, demarche.draftRevisionId, input.stableId);
      const accepted = templateAcceptedFiles(field.type, raw.maxBytesCap);
      if (!accepted) throw new NotFoundError("Champ");
      return { libelle: field.libelle, accepted };
    },
    { accessMode: "read only" },
  );
}

const ZSetTemplate = ZTarget.extend({
  userId: z.number().int().positive(),
  file: z.object({
    storageKey: z.string().min(1).max(500),
    filename: z.string(),
    contentType: z.string().min(1).max(255),
    byteSize: z.number().int().positive(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

/** Replaces the field's model file by an uploaded one (bytes already stored; the caller deletes them on failure). */
export async function setChampTemplate(db: Db, raw: z.input<typeof ZSetTemplate>) {
  const input = parseOrBadRequest(ZSetTemplate, raw);
  return db.transaction(async (tx) => {
    const { draftRevisionId } = await lockDraft(tx, input.administrateurId, input.demarcheId);
    const { coordinate, option } = await draftField(tx, draftRevisionId, input.stableId);
    const typeDeChampId = await ensureExclusiveToDraft(tx, coordinate, draftRevisionId);
    await tx
      .delete(attachments)
      .where(and(eq(attachments.typeDeChampId, typeDeChampId), eq(attachments.purpose, option.purpose)));
    const [row] = await tx
      .insert(attachments)
      .values({
        storageKey: input.file.storageKey,
        filename: sanitizeFilename(input.file.filename),
        contentType: input.file.contentType,
        byteSize: input.file.byteSize,
        checksum: input.file.checksum,
        purpose: option.purpose,
        typeDeChampId,
        stableId: input.stableId,
        uploadedByUserId: input.userId,
      })
      .returning({ id: attachments.id });
    await tx.update(typesDeChamp).set({ updatedAt: sql`now()` }).where(eq(typesDeChamp.id, typeDeChampId));
    return { id: (row as { id: string }).id };
  });
}

/** Removes the field's model file from the draft (published revisions keep theirs). */
export async function removeChampTemplate(db: Db, raw: z.input<typeof ZTarget>) {
  const input = parseOrBadRequest(ZTarget, raw);
  await db.transaction(async (tx) => {
    const { draftRevisionId } = await lockDraft(tx, input.administrateurId, input.demarcheId);
    const { coordinate, option } = await draftField(tx, draftRevisionId, input.stableId);
    const typeDeChampId = await ensureExclusiveToDraft(tx, coordinate, draftRevisionId);
    await tx
      .delete(attachments)
      .where(and(eq(attachments.typeDeChampId, typeDeChampId), eq(attachments.purpose, option.purpose)));
    await tx.update(typesDeChamp).set({ updatedAt: sql`now()` }).where(eq(typesDeChamp.id, typeDeChampId));
  });
}
