/**
 * What `communes` and `epci` share: a territory chosen from official data, stored either resolved
 * (its codes and name) or « unresolved » — the text typed, the choice picked in the form
 * (`champ_<key>__code`, « <code>|<qualifier> »), and the candidates the server found — so that
 * nothing typed is lost and submission asks to choose. Each type brings its own resolved shape,
 * selection pattern and label. Pure.
 */
import { z } from "zod";
import type { FormInput, FormPartReader } from "../definition";
import { singleLine } from "../input";

/** The fields every unresolved value has, for a type whose choices read as `selection`. */
export function unresolvedFields(selection: RegExp) {
  return {
    /** What was typed (a name or a code). */
    query: z.string(),
    /** The choice picked in the form, checked by the type's `resolve`. */
    selection: z.string().regex(selection).optional(),
  };
}

type Unresolved = { query: string; selection?: string };

/** Resolved values are the ones without the text typed. */
export function isResolvedChoice<V extends object>(value: V | null): value is Exclude<V, Unresolved> {
  return value !== null && !("query" in value);
}

/** The lenient form reading: the text, and the picked choice when it has the type's shape. */
export function parseChoiceInput(raw: FormInput, part: FormPartReader | undefined, selection: RegExp): Unresolved | null {
  const query = singleLine(raw);
  const picked = singleLine(part?.("code"));
  if (picked !== null && selection.test(picked)) return { query: query ?? "", selection: picked };
  return query === null ? null : { query };
}

/** Only what was typed or picked counts: candidates proposed for an empty text (prefill) are no answer yet. */
export function isChoiceBlank(value: object | null): boolean {
  if (value === null || !("query" in value)) return value === null;
  const unresolved = value as Unresolved;
  return unresolved.query.trim() === "" && !unresolved.selection;
}

/** The API's string value: the resolved territory's text, or what was typed; null when blank. */
export function choiceStringValue<V extends object>(
  value: V | null,
  text: (resolved: Exclude<V, Unresolved>) => string,
): string | null {
  if (value === null) return null;
  const shown = isResolvedChoice(value) ? text(value) : (value as Unresolved).query.trim();
  return shown === "" ? null : shown;
}
