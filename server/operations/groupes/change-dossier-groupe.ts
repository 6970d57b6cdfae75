/**
 * Moves a dossier en construction or en instruction to another groupe of its démarche by hand (an
 * instructeur of its groupe, or the API): routing leaves it there afterwards, its followers outside
 * the new groupe stop following it and are e-mailed. Refusals (keys of `instructeur.groupe.errors`):
 * `groupe_not_found` on `groupeId` (another démarche's groupe, a closed or unknown one),
 * `same_groupe` and `not_reassignable` (a brouillon or a decided dossier) on `form`.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import type { EventActor } from "../../domain/events/kinds";
import { findInstructeurDossier, findSubmittedDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { moveDossierToGroupe } from "./move-dossier";

type Dossier = Awaited<ReturnType<typeof findInstructeurDossier>>["dossier"];

/** The move itself, on a dossier already found (and locked) through the caller's scope. */
export async function changeDossierGroupeInTx(
  tx: Tx,
  dossier: Dossier,
  groupeId: number,
  who: { actor: EventActor; actorUserId: number | null },
): Promise<OperationResult<{ groupeId: number }>> {
  if (dossier.state !== "en_construction" && dossier.state !== "en_instruction") return refuse("not_reassignable");
  if (!Number.isSafeInteger(groupeId) || groupeId <= 0) return refuse("groupe_not_found", "groupeId");
  const groupes = await tx
    .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label, closed: groupesInstructeurs.closed })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, dossier.demarcheId)));
  const to = groupes.find((g) => g.id === groupeId);
  if (!to || to.closed) return refuse("groupe_not_found", "groupeId");
  if (to.id === dossier.groupeInstructeurId) return refuse("same_groupe");
  const from = groupes.find((g) => g.id === dossier.groupeInstructeurId) ?? null;
  await moveDossierToGroupe(tx, {
    dossier,
    from: from ? { id: from.id, label: from.label } : null,
    to: { id: to.id, label: to.label },
    mode: "manual",
    forced: true,
    actor: who.actor,
    actorUserId: who.actorUserId,
  });
  return { ok: true, groupeId: to.id };
}

/** An instructeur of the dossier's groupe moves it (NotFoundError when they cannot see it). */
export async function changeDossierGroupe(
  db: Db,
  instructeur: { instructeurId: number; userId: number },
  dossierId: number,
  groupeId: number,
): Promise<OperationResult<{ groupeId: number }>> {
  return db.transaction(async (tx) => {
    const { dossier } = await findInstructeurDossier(tx, instructeur.instructeurId, dossierId, true);
    return changeDossierGroupeInTx(tx, dossier, groupeId, { actor: "instructeur", actorUserId: instructeur.userId });
  });
}

/**
 * The API's `dossierChangerGroupeInstructeur`: the caller has checked the token's access to the
 * dossier's démarche; the move is recorded with actor "api".
 */
export async function changeDossierGroupeByApi(
  db: Db,
  dossierId: number,
  groupeId: number,
): Promise<OperationResult<{ groupeId: number }>> {
  return db.transaction(async (tx) => {
    const { dossier } = await findSubmittedDossier(tx, dossierId, true);
    return changeDossierGroupeInTx(tx, dossier, groupeId, { actor: "api", actorUserId: null });
  });
}
