/**
 * An instructeur acting on one dossier: found only when they belong to the dossier's groupe
 * instructeur (the same rule as `dossiersVisibleToInstructeur`). Used where the acting instructeur
 * is named by the request rather than signed in (the API's `instructeurId`).
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { dossiers, groupeInstructeurMembers, instructeurs, users } from "../db/schema";

export interface DossierInstructeur {
  instructeurId: number;
  userId: number;
  email: string;
}

/** The instructeur with their account, when they are a member of the dossier's groupe; null otherwise. */
export async function findInstructeurOfDossierGroupe(
  db: DbOrTx,
  instructeurId: number,
  dossierId: number,
): Promise<DossierInstructeur | null> {
  const [row] = await db
    .select({ instructeurId: instructeurs.id, userId: users.id, email: users.email })
    .from(instructeurs)
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .innerJoin(groupeInstructeurMembers, eq(groupeInstructeurMembers.instructeurId, instructeurs.id))
    .innerJoin(dossiers, eq(dossiers.groupeInstructeurId, groupeInstructeurMembers.groupeInstructeurId))
    .where(and(eq(instructeurs.id, instructeurId), eq(dossiers.id, dossierId)))
    .limit(1);
  return row ?? null;
}
