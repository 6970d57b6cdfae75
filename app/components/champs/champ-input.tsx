/**
 * `<ChampInput descriptor value error />`: the form control of one field, whatever its type.
 * Used by the usager's forms (brouillon, modification) and the administrateur's preview.
 *
 * Inputs are uncontrolled (`defaultValue`): the page works without JavaScript, and what the user
 * types is never replaced by a re-render. Give the surrounding form a `key` per dossier.
 */
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { champErrorMessage } from "../../../server/domain/champs/errors";
import { getTypeDeChamp, resolveOptions } from "../../../server/domain/champs/registry";
import { readChampValue } from "../../../server/domain/champs/validate-dossier";
import { DEFAULT_LOCALE } from "../../../common/i18n";
import { useLocale } from "../../lib/i18n";
import "./champs.css";
import { champIds } from "./field-parts";
import { CHAMP_COMPONENTS } from "./registry";
import type { ChampInputProps, TypedInputProps } from "./types";

/**
 * Options as the type reads them. Publication refuses unusable options, so a failure here means a
 * draft (test) form: the type's defaults are used, as the server does when it parses the draft.
 */
export function typedOptions(descriptor: ChampInputProps["descriptor"]): unknown {
  const resolved = resolveOptions(descriptor);
  return resolved.ok ? resolved.options : getTypeDeChamp(descriptor.type).defaultOptions(DEFAULT_LOCALE);
}

/** Heading level of a header_section: its own level (1–3) below the page's level for top sections. */
export function sectionHeadingLevel(options: unknown, base: number): number {
  const level = (options as { level?: unknown } | null)?.level;
  return base + (typeof level === "number" ? level - 1 : 0);
}

export function ChampInput({ descriptor, value, error, headingLevel = 2, champKey }: ChampInputProps) {
  const locale = useLocale();
  const options = typedOptions(descriptor);
  const read = readChampValue(descriptor, value);
  const Component = CHAMP_COMPONENTS[descriptor.type].Input as React.ComponentType<TypedInputProps<TypeChamp>>;
  return (
    <Component
      descriptor={{ ...descriptor, options } as TypedInputProps<TypeChamp>["descriptor"]}
      value={(read.ok ? read.value : null) as TypedInputProps<TypeChamp>["value"]}
      errorMessage={error ? champErrorMessage(error, locale) : null}
      ids={champIds(champKey ?? descriptor.stableId)}
      headingLevel={sectionHeadingLevel(options, headingLevel)}
    />
  );
}
