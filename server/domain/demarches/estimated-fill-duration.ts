/**
 * How long the form takes to fill, as the reference estimates it (`compute_estimated_fill_duration`):
 * each field costs its type's fill time (10 s, 1 min, 3 min) plus the time to read its description
 * at 140 words per minute; an optional field counts half, since it is filled one time in two.
 * Layout fields (section titles) are read, never filled: their reading time counts in full.
 */
import type { ChampDescriptor } from "../champs/definition";
import { getTypeDeChamp } from "../champs/registry";
import { REPETITION_ROWS_ESTIMATE } from "../champs/types/repetition";

type EstimatedChamp = Pick<ChampDescriptor, "type" | "mandatory" | "description"> & {
  children?: ReadonlyArray<Pick<ChampDescriptor, "type" | "mandatory" | "description">>;
};

export const READING_WORDS_PER_MINUTE = 140;

/** Words of a description (stored as limited HTML: tags and entities are not words). */
export function countWords(description: string | null): number {
  if (!description) return 0;
  const text = description.replace(/<[^>]*>/g, " ").replace(/&[#a-z0-9]+;/gi, (entity) => (entity === "&nbsp;" ? " " : "’"));
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Seconds to read a description, rounded per field like the reference. */
export function readingSeconds(description: string | null): number {
  return Math.round((countWords(description) * 60) / READING_WORDS_PER_MINUTE);
}

/**
 * One field; a repetition block costs its children's fill time × 2.5 rows (read once), as the
 * reference's `REPETITION_ROWS_ESTIMATE`.
 */
export function champFillSeconds(champ: EstimatedChamp): number {
  const definition = getTypeDeChamp(champ.type);
  let seconds = definition.estimatedFillDuration + readingSeconds(champ.description);
  for (const child of champ.children ?? []) {
    const childDefinition = getTypeDeChamp(child.type);
    const fill =
      childDefinition.hasValue && !child.mandatory
        ? childDefinition.estimatedFillDuration / 2
        : childDefinition.estimatedFillDuration;
    seconds += fill * REPETITION_ROWS_ESTIMATE + readingSeconds(child.description);
  }
  return definition.hasValue && !champ.mandatory ? seconds / 2 : seconds;
}

/** Total for the public form (top-level fields, blocks carrying their children), in seconds. */
export function estimatedFillSeconds(champs: ReadonlyArray<EstimatedChamp>): number {
  return champs.reduce((total, champ) => total + champFillSeconds(champ), 0);
}

/** Whole minutes shown to people, rounded up: any form with a field takes at least a minute. */
export function estimatedFillMinutes(champs: ReadonlyArray<EstimatedChamp>): number {
  return Math.ceil(estimatedFillSeconds(champs) / 60);
}
