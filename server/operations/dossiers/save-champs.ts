import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { ChampDescriptor, FormInput, JsonValue } from "../../domain/champs/definition";
import { resolveChampValues } from "../../domain/champs/resolve-values";
import { parseDraftValues, validateChampsForSubmit } from "../../domain/champs/validate-dossier";
import type { ReferenceData } from "../../domain/geo/reference-data";
import { type ReferenceDataConfig, referenceDataFor } from "../../integrations/reference-data";
import { type ChampKey, champKey } from "../../domain/form/keys";
import { allFields, rowIdsOf } from "../../domain/form/tree";
import type { Db, Tx } from "../../db/client";
import { loadChampValues, upsertChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import { champs, dossiers } from "../../db/schema";
import { hiddenKeys } from "../../domain/form/visibility";
import { dossierLinkIssues } from "./dossier-link-issues";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { champRefusals } from "./champ-refusals";

export type ReadFormField = (name: string) => FormInput;

/**
 * Refused: `read_only` (on `form`: the dossier is no longer editable) or one refusal per invalid
 * field (on its `ChampKey`), with the typed values either way.
 */
export type SaveChampsResult = OperationResult<
  { state: string; values: Map<ChampKey, JsonValue | null> },
  { values: Map<ChampKey, JsonValue | null> }
>;

/** Reference data without the address service (bundled geography only): tests, seeds, CLI. */
export const OFFLINE_REFERENCE_DATA: ReferenceDataConfig = { ban: { url: null, timeoutMs: 0 } };

/**
 * What the form holds, as it will be stored: parsed leniently, then completed with the reference
 * data (a commune typed by name or postal code, an address searched in the national base). The
 * lookups may take a few seconds, so callers run this before opening their transaction.
 */
export async function typedValues(
  tree: readonly ChampDescriptor[],
  field: ReadFormField,
  stored: ReadonlyMap<ChampKey, unknown>,
  refs: ReferenceData,
): Promise<Map<ChampKey, JsonValue | null>> {
  return resolveChampValues(tree, parseDraftValues(tree, field, stored), { refs, stored, source: "form" });
}

/**
 * Saves what the usager typed. A brouillon accepts anything of the right shape (autosave and
 * "Enregistrer le brouillon": lenient). A dossier en construction is already with the
 * administration, so a change is kept only if the whole form stays valid; otherwise the errors and
 * the typed values are returned so the page shows them, and the submitted version stays intact.
 */
export async function saveChamps(
  db: Db,
  userId: number,
  dossierId: number,
  field: ReadFormField,
  refs: ReferenceData = referenceDataFor(OFFLINE_REFERENCE_DATA),
): Promise<SaveChampsResult> {
  // Scope first (404 before anything is read), then the slow part outside the transaction.
  const { dossier: before } = await findUsagerDossier(db, userId, dossierId);
  const tree = await loadRevisionForm(db, before.revisionId);
  const typed = await typedValues(tree, field, await loadChampValues(db, dossierId), refs);
  return db.transaction(async (tx): Promise<SaveChampsResult> => {
    const { dossier } = await findUsagerDossier(tx, userId, dossierId, true);
    if (dossier.state !== "brouillon" && dossier.state !== "en_construction") {
      return { ...refuse("read_only"), values: typed };
    }
    // The form is the dossier's revision's; a publication in between moved it: read again.
    const current = dossier.revisionId === before.revisionId ? tree : await loadRevisionForm(tx, dossier.revisionId);
    if (dossier.state === "en_construction") {
      const merged = mergeValues(await loadChampValues(tx, dossierId, current), typed);
      const hidden = hiddenKeys(current, merged);
      const issues = validateChampsForSubmit(current, merged, hidden);
      const invalid = new Set(issues.map((i) => i.key));
      issues.push(
        ...(await dossierLinkIssues(tx, current, merged, hidden, { fromTestDossier: dossier.forTest, alreadyInvalid: invalid })),
      );
      if (issues.length > 0) return { ok: false, refusals: champRefusals(issues), values: typed };
    }
    await writeChamps(tx, dossierId, current, typed);
    return { ok: true, state: dossier.state, values: typed };
  });
}

/** Stored values overlaid with newly typed ones; rows removed from a block drop their children. */
export function mergeValues(stored: ReadonlyMap<ChampKey, unknown>, typed: ReadonlyMap<ChampKey, unknown>) {
  return new Map<ChampKey, unknown>([...stored, ...typed]);
}

/**
 * Writes values (keys of the form `tree`, top-level or in rows), deletes the children of rows that
 * left their block, and marks the dossier changed (optimistic lock version bumped). For the
 * annotations privées (`private`), the date of the usager's fields (`lastChampUpdatedAt`) stays.
 */
export async function writeChamps(
  tx: Tx,
  dossierId: number,
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, JsonValue | null>,
  options: { private?: boolean } = {},
) {
  if (values.size === 0) return;
  const fields = allFields(tree);
  await upsertChampValues(tx, dossierId, values, new Map(fields.map((d) => [d.stableId, d.type])));
  for (const block of tree) {
    if (block.type !== "repetition" || !values.has(champKey(block.stableId))) continue;
    const childIds = (block.children ?? []).map((child) => child.stableId);
    if (childIds.length === 0) continue;
    const kept = rowIdsOf(values, block.stableId);
    await tx
      .delete(champs)
      .where(
        and(
          eq(champs.dossierId, dossierId),
          eq(champs.stream, "main"),
          inArray(champs.stableId, childIds),
          ne(champs.rowId, ""),
          kept.length > 0 ? notInArray(champs.rowId, kept) : sql`true`,
        ),
      );
  }
  await tx
    .update(dossiers)
    .set({
      ...(options.private ? {} : { lastChampUpdatedAt: sql`now()` }),
      updatedAt: sql`now()`,
      lockVersion: sql`${dossiers.lockVersion} + 1`,
    })
    .where(eq(dossiers.id, dossierId));
}
