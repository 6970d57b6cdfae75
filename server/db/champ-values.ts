import { and, eq, inArray, sql } from "drizzle-orm";
import type { ChampDescriptor, JsonValue, TypeChamp } from "../domain/champs/definition";
import { allFields } from "../domain/form/tree";
import { readableStoredValue } from "../domain/revisions/type-compatibility";
import { type ChampKey, champKey, parseChampKey } from "../domain/form/keys";
import { type ChampStream, MAIN_STREAM } from "../domain/dossier/streams";
import type { DbOrTx } from "./client";
import { champs } from "./schema";

/**
 * Values of one stream of a dossier (`main` unless told: what the administration sees), by
 * `ChampKey` (top-level fields and repetition rows). Given the
 * form's `fields`, a value written while its field had another type is read as that type sees it:
 * converted when compatible, else empty (it stays stored, and comes back if the type is changed back).
 */
export async function loadChampValues(
  db: DbOrTx,
  dossierId: number,
  fields?: readonly ChampDescriptor[],
  stream: ChampStream = MAIN_STREAM,
): Promise<Map<ChampKey, unknown>> {
  const rows = await db
    .select({ stableId: champs.stableId, rowId: champs.rowId, typeChamp: champs.typeChamp, value: champs.value })
    .from(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, stream)));
  const types = fields ? new Map(allFields(fields).map((f) => [f.stableId, f.type])) : null;
  return new Map(
    rows.map((r) => {
      const type = types?.get(r.stableId);
      const value = type && type !== r.typeChamp ? readableStoredValue(type, r.typeChamp, r.value) : r.value;
      return [champKey(r.stableId, r.rowId), value];
    }),
  );
}

/** Values of several dossiers (lists, exports, API pages), by dossier then key: `main` only. */
export async function loadChampValuesOf(db: DbOrTx, dossierIds: readonly number[]) {
  const byDossier = new Map<number, Map<ChampKey, unknown>>(dossierIds.map((id) => [id, new Map()]));
  if (dossierIds.length === 0) return byDossier;
  const rows = await db
    .select({ dossierId: champs.dossierId, stableId: champs.stableId, rowId: champs.rowId, value: champs.value })
    .from(champs)
    .where(and(inArray(champs.dossierId, [...dossierIds]), eq(champs.stream, MAIN_STREAM)));
  for (const r of rows) byDossier.get(r.dossierId)?.set(champKey(r.stableId, r.rowId), r.value);
  return byDossier;
}

/**
 * Upserts values by key (null clears a value but keeps the row, so "emptied" is distinguishable from
 * "never filled"). `types` gives the type of each stable id; unknown ids and malformed keys are skipped.
 */
export async function upsertChampValues(
  db: DbOrTx,
  dossierId: number,
  values: ReadonlyMap<ChampKey, JsonValue | null>,
  types: ReadonlyMap<number, TypeChamp>,
  stream: ChampStream = MAIN_STREAM,
) {
  const rows = [];
  for (const [key, value] of values) {
    const parsed = parseChampKey(key);
    const typeChamp = parsed ? types.get(parsed.stableId) : undefined;
    if (!parsed || !typeChamp) continue;
    rows.push({ dossierId, stream, stableId: parsed.stableId, rowId: parsed.rowId, typeChamp, value: value as unknown });
  }
  // One statement per save (an autosave posts the whole form), in chunks to stay under the
  // protocol's parameter limit; unchanged values are not rewritten.
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    await db
      .insert(champs)
      .values(rows.slice(start, start + UPSERT_CHUNK))
      .onConflictDoUpdate({
        target: [champs.dossierId, champs.stream, champs.stableId, champs.rowId],
        set: { value: sql`excluded.value`, typeChamp: sql`excluded.type_champ`, updatedAt: sql`now()` },
        setWhere: sql`${champs.value} is distinct from excluded.value or ${champs.typeChamp} <> excluded.type_champ`,
      });
  }
}

/** Rows per insert: 5 parameters each, far below PostgreSQL's 65,535. */
const UPSERT_CHUNK = 1000;

/** Deletes the values of one row of a block (its children), when the usager removes the row. */
export async function deleteRowValues(db: DbOrTx, dossierId: number, rowId: string, stream: ChampStream = MAIN_STREAM) {
  if (rowId === "") return;
  await db.delete(champs).where(and(eq(champs.dossierId, dossierId), eq(champs.stream, stream), eq(champs.rowId, rowId)));
}
