/**
 * What a usager needs to know when a publication moved their dossier to a newer form (the
 * reference shows the revision diff to the users of rebased dossiers): the questions added (and
 * whether they must be answered), changed and removed in the usager's form. Annotations privées,
 * ineligibility rules, sections, moves and display conditions are left out: they are the
 * administration's business, or the form itself shows them.
 */
import { getTypeDeChamp, isTypeChamp } from "../champs/registry";
import { type ChampChange, compareRevisions, type RevisionChange, type RevisionField, type RevisionSnapshot } from "./diff";

export interface AddedQuestion {
  stableId: number;
  libelle: string;
  /** Must be answered before the dossier can be submitted (or its changes sent). */
  mandatory: boolean;
}

export interface ChangedQuestion {
  stableId: number;
  /** The libellé in the newer form. */
  libelle: string;
  /** The libellé the usager knew, when it was reworded. */
  previousLibelle: string | null;
  /** Optional before, mandatory now. */
  nowMandatory: boolean;
  /** The kind of answer changed and the answer already given cannot be kept. */
  answerLost: boolean;
}

export interface UsagerFormChanges {
  added: AddedQuestion[];
  changed: ChangedQuestion[];
  /** Libellés of the questions no longer asked. */
  removed: string[];
}

/** Attributes whose change the usager may have to act on (wording, help, choices, kind of answer). */
const RELEVANT_ATTRIBUTES = new Set(["libelle", "description", "type_champ", "mandatory", "option"]);

const isQuestion = (type: string) => isTypeChamp(type) && getTypeDeChamp(type).hasValue;

const isChampChange = (change: RevisionChange): change is ChampChange =>
  change.kind === "add_champ" || change.kind === "remove_champ" || change.kind === "move_champ" || change.kind === "update_champ";

/**
 * What changed for the usager from the form they last saw (`seen`) to the `current` one; null when
 * nothing concerns them.
 */
export function usagerFormChanges(seen: RevisionSnapshot, current: RevisionSnapshot): UsagerFormChanges | null {
  const typeOf = (fields: readonly RevisionField[]) => {
    const types = new Map(fields.map((field) => [field.stableId, field.type]));
    return (stableId: number) => types.get(stableId) ?? "";
  };
  const seenType = typeOf(seen.fields);
  const currentType = typeOf(current.fields);
  const added: AddedQuestion[] = [];
  const removed: string[] = [];
  const changed = new Map<number, ChangedQuestion>();
  for (const change of compareRevisions(seen, current)) {
    if (!isChampChange(change) || change.private) continue;
    const wasQuestion = isQuestion(seenType(change.stableId));
    const isQuestionNow = isQuestion(currentType(change.stableId));
    if (change.kind === "add_champ" || (!wasQuestion && isQuestionNow)) {
      // Counted once (a section turned into a question reports several changes).
      if (isQuestionNow && !added.some((a) => a.stableId === change.stableId)) {
        const field = current.fields.find((f) => f.stableId === change.stableId);
        added.push({ stableId: change.stableId, libelle: change.libelle, mandatory: field?.mandatory ?? false });
      }
      continue;
    }
    if (change.kind === "remove_champ" || (wasQuestion && !isQuestionNow)) {
      if (wasQuestion && !removed.includes(change.libelle)) removed.push(change.libelle);
      continue;
    }
    if (change.kind !== "update_champ" || !isQuestionNow || !RELEVANT_ATTRIBUTES.has(change.attribute)) continue;
    // A question made optional asks nothing new of the usager.
    if (change.attribute === "mandatory" && !change.to) continue;
    const entry = changed.get(change.stableId) ?? {
      stableId: change.stableId,
      libelle: change.libelle,
      previousLibelle: null,
      nowMandatory: false,
      answerLost: false,
    };
    if (change.attribute === "libelle") entry.previousLibelle = change.from;
    if (change.attribute === "mandatory") entry.nowMandatory = true;
    if (change.attribute === "type_champ") entry.answerLost = !change.valuesKept;
    changed.set(change.stableId, entry);
  }
  if (added.length === 0 && changed.size === 0 && removed.length === 0) return null;
  return { added, changed: [...changed.values()], removed };
}
