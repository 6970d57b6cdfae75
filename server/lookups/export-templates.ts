/**
 * Export templates an instructeur may use: those of the groupes they belong to on the démarche
 * (shared by every member). Anything else is out of scope: null here, a 404 for callers.
 */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { exportTemplates, groupesInstructeurs } from "../db/schema";
import { groupesOfInstructeur } from "../db/scopes";

const columns = {
  id: exportTemplates.id,
  name: exportTemplates.name,
  kind: exportTemplates.kind,
  content: exportTemplates.content,
  groupeInstructeurId: exportTemplates.groupeInstructeurId,
  groupe: groupesInstructeurs.label,
  updatedAt: exportTemplates.updatedAt,
};

export async function findTemplateOfInstructeur(db: DbOrTx, instructeurId: number, demarcheId: number, templateId: number) {
  const [row] = await db
    .select(columns)
    .from(exportTemplates)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, exportTemplates.groupeInstructeurId))
    .where(
      and(
        eq(exportTemplates.id, templateId),
        eq(exportTemplates.demarcheId, demarcheId),
        eq(groupesInstructeurs.demarcheId, demarcheId),
        groupesOfInstructeur(instructeurId),
      ),
    );
  return row ?? null;
}

export async function listTemplatesOfInstructeur(db: DbOrTx, instructeurId: number, demarcheId: number) {
  return db
    .select(columns)
    .from(exportTemplates)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, exportTemplates.groupeInstructeurId))
    .where(
      and(
        eq(exportTemplates.demarcheId, demarcheId),
        eq(groupesInstructeurs.demarcheId, demarcheId),
        groupesOfInstructeur(instructeurId),
      ),
    )
    .orderBy(asc(exportTemplates.name), asc(exportTemplates.id));
}

/** The instructeur's groupes on the démarche (where a template may be shared). */
export async function groupesOfInstructeurOn(db: DbOrTx, instructeurId: number, demarcheId: number) {
  return db
    .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), groupesOfInstructeur(instructeurId)))
    .orderBy(asc(groupesInstructeurs.label));
}

export type ExportTemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplateOfInstructeur>>>;
