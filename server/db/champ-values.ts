import { and, eq, sql } from "drizzle-orm";
import type { JsonValue } from "../domain/champs/definition";
import type { DbOrTx } from "./client";
import { champs } from "./schema";

/** Values of a dossier's main stream, by stable id (repetition rows come with a later issue). */
export async function loadChampValues(db: DbOrTx, dossierId: number): Promise<Map<number, unknown>> {
  const rows = await db
    .select({ stableId: champs.stableId, value: champs.value })
    .from(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, "main"), eq(champs.rowId, "")));
  return new Map(rows.map((r) => [r.stableId, r.value]));
}

/** Upserts values (null clears a value but keeps the row, so "emptied" is distinguishable from "never filled"). */
export async function upsertChampValues(
  db: DbOrTx,
  dossierId: number,
  values: Map<number, JsonValue | null>,
  types: Map<number, string>,
) {
  for (const [stableId, value] of values) {
    const typeChamp = types.get(stableId);
    if (!typeChamp) continue;
    await db
      .insert(champs)
      .values({ dossierId, stableId, typeChamp, value: value as unknown })
      .onConflictDoUpdate({
        target: [champs.dossierId, champs.stream, champs.stableId, champs.rowId],
        set: { value: sql`excluded.value`, typeChamp, updatedAt: sql`now()` },
      });
  }
}
