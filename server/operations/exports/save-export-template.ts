/**
 * An instructeur creates or edits an export template of one of their groupes on a démarche
 * (shared with its members). Tabular kinds: ordered columns with headers, among the export's
 * columns; zip: folder and file names from tags (the folder must contain the dossier number, the
 * names must be distinct). A démarche, groupe or template out of the instructeur's scope: NotFoundError.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getT } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../db/client";
import { demarches, exportTemplates } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import { isTemplateKind, validateTabularTemplate, validateZipTemplate } from "../../domain/exports/templates";
import { NotFoundError } from "../../errors";
import { loadExportFields } from "../../lookups/export-fields";
import { findTemplateOfInstructeur, groupesOfInstructeurOn } from "../../lookups/export-templates";
import { type OperationResult, refuse } from "../../refusal";

export const ZExportTemplateInput = z.object({
  groupeId: z.number().int(),
  name: z.string().max(1000),
  kind: z.string().max(10),
  columns: z
    .array(z.object({ id: z.string().max(100), libelle: z.string().max(1000) }))
    .max(1000)
    .default([]),
  folder: z.string().max(1000).default(""),
  items: z
    .array(z.object({ id: z.string().max(100), enabled: z.boolean(), name: z.string().max(1000) }))
    .max(500)
    .default([]),
});
export type ExportTemplateInput = z.input<typeof ZExportTemplateInput>;

export async function saveExportTemplate(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  templateId: number | null,
  raw: ExportTemplateInput,
  locale: Locale,
  now = new Date(),
): Promise<OperationResult<{ templateId: number }>> {
  const [demarche] = await db
    .select({ id: demarches.id })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(instructeurId)));
  if (!demarche) throw new NotFoundError("Demarche");
  if (templateId !== null && !(await findTemplateOfInstructeur(db, instructeurId, demarcheId, templateId))) {
    throw new NotFoundError("ExportTemplate");
  }
  const parsed = ZExportTemplateInput.safeParse(raw);
  if (!parsed.success) return refuse("invalid", "form");
  const input = parsed.data;
  const groupes = await groupesOfInstructeurOn(db, instructeurId, demarcheId);
  if (!groupes.some((g) => g.id === input.groupeId)) return refuse("unknown_groupe", "groupe");
  if (!isTemplateKind(input.kind)) return refuse("unknown_kind", "kind");
  const fields = await loadExportFields(db, demarcheId, getT(locale));
  const { content, refusals } =
    input.kind === "zip"
      ? validateZipTemplate(input.name, input.folder, input.items, fields.zipItems, fields.tags)
      : validateTabularTemplate(input.name, input.columns, fields.catalogue);
  if (!content) return { ok: false, refusals };
  const values = {
    demarcheId,
    groupeInstructeurId: input.groupeId,
    name: input.name.trim(),
    kind: input.kind,
    content,
    updatedAt: now,
  };
  if (templateId !== null) {
    await db.update(exportTemplates).set(values).where(eq(exportTemplates.id, templateId));
    return { ok: true, templateId };
  }
  const [created] = await db
    .insert(exportTemplates)
    .values({ ...values, createdByInstructeurId: instructeurId, createdAt: now })
    .returning({ id: exportTemplates.id });
  return { ok: true, templateId: (created as { id: number }).id };
}
