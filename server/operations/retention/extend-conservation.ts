/**
 * « Conserver plus longtemps » (ds-behaviour §2.6): the usager adds the démarche's durée de
 * conservation, an instructeur 1 month; the notice starts over (the trigger recomputes
 * `expired_at`), and a dossier hidden by expiry and not yet purged is restored. Only close to
 * expiry (within the notice window) or once expired: otherwise a specific refusal. Owner-only for
 * the usager (`findUsagerDossier`), the instructeur's groupes for an instructeur: anyone else gets
 * NotFoundError and nothing changes.
 */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { type demarches, dossiers } from "../../db/schema";
import { type ExtensionActor, type ExtensionRefusal, extensionMonths, extensionRefusal } from "../../domain/dossier/expiry";
import { recordEvent } from "../../events/record-event";
import { findInstructeurDossier, findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import type { InstructeurActor } from "../dossiers/instructeur-transition";

type Found = { dossier: typeof dossiers.$inferSelect; demarche: typeof demarches.$inferSelect };

async function extend(
  tx: Tx,
  found: Found,
  by: ExtensionActor,
  actor: { kind: "usager" | "instructeur" | "api"; userId: number },
  now: Date,
): Promise<OperationResult<{ expiredAt: Date | null }, object>> {
  const { dossier, demarche } = found;
  const refusal: ExtensionRefusal | null = extensionRefusal(dossier, by, now);
  if (refusal) return refuse(refusal);
  const months = extensionMonths(by, demarche.dureeConservation);
  const restored = dossier.hiddenByExpiredAt !== null;
  const [updated] = await tx
    .update(dossiers)
    .set({
      conservationExtension: dossier.conservationExtension + months,
      expirationNoticeSentAt: null,
      hiddenByExpiredAt: null,
      updatedAt: now,
      lockVersion: dossier.lockVersion + 1,
    })
    .where(eq(dossiers.id, dossier.id))
    .returning({ expiredAt: dossiers.expiredAt });
  await recordEvent(tx, {
    kind: "dossier.conservation_prolongee",
    demarcheId: dossier.demarcheId,
    dossierId: dossier.id,
    actor: actor.kind,
    actorUserId: actor.userId,
    payload: { by, months, restored },
  });
  return { ok: true, expiredAt: updated?.expiredAt ?? null };
}

export function extendConservationByUsager(db: Db, userId: number, dossierId: number, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const found = await findUsagerDossier(tx, userId, dossierId, true);
    return extend(tx, found, "usager", { kind: "usager", userId }, now);
  });
}

export function extendConservationByInstructeur(db: Db, actor: InstructeurActor, dossierId: number, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const found = await findInstructeurDossier(tx, actor.instructeurId, dossierId, true);
    return extend(tx, found, "instructeur", { kind: actor.kind ?? "instructeur", userId: actor.userId }, now);
  });
}
