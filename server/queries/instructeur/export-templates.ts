/**
 * The export template pages of an instructeur: the templates of their groupes on a démarche, and
 * one template's editor (what it may choose, its saved content, a preview on their first
 * dossiers). A template out of their groupes: NotFoundError.
 */
import type { TFunction } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../db/client";
import { defaultZipContent, resolveTemplateColumns, resolveZipContent, type TemplateKind } from "../../domain/exports/templates";
import { NotFoundError } from "../../errors";
import { previewTemplate } from "../../exports/generate-export";
import { loadExportFields } from "../../lookups/export-fields";
import { findTemplateOfInstructeur, groupesOfInstructeurOn, listTemplatesOfInstructeur } from "../../lookups/export-templates";

export { listTemplatesOfInstructeur };

export async function loadTemplateEditor(
  db: Db,
  appUrl: string,
  instructeurId: number,
  demarcheId: number,
  templateId: number | null,
  newKind: TemplateKind,
  t: TFunction,
  locale: Locale,
) {
  const template = templateId === null ? null : await findTemplateOfInstructeur(db, instructeurId, demarcheId, templateId);
  if (templateId !== null && !template) throw new NotFoundError("ExportTemplate");
  const fields = await loadExportFields(db, demarcheId, t);
  const groupes = await groupesOfInstructeurOn(db, instructeurId, demarcheId);
  const kind = (template?.kind ?? newKind) as TemplateKind;
  const saved = template
    ? kind === "zip"
      ? { columns: [], dropped: [] as string[], zip: resolveZipContent(template.content, fields.zipItems) }
      : { ...resolveTemplateColumns(template.content, fields.catalogue), zip: null }
    : { columns: [], dropped: [] as string[], zip: null };
  const preview = template ? await previewTemplate(db, appUrl, instructeurId, demarcheId, template, fields, t, locale) : null;
  return {
    template: template ? { id: template.id, name: template.name, groupeId: template.groupeInstructeurId } : null,
    kind,
    groupes,
    catalogue: fields.catalogue,
    zipItems: fields.zipItems,
    tags: fields.tags.filter((tag) => !tag.id.includes("/")).map((tag) => tag.libelle),
    columns: saved.columns,
    zip: saved.zip?.content ?? defaultZipContent(fields.fileFields),
    dropped: saved.zip?.dropped ?? saved.dropped,
    preview,
  };
}
