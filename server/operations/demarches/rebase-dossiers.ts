/**
 * At (re-)publication, dossiers not yet decided move to the new revision, as the reference's
 * rebase does. Values are keyed by stable id, so they follow; a value written under a type the
 * field no longer has is converted when the change is compatible (`type-compatibility.ts`), and
 * otherwise left as stored: readers treat it as empty, and it reappears if the type comes back.
 * Decided dossiers stay on the revision they were decided on. Each moved dossier remembers the
 * revision its usager last saw (`rebased_from_revision_id`), for the notice of form changes.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { addFirstRows } from "../dossiers/add-first-rows";
import type { Tx } from "../../db/client";
import { champs, dossiers, revisionTypesDeChamp, typesDeChamp } from "../../db/schema";
import type { JsonValue } from "../../domain/champs/definition";
import { castChampValue } from "../../domain/revisions/type-compatibility";

const OPEN_STATES = ["brouillon", "en_construction", "en_instruction"] as const;
const BATCH = 500;

export async function rebaseDossiers(tx: Tx, demarcheId: number, revisionId: number) {
  // The revision each usager last saw is kept (across several publications) until they acknowledge
  // the changes: the dossier pages list what changed since then.
  await tx
    .update(dossiers)
    .set({ revisionId, rebasedFromRevisionId: sql`coalesce(${dossiers.rebasedFromRevisionId}, ${dossiers.revisionId})` })
    .where(
      and(eq(dossiers.demarcheId, demarcheId), inArray(dossiers.state, [...OPEN_STATES]), ne(dossiers.revisionId, revisionId)),
    );

  const retyped = await tx
    .select({ id: champs.id, storedType: champs.typeChamp, value: champs.value, fieldType: typesDeChamp.typeChamp })
    .from(champs)
    .innerJoin(dossiers, eq(dossiers.id, champs.dossierId))
    .innerJoin(revisionTypesDeChamp, eq(revisionTypesDeChamp.revisionId, revisionId))
    .innerJoin(
      typesDeChamp,
      and(eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId), eq(typesDeChamp.stableId, champs.stableId)),
    )
    .where(
      and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.revisionId, revisionId), ne(champs.typeChamp, typesDeChamp.typeChamp)),
    );

  const converted: Array<{ id: number; value: JsonValue; type: string }> = [];
  for (const row of retyped) {
    if (row.value === null || row.value === undefined) continue;
    const cast = castChampValue(row.storedType, row.fieldType, row.value as JsonValue);
    if (cast.ok) converted.push({ id: row.id, value: cast.value, type: row.fieldType });
  }
  // Converting is not an edit by the usager: updated_at is left alone.
  for (let start = 0; start < converted.length; start += BATCH) {
    const rows = converted
      .slice(start, start + BATCH)
      .map((r) => sql`(${r.id}::bigint, ${JSON.stringify(r.value)}::jsonb, ${r.type}::text)`);
    await tx.execute(sql`
      update ${champs} set value = v.value, type_champ = v.type_champ
      from (values ${sql.join(rows, sql`, `)}) as v(id, value, type_champ)
      where ${champs.id} = v.id`);
  }
  // Mandatory repetition blocks new to these dossiers start with one row, as on a new dossier.
  await addFirstRows(tx, revisionId, { states: OPEN_STATES, onlyMandatory: true });
  return { retyped: retyped.length, converted: converted.length };
}
