/**
 * What the condition editors read: every field of the draft form (flat, in form order, with its
 * block and stored condition), the lists for geographic values when a field needs them, and the
 * draft's ineligibility rules. Scoped to the administrateur: another one's démarche is a 404.
 */
import type { Locale } from "../../../common/i18n/types";
import type { DbOrTx } from "../../db/client";
import { loadIneligibility, loadRevisionChamps } from "../../db/revisions";
import { conditionChoiceLists } from "../../domain/conditions/choice-lists";
import type { Condition } from "../../domain/conditions/ast";
import { annotationConditionScope, type ChoiceLists, type ConditionField } from "../../domain/conditions/editor";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { NotFoundError } from "../../errors";

export type EditorConditionField = ConditionField & { condition: Condition | null; conditionMalformed: boolean };

export interface ConditionEditorData {
  fields: EditorConditionField[];
  lists: ChoiceLists;
}

const DEPARTEMENT_TYPES = new Set(["departements", "communes", "epci", "address"]);

/** Only what conditions read from the options (drop-down choices and « Autre »), to keep pages light. */
function conditionOptions(type: string, options: Record<string, unknown>): Record<string, unknown> {
  if (type !== "drop_down_list" && type !== "multiple_drop_down_list") return {};
  return { options: options.options, other: options.other };
}

/** The lists geographic fields need, empty when the form has none (they weigh a few kilobytes). */
function listsFor(fields: readonly ConditionField[], locale: Locale): ChoiceLists {
  const all = conditionChoiceLists(locale);
  const types = new Set(fields.map((f) => f.type));
  const has = (list: Iterable<string>) => [...list].some((type) => types.has(type));
  return {
    departements: has(DEPARTEMENT_TYPES) ? all.departements : [],
    regions: has([...DEPARTEMENT_TYPES, "regions"]) ? all.regions : [],
    pays: types.has("pays") ? all.pays : [],
  };
}

async function draftRevisionOf(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  if (!demarche.draftRevisionId) throw new NotFoundError("Revision");
  return { demarche, draftRevisionId: demarche.draftRevisionId };
}

/** What condition editors need of a list of fields (flat, in form order, as `loadRevisionChamps` gives them). */
export function conditionEditorOf(
  champs: ReadonlyArray<
    Omit<ConditionField, "options"> & {
      options: Record<string, unknown>;
      condition?: Condition | null;
      conditionMalformed?: boolean;
    }
  >,
  locale: Locale,
): ConditionEditorData {
  const fields = champs.map((c) => ({
    stableId: c.stableId,
    type: c.type,
    libelle: c.libelle,
    parentStableId: c.parentStableId,
    options: conditionOptions(c.type, c.options),
    condition: c.condition ?? null,
    conditionMalformed: c.conditionMalformed ?? false,
  }));
  return { fields, lists: listsFor(fields, locale) };
}

/** The fields of one list of the draft (the usager's form, or the annotations privées) as conditions see them. */
export async function loadConditionFields(
  db: DbOrTx,
  revisionId: number,
  locale: Locale,
  options: { private?: boolean } = {},
): Promise<ConditionEditorData> {
  const publicFields = await loadRevisionChamps(db, revisionId);
  if (!options.private) return conditionEditorOf(publicFields, locale);
  const privateFields = await loadRevisionChamps(db, revisionId, { private: true });
  return conditionEditorOf(annotationConditionScope(publicFields, privateFields), locale);
}

/** The form editor's condition data. */
export async function getConditionEditor(
  db: DbOrTx,
  administrateurId: number,
  demarcheId: number,
  locale: Locale,
  options: { private?: boolean } = {},
): Promise<ConditionEditorData> {
  const { draftRevisionId } = await draftRevisionOf(db, administrateurId, demarcheId);
  return loadConditionFields(db, draftRevisionId, locale, options);
}

/** The ineligibility page: the démarche, the draft's rules and the public fields they may read. */
export async function getIneligibiliteEditor(db: DbOrTx, administrateurId: number, demarcheId: number, locale: Locale) {
  const { demarche, draftRevisionId } = await draftRevisionOf(db, administrateurId, demarcheId);
  const ineligibilite = await loadIneligibility(db, draftRevisionId);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    ineligibilite: {
      enabled: ineligibilite?.enabled ?? false,
      message: ineligibilite?.message ?? "",
      rules: ineligibilite?.rules ?? null,
    },
    ...(await loadConditionFields(db, draftRevisionId, locale)),
  };
}
