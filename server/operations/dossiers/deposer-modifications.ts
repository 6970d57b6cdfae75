/**
 * « Déposer les modifications »: the usager re-submits a dossier en construction (reference:
 * `merge_user_buffer_stream!` then `usager_submit_en_construction!`). What the page posted is
 * first kept in their buffer (nothing typed is lost), then the buffer is validated as a first
 * submission is (visible fields, linked dossiers, ineligibility rules). A refusal changes nothing
 * the administration sees. Accepted, in one transaction: hidden values cleared, the `main` values
 * replaced move to `history:<timestamp>`, the buffer becomes `main`, a `depose_correction_usager`
 * traitement and its event (whose reaction e-mails the usager an acknowledgement), a
 * `dossier.modifie` event naming the changed fields.
 */
import { eq, sql } from "drizzle-orm";
import type { ChampValidationIssue } from "../../domain/champs/validate-dossier";
import { hiddenValuesToClear, validateChampsForSubmit } from "../../domain/champs/validate-dossier";
import { USER_BUFFER_STREAM, historyStream } from "../../domain/dossier/streams";
import type { TransitionErrorCode } from "../../domain/dossier/transitions";
import type { ReferenceData } from "../../domain/geo/reference-data";
import { isIneligible } from "../../domain/form/ineligibility";
import { hiddenKeys } from "../../domain/form/visibility";
import type { Db } from "../../db/client";
import { changedBufferValues, discardUserBuffer, hasUserBuffer, mergeUserBuffer } from "../../db/champ-streams";
import { loadChampValues } from "../../db/champ-values";
import { loadIneligibility, loadRevisionForm } from "../../db/revisions";
import { dossiers } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { referenceDataFor } from "../../integrations/reference-data";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { applyTransition } from "./apply-transition";
import { processSpecialDossier } from "./process-special-dossier";
import { routeDossierInTransaction } from "../groupes/route-dossier";
import { reindexDossier } from "./index-dossier";
import { dossierLinkIssues } from "./dossier-link-issues";
import {
  loadUsagerValues,
  OFFLINE_REFERENCE_DATA,
  type ReadFormField,
  typedValues,
  writeChamps,
  writeUsagerChamps,
} from "./save-champs";

export type DeposerModificationsResult =
  | { ok: true; changedStableIds: number[] }
  /** Nothing differs from what the administration has (no buffer, or it came back to `main`). */
  | { ok: false; reason: "no_changes" }
  | {
      ok: false;
      reason: "invalid";
      issues: ChampValidationIssue[];
      /** The administrateur's message when the ineligibility rules match (null otherwise). */
      ineligible: string | null;
    }
  /** Not en construction (any more): passed en instruction meanwhile, for instance. */
  | { ok: false; reason: "transition"; error: TransitionErrorCode };

export async function deposerModifications(
  db: Db,
  userId: number,
  dossierId: number,
  field?: ReadFormField,
  refs: ReferenceData = referenceDataFor(OFFLINE_REFERENCE_DATA),
): Promise<DeposerModificationsResult> {
  // Scope first, then the reference-data lookups of what was typed, outside the transaction.
  const { dossier: before } = await findUsagerDossier(db, userId, dossierId);
  const typed = field
    ? await typedValues(await loadRevisionForm(db, before.revisionId), field, await loadUsagerValues(db, before), refs)
    : null;
  return db.transaction(async (tx): Promise<DeposerModificationsResult> => {
    const target = await findUsagerDossier(tx, userId, dossierId, true);
    const { dossier } = target;
    if (dossier.state !== "en_construction") return { ok: false, reason: "transition", error: "invalid_transition" };
    const tree = await loadRevisionForm(tx, dossier.revisionId);
    if (typed) await writeUsagerChamps(tx, dossier, tree, typed);
    if (!(await hasUserBuffer(tx, dossierId))) return { ok: false, reason: "no_changes" };

    const values = await loadChampValues(tx, dossierId, tree, USER_BUFFER_STREAM);
    const hidden = hiddenKeys(tree, values);
    const issues = validateChampsForSubmit(tree, values, hidden);
    issues.push(
      ...(await dossierLinkIssues(tx, tree, values, hidden, {
        fromTestDossier: dossier.forTest,
        alreadyInvalid: new Set(issues.map((i) => i.key)),
      })),
    );
    const ineligibility = await loadIneligibility(tx, dossier.revisionId);
    const ineligible = isIneligible(ineligibility, tree, values, hidden) ? (ineligibility?.message ?? "") : null;
    // Refused: the buffer keeps everything typed; `main` is untouched.
    if (issues.length > 0 || ineligible !== null) return { ok: false, reason: "invalid", issues, ineligible };

    await writeChamps(tx, dossierId, tree, hiddenValuesToClear(tree, values, hidden), { stream: USER_BUFFER_STREAM });
    if ((await changedBufferValues(tx, dossierId)).length === 0) {
      await discardUserBuffer(tx, dossierId);
      return { ok: false, reason: "no_changes" };
    }
    const transition = await applyTransition(tx, target, "deposer_modifications", { userId, instructeurEmail: null });
    if (!transition.ok) return { ok: false, reason: "transition", error: transition.refusals[0]?.code as TransitionErrorCode };

    const changed = await mergeUserBuffer(tx, dossierId, historyStream(new Date()));
    // Re-submission routes again on the submitted values (a dossier moved by hand stays put).
    await routeDossierInTransaction(tx, { dossier, tree, values, hidden, mode: "auto", actor: "usager", actorUserId: userId });
    await tx
      .update(dossiers)
      .set({ lastChampUpdatedAt: sql`now()`, updatedAt: sql`now()`, lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, dossierId));
    // The instructeurs' list filters and search read the submitted values: index the new ones.
    await reindexDossier(tx, dossierId);
    const changedStableIds = [...new Set(changed.map((c) => c.stableId))];
    await recordEvent(tx, {
      kind: "dossier.modifie",
      demarcheId: dossier.demarcheId,
      dossierId,
      actor: "usager",
      actorUserId: userId,
      payload: { stream: "main", stableIds: changedStableIds },
    });
    // A pending demande de correction was resolved by this re-submission (reaction to
    // `dossier.depose_correction_usager`): an SVA/SVR dossier gets its new date and goes back en instruction.
    await processSpecialDossier(tx, dossierId);
    return { ok: true, changedStableIds };
  });
}
