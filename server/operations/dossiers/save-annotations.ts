/**
 * An instructeur fills the annotations privées of a dossier (the reference's
 * `modifier_annotation`). Scope first: only an instructeur of the dossier's groupe, on a dossier
 * that is not a brouillon nor a test dossier (`dossiersVisibleToInstructeur`); anyone else gets
 * NotFoundError and nothing changes. Values go to `champs` like the usager's, under the
 * annotations' own stable ids.
 */
import { eq, sql } from "drizzle-orm";
import type { JsonValue } from "../../domain/champs/definition";
import { parseDraftValues, validateChampsForSubmit } from "../../domain/champs/validate-dossier";
import { annotationVisibilityTree, keysOfForm, optionalFields } from "../../domain/form/annotations";
import { type ChampKey, champKey } from "../../domain/form/keys";
import { applyRowIntent, type RowIntent } from "../../domain/form/row-intent";
import { allFields, rowIdsOf } from "../../domain/form/tree";
import { hiddenKeys } from "../../domain/form/visibility";
import type { Db } from "../../db/client";
import { deleteRowValues, loadChampValues, upsertChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import { dossiers } from "../../db/schema";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import type { OperationResult } from "../../refusal";
import { champRefusals } from "./champ-refusals";
import type { ReadFormField } from "./save-champs";

/** Refusals are on the annotations' `ChampKey`s (`champErrorsOf` gives the form's errors back). */
export type SaveAnnotationsResult = OperationResult<
  { changed: number; addedRowId: string | null },
  {
    values: Map<ChampKey, JsonValue | null>;
    /** Annotation occurrences hidden by conditions, with the typed values. */
    hidden: ChampKey[];
    addedRowId: string | null;
  }
>;

/**
 * Reads the posted annotations (lenient parse, as any form), checks every visible one strictly for
 * its type (blank accepted: mandatory annotations are required before a decision, not at each
 * save), and stores only the values that changed. On any error nothing is stored and the typed
 * values come back so the page shows them again. `rowIntent` (a repetition block's « Ajouter » /
 * « Supprimer » button) changes the block's rows in the same save.
 */
export async function saveAnnotations(
  db: Db,
  instructeurId: number,
  dossierId: number,
  posted: ReadFormField,
  rowIntent: RowIntent | null = null,
): Promise<SaveAnnotationsResult> {
  return db.transaction(async (tx): Promise<SaveAnnotationsResult> => {
    const { dossier } = await findInstructeurDossier(tx, instructeurId, dossierId, true);
    // One connection in a transaction: queries one after the other.
    const publicTree = await loadRevisionForm(tx, dossier.revisionId);
    const privateTree = await loadRevisionForm(tx, dossier.revisionId, { private: true });
    const stored = await loadChampValues(tx, dossier.id);
    const rowChange = rowIntent ? applyRowIntent(rowIntent, privateTree, posted, stored) : null;
    const addedRowId = rowChange?.addedRowId ?? null;
    const typed = parseDraftValues(privateTree, rowChange?.field ?? posted, stored);
    const merged = new Map<ChampKey, unknown>([...stored, ...typed]);
    const hidden = hiddenKeys(annotationVisibilityTree(publicTree, privateTree), merged);
    const issues = validateChampsForSubmit(optionalFields(privateTree), merged, hidden);
    if (issues.length > 0) {
      return { ok: false, refusals: champRefusals(issues), values: typed, hidden: keysOfForm(privateTree, hidden), addedRowId };
    }

    const changed = new Map([...typed].filter(([key, value]) => !sameValue(stored.get(key), value)));
    if (changed.size === 0) return { ok: true, changed: 0, addedRowId };
    const types = new Map(allFields(privateTree).map((f) => [f.stableId, f.type]));
    await upsertChampValues(tx, dossier.id, changed, types);
    // Rows that left their block take their children's values with them.
    for (const block of privateTree.filter((f) => f.type === "repetition" && changed.has(champKey(f.stableId)))) {
      const kept = new Set(rowIdsOf(typed, block.stableId));
      for (const rowId of rowIdsOf(stored, block.stableId)) {
        if (!kept.has(rowId)) await deleteRowValues(tx, dossier.id, rowId);
      }
    }
    // No last_champ_private_updated_at column: the dossier's own date moves (not the one of the
    // usager's fields, which the API serves as dateDerniereModificationChamps).
    await tx
      .update(dossiers)
      .set({ updatedAt: sql`now()`, lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, dossier.id));
    return { ok: true, changed: changed.size, addedRowId };
  });
}

/** Stored (jsonb) and typed values compared as JSON; absent and null are the same blank. */
function sameValue(stored: unknown, typed: JsonValue | null): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(typed);
}
