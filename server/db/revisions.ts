/**
 * Reading and copying the ordered field tree of a revision (revision_types_de_champ → types_de_champ).
 */
import { and, asc, eq } from "drizzle-orm";
import type { ChampDescriptor, TypeChamp } from "../domain/champs/definition";
import type { DbOrTx } from "./client";
import { revisionTypesDeChamp, typesDeChamp } from "./schema";

export interface RevisionChamp extends ChampDescriptor {
  typeDeChampId: number;
  coordinateId: number;
  position: number;
  private: boolean;
}

/** Fields of a revision in form order; `private: true` gives the annotations privées. */
export async function loadRevisionChamps(db: DbOrTx, revisionId: number, options: { private?: boolean } = {}) {
  const rows = await db
    .select({
      coordinateId: revisionTypesDeChamp.id,
      position: revisionTypesDeChamp.position,
      typeDeChampId: typesDeChamp.id,
      stableId: typesDeChamp.stableId,
      type: typesDeChamp.typeChamp,
      libelle: typesDeChamp.libelle,
      description: typesDeChamp.description,
      mandatory: typesDeChamp.mandatory,
      private: typesDeChamp.private,
      options: typesDeChamp.options,
    })
    .from(revisionTypesDeChamp)
    .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
    .where(and(eq(revisionTypesDeChamp.revisionId, revisionId), eq(typesDeChamp.private, options.private ?? false)))
    .orderBy(asc(revisionTypesDeChamp.position), asc(revisionTypesDeChamp.id));
  return rows.map((r) => ({ ...r, type: r.type as TypeChamp })) satisfies RevisionChamp[];
}

/** Copies the coordinates of one revision into another (a new draft starts as the published form). */
export async function copyRevisionChamps(db: DbOrTx, fromRevisionId: number, toRevisionId: number) {
  const rows = await db.select().from(revisionTypesDeChamp).where(eq(revisionTypesDeChamp.revisionId, fromRevisionId));
  if (rows.length === 0) return;
  await db
    .insert(revisionTypesDeChamp)
    .values(
      rows.map((r) => ({ revisionId: toRevisionId, typeDeChampId: r.typeDeChampId, parentId: r.parentId, position: r.position })),
    );
}
