import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { demarches, groupeInstructeurMembers, groupesInstructeurs } from "../db/schema";
import { NotFoundError } from "../errors";

/**
 * A groupe instructeur this instructeur belongs to, of a démarche whose administrateurs let its
 * instructeurs manage their groupes (`instructeurs_self_management_enabled`); NotFoundError
 * otherwise — another groupe, another démarche, the option off, a démarche in the corbeille. In a
 * transaction, `lock` locks the démarche then the groupe (the order of the administrateur's side).
 */
export async function findSelfManagedGroupe(
  db: DbOrTx,
  instructeurId: number,
  demarcheId: number,
  groupeId: number,
  lock = false,
) {
  for (const id of [demarcheId, groupeId]) if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("GroupeInstructeur");
  const demarcheQuery = db
    .select()
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), eq(demarches.instructeursSelfManagementEnabled, true), isNull(demarches.hiddenAt)))
    .limit(1);
  const [demarche] = lock ? await demarcheQuery.for("update") : await demarcheQuery;
  if (!demarche) throw new NotFoundError("GroupeInstructeur");
  const groupeQuery = db
    .select({ groupe: groupesInstructeurs })
    .from(groupesInstructeurs)
    .innerJoin(
      groupeInstructeurMembers,
      and(
        eq(groupeInstructeurMembers.groupeInstructeurId, groupesInstructeurs.id),
        eq(groupeInstructeurMembers.instructeurId, instructeurId),
      ),
    )
    .where(and(eq(groupesInstructeurs.id, groupeId), eq(groupesInstructeurs.demarcheId, demarche.id)))
    .limit(1);
  const [row] = lock ? await groupeQuery.for("update", { of: groupesInstructeurs }) : await groupeQuery;
  if (!row) throw new NotFoundError("GroupeInstructeur");
  return { demarche, groupe: row.groupe };
}
