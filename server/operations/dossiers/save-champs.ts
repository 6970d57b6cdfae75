import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { ChampDescriptor, FormInput, JsonValue } from "../../domain/champs/definition";
import { resolveChampValues } from "../../domain/champs/resolve-values";
import { parseDraftValues } from "../../domain/champs/validate-dossier";
import type { DossierState } from "../../domain/dossier/states";
import { type ChampStream, MAIN_STREAM, usagerWriteStream } from "../../domain/dossier/streams";
import type { ReferenceData } from "../../domain/geo/reference-data";
import { type ReferenceDataConfig, referenceDataFor } from "../../integrations/reference-data";
import { type ChampKey, champKey } from "../../domain/form/keys";
import { allFields, rowIdsOf } from "../../domain/form/tree";
import type { Db, DbOrTx, Tx } from "../../db/client";
import { changedBufferValues, discardUserBuffer, openUserBuffer, usagerReadStream } from "../../db/champ-streams";
import { loadChampValues, upsertChampValues } from "../../db/champ-values";
import { recordEvent } from "../../events/record-event";
import { loadRevisionForm } from "../../db/revisions";
import { champs, dossiers } from "../../db/schema";
import { findSharedUsagerDossier } from "../../lookups/scoped-dossier";
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
 * Saves what the usager typed, leniently (anything of the right shape: nothing typed is lost).
 * A brouillon is written in `main`; a dossier en construction is already with the administration,
 * so the change goes to the usager's buffer (`writeUsagerChamps`), which the administration never
 * reads: the form is validated when the usager submits the changes (`deposer-modifications.ts`).
 */
export async function saveChamps(
  db: Db,
  userId: number,
  dossierId: number,
  field: ReadFormField,
  refs: ReferenceData = referenceDataFor(OFFLINE_REFERENCE_DATA),
): Promise<SaveChampsResult> {
  // Scope first (404 before anything is read), then the slow part outside the transaction.
  const { dossier: before } = await findSharedUsagerDossier(db, userId, dossierId);
  const tree = await loadRevisionForm(db, before.revisionId);
  const typed = await typedValues(tree, field, await loadUsagerValues(db, before), refs);
  return db.transaction(async (tx): Promise<SaveChampsResult> => {
    const { dossier } = await findSharedUsagerDossier(tx, userId, dossierId, true);
    if (usagerWriteStream(dossier.state) === null) return { ...refuse("read_only"), values: typed };
    // The form is the dossier's revision's; a publication in between moved it: read again.
    const current = dossier.revisionId === before.revisionId ? tree : await loadRevisionForm(tx, dossier.revisionId);
    await writeUsagerChamps(tx, dossier, current, typed);
    return { ok: true, state: dossier.state, values: typed };
  });
}

/** The values the usager's pages show: their buffer while they have one, else `main`. */
export async function loadUsagerValues(
  db: DbOrTx,
  dossier: { id: number; state: DossierState },
  fields?: readonly ChampDescriptor[],
): Promise<Map<ChampKey, unknown>> {
  return loadChampValues(db, dossier.id, fields, await usagerReadStream(db, dossier));
}

/**
 * Writes the usager's values where their state sends them (`usagerWriteStream`): `main` for a
 * brouillon; en construction, their buffer, opened at the first change as a copy of `main` (so it
 * is the whole form) and dropped when the change brings it back to `main` (so a buffer always
 * means changes not yet submitted). The caller holds the dossier's row lock.
 */
export async function writeUsagerChamps(
  tx: Tx,
  dossier: { id: number; state: DossierState },
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, JsonValue | null>,
) {
  const stream = usagerWriteStream(dossier.state);
  if (stream === null) throw new Error(`the usager cannot change a dossier ${dossier.state}`);
  if (stream === MAIN_STREAM) return writeChamps(tx, dossier.id, tree, values);
  if (values.size === 0) return;
  await openUserBuffer(tx, dossier.id);
  await writeChamps(tx, dossier.id, tree, values, { stream });
  if ((await changedBufferValues(tx, dossier.id)).length === 0) await discardUserBuffer(tx, dossier.id);
}

/**
 * Writes values (keys of the form `tree`, top-level or in rows) in a stream (`main` by default),
 * deletes the children of rows that left their block, and marks the dossier changed (optimistic
 * lock version bumped). For the annotations privées (`private`), the date of the usager's fields
 * (`lastChampUpdatedAt`) stays; for the usager's buffer, which the administration does not see,
 * only the lock version changes.
 */
export async function writeChamps(
  tx: Tx,
  dossierId: number,
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, JsonValue | null>,
  options: { private?: boolean; stream?: ChampStream } = {},
) {
  if (values.size === 0) return;
  const stream = options.stream ?? MAIN_STREAM;
  const fields = allFields(tree);
  await upsertChampValues(tx, dossierId, values, new Map(fields.map((d) => [d.stableId, d.type])), stream);
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
          eq(champs.stream, stream),
          inArray(champs.stableId, childIds),
          ne(champs.rowId, ""),
          kept.length > 0 ? notInArray(champs.rowId, kept) : sql`true`,
        ),
      );
  }
  if (stream !== MAIN_STREAM) {
    await tx
      .update(dossiers)
      .set({ lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, dossierId));
    return;
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
