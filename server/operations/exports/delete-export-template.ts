/**
 * An instructeur deletes an export template of one of their groupes. Exports already generated
 * with it stay; pending ones fail (the generator no longer finds it). Out of scope: NotFoundError.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { exportTemplates } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { findTemplateOfInstructeur } from "../../lookups/export-templates";

export async function deleteExportTemplate(db: Db, instructeurId: number, demarcheId: number, templateId: number) {
  const found = await findTemplateOfInstructeur(db, instructeurId, demarcheId, templateId);
  if (!found) throw new NotFoundError("ExportTemplate");
  await db.delete(exportTemplates).where(eq(exportTemplates.id, templateId));
  return { ok: true as const, name: found.name };
}
