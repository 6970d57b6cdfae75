import type { ChampValidationIssue } from "../../domain/champs/validate-dossier";
import { validateChampsForSubmit } from "../../domain/champs/validate-dossier";
import type { TransitionErrorCode } from "../../domain/dossier/transitions";
import type { Db } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionChamps } from "../../db/revisions";
import { applyTransition } from "./apply-transition";
import { findUsagerDossier } from "./find-dossier";
import { writeChamps, type ReadFormField } from "./save-champs";
import { parseDraftValues } from "../../domain/champs/validate-dossier";

export type SubmitResult =
  | { ok: true }
  | { ok: false; reason: "invalid"; issues: ChampValidationIssue[]; identityMissing: boolean }
  | { ok: false; reason: "transition"; error: TransitionErrorCode };

/**
 * "Déposer le dossier": first keeps what was typed (as a draft save, so nothing is lost), then
 * validates every field strictly; only a complete dossier goes en construction, with its accusé de
 * réception e-mail enqueued in the same transaction.
 */
export async function submitDossier(db: Db, userId: number, dossierId: number, field?: ReadFormField): Promise<SubmitResult> {
  return db.transaction(async (tx): Promise<SubmitResult> => {
    const target = await findUsagerDossier(tx, userId, dossierId, true);
    const descriptors = await loadRevisionChamps(tx, target.dossier.revisionId);
    if (field && target.dossier.state === "brouillon") {
      await writeChamps(tx, dossierId, descriptors, parseDraftValues(descriptors, field));
    }
    const issues = validateChampsForSubmit(descriptors, await loadChampValues(tx, dossierId));
    const identityMissing = !target.dossier.civilite || !target.dossier.nom || !target.dossier.prenom;
    if (issues.length > 0 || identityMissing) return { ok: false, reason: "invalid", issues, identityMissing };
    const result = await applyTransition(tx, target, "passer_en_construction", { userId, instructeurEmail: null });
    if (!result.ok) return { ok: false, reason: "transition", error: result.error };
    return { ok: true };
  });
}
