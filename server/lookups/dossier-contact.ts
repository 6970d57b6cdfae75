import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { groupesInstructeurs } from "../db/schema";
import type { GroupeContact } from "../domain/groupes/contact";

/**
 * Whom the usager of this dossier may contact: the « informations de contact » of the groupe
 * handling it. The démarche-level service card does not exist yet: null then. Callers have
 * authorised the dossier.
 */
export async function dossierContactFor(
  db: DbOrTx,
  dossier: { groupeInstructeurId: number | null },
): Promise<GroupeContact | null> {
  if (dossier.groupeInstructeurId === null) return null;
  const [row] = await db
    .select({ contact: groupesInstructeurs.contactInformation })
    .from(groupesInstructeurs)
    .where(eq(groupesInstructeurs.id, dossier.groupeInstructeurId));
  return row?.contact ?? null;
}
