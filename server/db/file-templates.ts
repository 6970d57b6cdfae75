/**
 * Files attached to a field definition — the model of a `piece_justificative`
 * (`piece_justificative_template`) and the notice of an `explication` (`notice_explicative`) — are
 * rows of `attachments` linked to the type de champ row. Forms read them into the field's options
 * (`options.template`, `options.notice`) when they are loaded, so every page, the API and the
 * diff see them without knowing where they live; they are never stored in `options`.
 */
import { and, asc, inArray } from "drizzle-orm";
import type { FileRef } from "../domain/files/file-ref";
import type { DbOrTx } from "./client";
import { attachments } from "./schema";

export type TemplatePurpose = "piece_justificative_template" | "notice_explicative";

/** The option key and the purpose of the file each type de champ can carry. */
export const TEMPLATE_OPTION: Record<string, { key: "template" | "notice"; purpose: TemplatePurpose }> = {
  piece_justificative: { key: "template", purpose: "piece_justificative_template" },
  explication: { key: "notice", purpose: "notice_explicative" },
};

export interface TemplateFile extends FileRef {
  checksum: string;
}

/** The template files of these type de champ rows, by row id (the latest upload wins). */
export async function loadTemplateFiles(db: DbOrTx, typeDeChampIds: readonly number[]): Promise<Map<number, TemplateFile>> {
  const files = new Map<number, TemplateFile>();
  if (typeDeChampIds.length === 0) return files;
  const rows = await db
    .select({
      typeDeChampId: attachments.typeDeChampId,
      purpose: attachments.purpose,
      id: attachments.id,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      checksum: attachments.checksum,
    })
    .from(attachments)
    .where(
      and(
        inArray(attachments.typeDeChampId, [...typeDeChampIds]),
        inArray(attachments.purpose, ["piece_justificative_template", "notice_explicative"]),
      ),
    )
    .orderBy(asc(attachments.createdAt));
  for (const { typeDeChampId, purpose: _purpose, ...file } of rows) {
    if (typeDeChampId !== null) files.set(typeDeChampId, file);
  }
  return files;
}

/**
 * Sets (or removes) `options.template` / `options.notice` of each field from the attachments table
 * (the file as pages link to it, with its checksum).
 */
export async function withTemplateFiles<T extends { typeDeChampId: number; options: Record<string, unknown> }>(
  db: DbOrTx,
  champs: T[],
  typeOf: (champ: T) => string,
): Promise<T[]> {
  const concerned = champs.filter((champ) => TEMPLATE_OPTION[typeOf(champ)] !== undefined);
  if (concerned.length === 0) return champs;
  const files = await loadTemplateFiles(
    db,
    concerned.map((champ) => champ.typeDeChampId),
  );
  return champs.map((champ) => {
    const option = TEMPLATE_OPTION[typeOf(champ)];
    if (!option) return champ;
    const { [option.key]: _stored, ...options } = champ.options;
    const file = files.get(champ.typeDeChampId);
    return file ? { ...champ, options: { ...options, [option.key]: file } } : { ...champ, options };
  });
}

/**
 * The options with the model/notice file reduced to what identifies its content (name and
 * checksum), for the revision diff: copies made by copy-on-write have other ids but the same file.
 */
export function templateFilesByContent(type: string, options: Record<string, unknown>): Record<string, unknown> {
  const option = TEMPLATE_OPTION[type];
  const file = option ? (options[option.key] as Partial<TemplateFile> | undefined) : undefined;
  if (!option || !file) return options;
  return { ...options, [option.key]: { filename: file.filename ?? null, checksum: file.checksum ?? null } };
}
