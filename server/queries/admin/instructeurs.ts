import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { groupeInstructeurMembers, instructeurs, users } from "../../db/schema";
import { findDefaultGroupe } from "../../lookups/default-groupe";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

/**
 * Instructeurs of the démarche's default groupe. "invited": the account was created by an
 * invitation and its owner has not chosen a password yet; "active" otherwise.
 */
export async function listDemarcheInstructeurs(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const groupe = await findDefaultGroupe(db, demarcheId);
  const rows = await db
    .select({
      instructeurId: instructeurs.id,
      email: users.email,
      invited: sql<boolean>`${users.passwordHash} is null`,
      addedAt: groupeInstructeurMembers.createdAt,
    })
    .from(groupeInstructeurMembers)
    .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id))
    .orderBy(asc(users.email));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    instructeurs: rows.map((r) => ({ ...r, status: r.invited ? ("invited" as const) : ("active" as const) })),
  };
}
