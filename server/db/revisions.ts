/**
 * Reading and copying the ordered field tree of a revision (revision_types_de_champ → types_de_champ).
 * Children of a repetition block point to their block's coordinate (`parent_id`).
 */
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { readStoredCondition } from "../domain/conditions/ast";
import type { IneligibilityRules } from "../domain/form/ineligibility";
import { buildFormTree, type FlatChampDescriptor } from "../domain/form/tree";
import type { DbOrTx } from "./client";
import { withTemplateFiles } from "./file-templates";
import { revisionTypesDeChamp, revisions, typesDeChamp } from "./schema";

export interface RevisionChamp extends FlatChampDescriptor {
  typeDeChampId: number;
  coordinateId: number;
  position: number;
  private: boolean;
  /** The stored condition did not parse (`condition` is then null): the editor says so, publication is refused. */
  conditionMalformed: boolean;
}

const parentCoordinate = alias(revisionTypesDeChamp, "parent_coordinate");
const parentField = alias(typesDeChamp, "parent_field");

/**
 * Fields of a revision, flat, in form order (each block followed by its children);
 * `private: true` gives the annotations privées. `buildFormTree` nests them.
 */
export async function loadRevisionChamps(
  db: DbOrTx,
  revisionId: number,
  options: { private?: boolean } = {},
): Promise<RevisionChamp[]> {
  const rows = await db
    .select({
      coordinateId: revisionTypesDeChamp.id,
      parentCoordinateId: revisionTypesDeChamp.parentId,
      parentStableId: parentField.stableId,
      position: revisionTypesDeChamp.position,
      typeDeChampId: typesDeChamp.id,
      stableId: typesDeChamp.stableId,
      type: typesDeChamp.typeChamp,
      libelle: typesDeChamp.libelle,
      description: typesDeChamp.description,
      mandatory: typesDeChamp.mandatory,
      private: typesDeChamp.private,
      options: typesDeChamp.options,
      condition: typesDeChamp.condition,
    })
    .from(revisionTypesDeChamp)
    .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
    .leftJoin(parentCoordinate, eq(parentCoordinate.id, revisionTypesDeChamp.parentId))
    .leftJoin(parentField, eq(parentField.id, parentCoordinate.typeDeChampId))
    .where(and(eq(revisionTypesDeChamp.revisionId, revisionId), eq(typesDeChamp.private, options.private ?? false)))
    .orderBy(asc(revisionTypesDeChamp.position), asc(revisionTypesDeChamp.id));
  // Model and notice files are attachments, read into the options (server/db/file-templates.ts).
  const champs = await withTemplateFiles(
    db,
    rows.map(({ parentCoordinateId: _p, condition: stored, ...r }) => {
      const { condition, malformed } = readStoredCondition(stored);
      return { ...r, parentStableId: r.parentStableId ?? null, condition, conditionMalformed: malformed };
    }),
    (champ) => champ.type,
  );
  // Form order: top-level fields by position, each block directly followed by its children.
  const byParent = new Map<number, RevisionChamp[]>();
  for (const champ of champs) {
    if (champ.parentStableId === null) continue;
    byParent.set(champ.parentStableId, [...(byParent.get(champ.parentStableId) ?? []), champ]);
  }
  return champs
    .filter((champ) => champ.parentStableId === null)
    .flatMap((champ) => [champ, ...(byParent.get(champ.stableId) ?? [])]);
}

/** The form of a revision as a tree (repetition blocks carry their children). */
export async function loadRevisionForm(db: DbOrTx, revisionId: number, options: { private?: boolean } = {}) {
  return buildFormTree(await loadRevisionChamps(db, revisionId, options));
}

/** Ineligibility rules of a revision (null when the revision does not exist). */
export async function loadIneligibility(db: DbOrTx, revisionId: number): Promise<IneligibilityRules | null> {
  const [row] = await db
    .select({
      enabled: revisions.ineligibiliteEnabled,
      message: revisions.ineligibiliteMessage,
      rules: revisions.ineligibiliteRules,
    })
    .from(revisions)
    .where(eq(revisions.id, revisionId));
  return row ?? null;
}

/**
 * Copies the coordinates of one revision into another (a new draft starts as the published form).
 * Parents are coordinates of the same revision, so children are re-pointed to their block's copy.
 */
export async function copyRevisionChamps(db: DbOrTx, fromRevisionId: number, toRevisionId: number) {
  const rows = await db
    .select()
    .from(revisionTypesDeChamp)
    .where(eq(revisionTypesDeChamp.revisionId, fromRevisionId))
    .orderBy(asc(revisionTypesDeChamp.id));
  const copies = new Map<number, number>();
  for (const row of [...rows.filter((r) => r.parentId === null), ...rows.filter((r) => r.parentId !== null)]) {
    const parentId = row.parentId === null ? null : (copies.get(row.parentId) ?? null);
    const [copy] = await db
      .insert(revisionTypesDeChamp)
      .values({ revisionId: toRevisionId, typeDeChampId: row.typeDeChampId, parentId, position: row.position })
      .returning({ id: revisionTypesDeChamp.id });
    copies.set(row.id, (copy as { id: number }).id);
  }
  const [from] = await db
    .select({
      ineligibiliteEnabled: revisions.ineligibiliteEnabled,
      ineligibiliteMessage: revisions.ineligibiliteMessage,
      ineligibiliteRules: revisions.ineligibiliteRules,
    })
    .from(revisions)
    .where(eq(revisions.id, fromRevisionId));
  if (from) await db.update(revisions).set(from).where(eq(revisions.id, toRevisionId));
}
