import type { Cast, JsonValue, PrefillExampleWords, PrefillFormat } from "./definition";

/** An open format with one example, the same for every field of the type. */
export function examplePrefill<O>(
  example: JsonValue | ((options: O, words: (name: PrefillExampleWords) => string) => JsonValue),
): PrefillFormat<O> {
  return {
    example: typeof example === "function" ? example : () => example,
    choices: () => null,
  };
}

/** A closed list of accepted values, the first one as the example. */
export function closedPrefill<O>(values: readonly [string, ...string[]]): PrefillFormat<O> {
  return { example: () => values[0], choices: () => ({ values: [...values], other: false }) };
}

/** The same string, as another type whose values are strings too. */
export const sameString: Cast = (value) => (typeof value === "string" ? value : undefined);

/** Into free text: a string as it is, a list of strings joined. */
export const toText: Cast = (value) =>
  typeof value === "string"
    ? value
    : Array.isArray(value) && value.every((v) => typeof v === "string")
      ? value.join(", ")
      : undefined;

/** Free-text targets (text, textarea) for a type whose values read well as text. */
export const TEXT_CASTS = { text: toText, textarea: toText } as const;
