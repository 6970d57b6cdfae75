/**
 * Saving the posted form of a usager's dossier, for both of its pages, alike: lenient saves,
 * autosave, rows added or removed at once, and the submission. The brouillon is written in `main`
 * and submitted with « Déposer le dossier »; a dossier en construction is written in the usager's
 * buffer, which the administration does not see until « Déposer les modifications »
 * (`deposer-modifications.ts`). The routes turn the outcome into their page's answer.
 */
import type { JsonValue } from "../../domain/champs/definition";
import type { ChampError } from "../../domain/champs/errors";
import type { TransitionErrorCode } from "../../domain/dossier/transitions";
import type { ReferenceData } from "../../domain/geo/reference-data";
import type { ChampKey } from "../../domain/form/keys";
import { applyRowIntent, parseRowIntent } from "../../domain/form/row-intent";
import type { Db } from "../../db/client";
import { loadRevisionForm } from "../../db/revisions";
import { findSharedUsagerDossier } from "../../lookups/scoped-dossier";
import { deposerModifications } from "./deposer-modifications";
import { loadUsagerValues, type ReadFormField, saveChamps } from "./save-champs";
import { SUBMIT_REFUSAL_FIELDS, submitDossier } from "./submit-dossier";
import { champErrorsOf, champRefusals } from "./champ-refusals";

/** The state a page edits: the brouillon page, or the modification page of a dossier en construction. */
export type EditedState = "brouillon" | "en_construction";

/** What the page posted; read only once the dossier is known to be the usager's, in the page's state. */
export interface PostedDossierForm {
  /** The button: "save", "submit", "autosave", or a row's (`row-add:<block>`, `row-remove:<block>|<row>`). */
  intent: string;
  field: ReadFormField;
  /** Files the upload layer refused (no JavaScript): shown on their fields, the rest is saved. */
  uploadErrors: Record<ChampKey, ChampError>;
}

/** Values and errors by `ChampKey`, as the page shows them over what it loaded. */
type ShownValues = Record<ChampKey, JsonValue | null>;
type ShownErrors = Record<ChampKey, ChampError>;

export type SaveDossierFormResult =
  /** The dossier is not (or no longer) in the page's state: the page sends the usager to the dossier. */
  | { outcome: "not_editable"; intent: string }
  | { outcome: "submitted" }
  /** « Déposer les modifications » with nothing that differs from what the administration has. */
  | { outcome: "unchanged" }
  /** Stored; `values` as stored (a commune resolved, an address found), `errors` the refused files. */
  | { outcome: "saved"; intent: string; values: ShownValues; errors: ShownErrors }
  /** A row added or removed, stored. */
  | { outcome: "row"; values: ShownValues; hidden: ChampKey[]; errors: ShownErrors; focusRowId: string | null; rowAdded: boolean }
  /** A refused submission: what was typed is stored, the errors are shown over it. */
  | {
      outcome: "invalid";
      values: ShownValues;
      hidden: ChampKey[];
      errors: ShownErrors;
      identityMissing: boolean;
      /** The administrateur's message when the ineligibility rules match (null otherwise). */
      ineligible: string | null;
    }
  | { outcome: "transition_refused"; error: TransitionErrorCode };

export async function saveDossierForm(
  db: Db,
  input: { userId: number; dossierId: number; state: EditedState; refs: ReferenceData },
  readPosted: () => Promise<PostedDossierForm>,
): Promise<SaveDossierFormResult> {
  const { userId, dossierId, refs } = input;
  // Scope first: someone else's dossier is a 404 and nothing is read from the form.
  const { dossier } = await findSharedUsagerDossier(db, userId, dossierId);
  const { intent, field: posted, uploadErrors } = await readPosted();
  if (dossier.state !== input.state) return { outcome: "not_editable", intent };

  const rowIntent = parseRowIntent(intent);
  if (rowIntent) {
    const tree = await loadRevisionForm(db, dossier.revisionId);
    const stored = await loadUsagerValues(db, dossier, tree);
    const change = applyRowIntent(rowIntent, tree, posted, stored);
    const field = change?.field ?? posted;
    const row = { errors: uploadErrors, focusRowId: change?.addedRowId ?? null, rowAdded: rowIntent.kind === "add" };
    // Stored at once: in `main` for a brouillon, in the usager's buffer en construction.
    const saved = await saveChamps(db, userId, dossierId, field, refs);
    if (!saved.ok) return { outcome: "not_editable", intent };
    return { outcome: "row", values: Object.fromEntries(saved.values), hidden: [], ...row };
  }

  const uploadRefused = Object.keys(uploadErrors).length > 0;
  if (intent === "submit") {
    // Everything typed is stored (leniently) before validation: the page shows it from the database.
    if (uploadRefused) {
      await saveChamps(db, userId, dossierId, posted, refs);
      return { outcome: "invalid", values: {}, hidden: [], errors: uploadErrors, identityMissing: false, ineligible: null };
    }
    if (input.state === "en_construction") {
      const deposed = await deposerModifications(db, userId, dossierId, posted, refs);
      if (deposed.ok) return { outcome: "submitted" };
      if (deposed.reason === "no_changes") return { outcome: "unchanged" };
      if (deposed.reason === "transition") return { outcome: "transition_refused", error: deposed.error };
      const { ineligible } = deposed;
      return {
        outcome: "invalid",
        values: {},
        hidden: [],
        errors: champErrorsOf(champRefusals(deposed.issues)),
        identityMissing: false,
        ineligible,
      };
    }
    const submitted = await submitDossier(db, userId, dossierId, posted, refs);
    if (submitted.ok) return { outcome: "submitted" };
    const { refusals } = submitted;
    const transition = refusals.find((r) => r.field === SUBMIT_REFUSAL_FIELDS.form);
    if (transition) return { outcome: "transition_refused", error: transition.code as TransitionErrorCode };
    const ineligible = refusals.find((r) => r.field === SUBMIT_REFUSAL_FIELDS.ineligibilite)?.params?.message;
    return {
      outcome: "invalid",
      values: {},
      hidden: [],
      errors: champErrorsOf(refusals),
      identityMissing: refusals.some((r) => r.field === SUBMIT_REFUSAL_FIELDS.identity),
      ineligible: ineligible === undefined ? null : String(ineligible),
    };
  }

  const saved = await saveChamps(db, userId, dossierId, posted, refs);
  if (!saved.ok) return { outcome: "not_editable", intent };
  return { outcome: "saved", intent, values: Object.fromEntries(saved.values), errors: uploadErrors };
}
