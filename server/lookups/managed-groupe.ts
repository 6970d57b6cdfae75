import type { DbOrTx } from "../db/client";
import { NotFoundError } from "../errors";
import { findAdministrableGroupe } from "./administrable-groupe";
import { findDefaultGroupe } from "./default-groupe";
import { findSelfManagedGroupe } from "./self-managed-groupe";

/**
 * Who manages a groupe's instructeurs: an administrateur of the démarche (an `administrateurId`,
 * any groupe, the default one when none is named), or an instructeur of that groupe when the
 * démarche allows self-management.
 */
export type GroupeManager = number | { instructeurId: number };

/** The groupe this manager may manage, with its démarche; NotFoundError otherwise. */
export async function findManagedGroupe(
  db: DbOrTx,
  manager: GroupeManager,
  demarcheId: number,
  groupeId: number | undefined,
  lock = false,
) {
  if (typeof manager === "number") {
    const id = groupeId ?? (await findDefaultGroupe(db, demarcheId)).id;
    return findAdministrableGroupe(db, manager, demarcheId, id, lock);
  }
  if (groupeId === undefined) throw new NotFoundError("GroupeInstructeur");
  return findSelfManagedGroupe(db, manager.instructeurId, demarcheId, groupeId, lock);
}

export function managerActor(manager: GroupeManager): "administrateur" | "instructeur" {
  return typeof manager === "number" ? "administrateur" : "instructeur";
}
