/**
 * A dossier's attestation read through the same scopes as the dossier: its usager (not while an
 * accusé de lecture hides the decision), the instructeurs who may see the dossier, or a signed
 * API link (`Dossier.attestation`). Out of scope or no attestation: NotFoundError (404).
 */
import type { DbOrTx } from "../db/client";
import { NotFoundError } from "../errors";
import { findDossierAttestation } from "../lookups/attestation-templates";
import { findInstructeurDossier, findSubmittedDossier, findUsagerDossier } from "../lookups/scoped-dossier";

async function attestationOf(db: DbOrTx, dossierId: number) {
  const attestation = await findDossierAttestation(db, dossierId);
  if (!attestation) throw new NotFoundError("Attestation");
  return attestation;
}

export async function findUsagerAttestation(db: DbOrTx, userId: number, dossierId: number) {
  const { dossier, demarche } = await findUsagerDossier(db, userId, dossierId);
  if (demarche.accuseLecture && dossier.accuseLectureAgreementAt === null) throw new NotFoundError("Attestation");
  return attestationOf(db, dossier.id);
}

export async function findInstructeurAttestation(
  db: DbOrTx,
  input: { instructeurId: number; demarcheId: number; dossierId: number },
) {
  const { dossier } = await findInstructeurDossier(db, input.instructeurId, input.dossierId);
  if (dossier.demarcheId !== input.demarcheId) throw new NotFoundError("Dossier");
  return attestationOf(db, dossier.id);
}

/** For a signed link of the API: the caller checked the signature. */
export async function findSignedAttestation(db: DbOrTx, dossierId: number) {
  const { dossier } = await findSubmittedDossier(db, dossierId);
  return attestationOf(db, dossier.id);
}

/** Whether the dossier page shows « Attestation » (the caller already found the dossier in scope). */
export async function hasDossierAttestation(db: DbOrTx, dossierId: number): Promise<boolean> {
  return (await findDossierAttestation(db, dossierId)) !== null;
}
