/** The other instructeurs of a dossier's groupe, to whom it can be sent (the caller has scoped the dossier). */
import { and, asc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { groupeInstructeurMembers, instructeurs, users } from "../../db/schema";

export function colleaguesOfGroupe(db: DbOrTx, groupeInstructeurId: number | null, instructeurId: number) {
  if (groupeInstructeurId === null) return Promise.resolve([]);
  return db
    .select({ instructeurId: instructeurs.id, email: users.email })
    .from(groupeInstructeurMembers)
    .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(and(eq(groupeInstructeurMembers.groupeInstructeurId, groupeInstructeurId), ne(instructeurs.id, instructeurId)))
    .orderBy(asc(users.email));
}
