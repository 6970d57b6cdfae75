/**
 * The two lists of fields of a revision: the usager's form (`champs`) and the instructeurs'
 * annotations privées (`annotations`), edited with the same editor and checked by the same rules.
 * What differs is said here: which types each list offers, and how a problem of each list is
 * named to the administrateur (publication blockers, keys of `admin.publication.errors`).
 */
import type { TypeChamp } from "../champs/definition";
import { resolveOptions } from "../champs/registry";

export type FormList = "champs" | "annotations";

/**
 * Types the annotations privées do not offer. An identity document is something the usager gives
 * (JPEG/PNG only, purged after the decision); the reference's editor never offers it for
 * annotations, where an instructeur attaches documents with a piece justificative.
 */
const NOT_IN_ANNOTATIONS: ReadonlySet<string> = new Set<TypeChamp>(["titre_identite"]);

export function isTypeOfferedIn(type: string, list: FormList): boolean {
  return list === "champs" || !NOT_IN_ANNOTATIONS.has(type);
}

/**
 * What in one list prevents publication: a field without libellé or with options its type
 * refuses (an empty drop-down list, a formatted field whose example does not match its regex…),
 * a repetition block without fields, a type the list does not offer. Conditions are checked with
 * their own scope (`server/lookups/condition-blockers.ts`) and named with `publicationBlocker` too.
 */
export type FieldListProblem = "invalid" | "block_empty" | "type_not_offered" | "condition_invalid";

interface ListedField {
  stableId: number;
  type: TypeChamp;
  libelle: string;
  options: Record<string, unknown>;
  parentStableId: number | null;
}

/** The distinct problems of one list of fields (flat, blocks followed by their children), in a fixed order. */
export function fieldListProblems(fields: readonly ListedField[], list: FormList): FieldListProblem[] {
  const found = new Set<FieldListProblem>();
  const parents = new Set(fields.map((field) => field.parentStableId));
  for (const field of fields) {
    if (field.libelle.trim() === "" || !resolveOptions(field).ok) found.add("invalid");
    if (field.type === "repetition" && !parents.has(field.stableId)) found.add("block_empty");
    if (!isTypeOfferedIn(field.type, list)) found.add("type_not_offered");
  }
  return (["invalid", "block_empty", "type_not_offered"] as const).filter((problem) => found.has(problem));
}

const BLOCKERS = {
  champs: {
    invalid: "champ_invalid",
    block_empty: "block_empty",
    type_not_offered: "type_not_offered",
    condition_invalid: "condition_invalid",
  },
  annotations: {
    invalid: "annotation_invalid",
    block_empty: "annotation_block_empty",
    type_not_offered: "annotation_type_not_offered",
    condition_invalid: "annotation_condition_invalid",
  },
} as const satisfies Record<FormList, Record<FieldListProblem, string>>;

export type FieldListBlocker = (typeof BLOCKERS)[FormList][FieldListProblem];

/** The publication blocker naming a problem of a list: the annotations' ones say they are annotations privées. */
export function publicationBlocker(list: FormList, problem: FieldListProblem): FieldListBlocker {
  return BLOCKERS[list][problem];
}
