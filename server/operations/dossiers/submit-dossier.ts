import { loadDossierEtablissement } from "../../lookups/etablissement";
import { reindexDossier } from "./index-dossier";
import { hiddenValuesToClear, validateChampsForSubmit } from "../../domain/champs/validate-dossier";
import type { ReferenceData } from "../../domain/geo/reference-data";
import { referenceDataFor } from "../../integrations/reference-data";
import { isIneligible } from "../../domain/form/ineligibility";
import { hiddenKeys } from "../../domain/form/visibility";
import type { Db } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadIneligibility, loadRevisionForm } from "../../db/revisions";
import { applyTransition } from "./apply-transition";
import { processSpecialDossier } from "./process-special-dossier";
import { dossierLinkIssues } from "./dossier-link-issues";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { OFFLINE_REFERENCE_DATA, type ReadFormField, typedValues, writeChamps } from "./save-champs";
import type { OperationResult, Refusal } from "../../refusal";
import { champRefusals } from "./champ-refusals";
import { routeDossierInTransaction } from "../groupes/route-dossier";

/**
 * Refused: one refusal per invalid field (on its `ChampKey`, `champs.errors.<code>`), `identity_missing`
 * on `identity`, `ineligible` on `ineligibilite` (param `message`: the administrateur's words), or
 * the state machine's refusal on `form` (`dossiers.transitionErrors.<code>`).
 */
export type SubmitResult = OperationResult;

/** Fields of the submission's refusals that are not a form field's `ChampKey`. */
export const SUBMIT_REFUSAL_FIELDS = { identity: "identity", ineligibilite: "ineligibilite", form: "form" } as const;

/**
 * "Déposer le dossier": first keeps what was typed (as a draft save, so nothing is lost), then
 * validates every visible field strictly and checks the ineligibility rules; only a complete,
 * eligible dossier goes en construction — its hidden fields cleared, as the reference does —, with
 * its accusé de réception e-mail enqueued in the same transaction.
 */
export async function submitDossier(
  db: Db,
  userId: number,
  dossierId: number,
  field?: ReadFormField,
  refs: ReferenceData = referenceDataFor(OFFLINE_REFERENCE_DATA),
): Promise<SubmitResult> {
  // Scope first, then the reference-data lookups of what was typed, outside the transaction.
  const { dossier: before } = await findUsagerDossier(db, userId, dossierId);
  const typed = field
    ? await typedValues(await loadRevisionForm(db, before.revisionId), field, await loadChampValues(db, dossierId), refs)
    : null;
  return db.transaction(async (tx): Promise<SubmitResult> => {
    const target = await findUsagerDossier(tx, userId, dossierId, true);
    const tree = await loadRevisionForm(tx, target.dossier.revisionId);
    if (typed && target.dossier.state === "brouillon") await writeChamps(tx, dossierId, tree, typed);
    const values = await loadChampValues(tx, dossierId, tree);
    const hidden = hiddenKeys(tree, values);
    const issues = validateChampsForSubmit(tree, values, hidden);
    issues.push(
      ...(await dossierLinkIssues(tx, tree, values, hidden, {
        fromTestDossier: target.dossier.forTest,
        alreadyInvalid: new Set(issues.map((i) => i.key)),
      })),
    );
    // A personne morale is identified by its établissement (degraded mode included: the SIRET is kept).
    const identityMissing = target.demarche.forIndividual
      ? !target.dossier.civilite || !target.dossier.nom || !target.dossier.prenom
      : (await loadDossierEtablissement(tx, dossierId)) === null;
    const ineligibility = await loadIneligibility(tx, target.dossier.revisionId);
    const ineligible = isIneligible(ineligibility, tree, values, hidden) ? (ineligibility?.message ?? "") : null;
    if (issues.length > 0 || identityMissing || ineligible !== null) {
      const refusals: Refusal[] = champRefusals(issues);
      if (identityMissing) refusals.push({ code: "identity_missing", field: SUBMIT_REFUSAL_FIELDS.identity });
      if (ineligible !== null) {
        refusals.push({ code: "ineligible", field: SUBMIT_REFUSAL_FIELDS.ineligibilite, params: { message: ineligible } });
      }
      return { ok: false, refusals };
    }
    await writeChamps(tx, dossierId, tree, hiddenValuesToClear(tree, values, hidden));
    // Routing (§5.1): the first open groupe whose rule matches receives the dossier, else the default
    // one — before the transition, so the reactions to `dossier.depose` see the groupe it lands in.
    if (target.dossier.state === "brouillon") {
      await routeDossierInTransaction(tx, {
        dossier: target.dossier,
        tree,
        values,
        hidden,
        mode: "auto",
        actor: "usager",
        actorUserId: userId,
      });
    }
    const result = await applyTransition(tx, target, "passer_en_construction", { userId, instructeurEmail: null });
    if (!result.ok) return result;
    // Declarative and SVA/SVR démarches: the platform passes it on at once (same transaction).
    await processSpecialDossier(tx, dossierId);
    await reindexDossier(tx, dossierId);
    return { ok: true };
  });
}
