/**
 * `<ChampInput descriptor value error />`: the form control of one field, whatever its type.
 * Used by the usager's forms (brouillon, modification) and the administrateur's preview.
 *
 * Inputs are uncontrolled (`defaultValue`): the page works without JavaScript, and what the user
 * types is never replaced by a re-render. Give the surrounding form a `key` per dossier.
 *
 * The descriptor's options and the value come parsed by the server (`pageDescriptors`, `pageValues`
 * in `server/queries/form-view.ts`, or the action's own parse): no schema is needed here, so the
 * browser does not load the type modules and zod (decision 0014).
 */
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { champErrorMessage } from "../../../server/domain/champs/errors";
import { useLocale } from "../../lib/i18n";
import "./champs.css";
import { champIds } from "./field-parts";
import { useChampComponents } from "./registry";
import type { ChampInputProps, TypedInputProps } from "./types";

/** Heading level of a header_section: its own level (1–3) below the page's level for top sections. */
export function sectionHeadingLevel(options: unknown, base: number): number {
  const level = (options as { level?: unknown } | null)?.level;
  return base + (typeof level === "number" ? level - 1 : 0);
}

export function ChampInput({ descriptor, value, error, headingLevel = 2, champKey }: ChampInputProps) {
  const locale = useLocale();
  const Component = useChampComponents(descriptor.type).Input as React.ComponentType<TypedInputProps<TypeChamp>>;
  return (
    <Component
      descriptor={descriptor as TypedInputProps<TypeChamp>["descriptor"]}
      value={(value ?? null) as TypedInputProps<TypeChamp>["value"]}
      errorMessage={error ? champErrorMessage(error, locale) : null}
      ids={champIds(champKey ?? descriptor.stableId)}
      headingLevel={sectionHeadingLevel(descriptor.options, headingLevel)}
    />
  );
}
