/**
 * Constants and pure helpers of the type modules that the browser's field components use, kept in a
 * module without zod: the type modules hold their schemas, and a component importing from one of
 * them would bring zod into every form page that has the type (decision 0014). The type modules
 * re-export what they define here.
 */

/** drop_down_list: sentinel sent by the "Autre" radio/option; never stored. */
export const DROP_DOWN_OTHER = "__other__";

/** explication: the folded text to show, or null when the option is off or the text is empty. */
export function collapsibleText(options: {
  collapsibleExplanationEnabled?: boolean;
  collapsibleExplanationText?: string;
}): string | null {
  const text = options.collapsibleExplanationText ?? "";
  return options.collapsibleExplanationEnabled && text !== "" ? text : null;
}

/** dossier_link: dossier numbers are PostgreSQL integers. */
export const DOSSIER_NUMBER_MAX = 2_147_483_647;

/** dossier_link: the dossier number in what was typed (« 123 », « n° 123 », « #123 »), or null. */
export function dossierNumberOf(value: string | null): number | null {
  if (value === null) return null;
  const digits = value.trim().replace(/^(?:n\s*°|no\.?|#)\s*/i, "");
  if (!/^\d{1,10}$/.test(digits)) return null;
  const number = Number(digits);
  return number >= 1 && number <= DOSSIER_NUMBER_MAX ? number : null;
}

/** formatted: values are capped at this many characters whatever the rules. */
export const FORMATTED_MAX_LENGTH = 1000;

/** linked_drop_down_list: the secondary choices of a primary one, or null when it has none. */
export function secondariesOf(
  tree: readonly { primary: string; secondaries: readonly string[] }[],
  primary: string,
): readonly string[] | null {
  return tree.find((entry) => entry.primary === primary)?.secondaries ?? null;
}

/** linked_drop_down_list: the value an option of the secondary select sends (see the form contract). */
export function secondaryOptionValue(primary: string, secondary: string): string {
  return JSON.stringify([primary, secondary]);
}
