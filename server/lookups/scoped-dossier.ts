/**
 * Scoped dossier lookups: the only ways operations fetch a dossier by number. Out of scope and
 * missing look the same (NotFoundError → 404).
 */
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { demarches, dossiers } from "../db/schema";
import { dossiersOfUsager, dossiersOfUsagerOrInvitee, dossiersVisibleToInstructeur } from "../db/scopes";
import { NotFoundError } from "../errors";

async function findScoped(db: DbOrTx, dossierId: number, scope: ReturnType<typeof dossiersOfUsager>, lock: boolean) {
  if (!Number.isSafeInteger(dossierId) || dossierId <= 0) throw new NotFoundError("Dossier");
  const query = db
    .select({ dossier: dossiers, demarche: demarches })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(and(eq(dossiers.id, dossierId), scope))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: dossiers }) : await query;
  if (!row) throw new NotFoundError("Dossier");
  return row;
}

/** A dossier its owner acts on (owner-only actions: submit, identity, transfer, invitations…). */
export function findUsagerDossier(db: DbOrTx, userId: number, dossierId: number, lock = false) {
  return findScoped(db, dossierId, dossiersOfUsager(userId), lock);
}

/**
 * A dossier its owner or a co-editor (invitee) may view, fill in and discuss; `owner` says which.
 * Anything beyond that goes through `findUsagerDossier`.
 */
export async function findSharedUsagerDossier(db: DbOrTx, userId: number, dossierId: number, lock = false) {
  const row = await findScoped(db, dossierId, dossiersOfUsagerOrInvitee(userId), lock);
  return { ...row, owner: row.dossier.userId === userId };
}

export function findInstructeurDossier(db: DbOrTx, instructeurId: number, dossierId: number, lock = false) {
  return findScoped(db, dossierId, dossiersVisibleToInstructeur(instructeurId), lock);
}

/**
 * A submitted, real dossier (never a brouillon nor a test dossier), for the API's mutations whose
 * input names no instructeur: the caller has checked the token's access to its démarche.
 */
export function findSubmittedDossier(db: DbOrTx, dossierId: number, lock = false) {
  return findScoped(
    db,
    dossierId,
    and(ne(dossiers.state, "brouillon"), eq(dossiers.forTest, false)) as ReturnType<typeof dossiersOfUsager>,
    lock,
  );
}
