/**
 * Values of fields as tags render them: the type's own `displayValue` (as pages and PDFs show it),
 * a repetition block as one line per child per row (rows separated by a blank line), and the
 * reference's sub-tags (`<libellé>/primaire`, `<libellé> (Code INSEE)`…) for the types that have
 * parts. Pure; a stored value that does not fit its type's schema reads as empty.
 */
import type { Locale } from "../../../common/i18n/types";
import type { ChampDescriptor, JsonValue, TypeChamp } from "../champs/definition";
import { getTypeDeChamp, usableOptions } from "../champs/registry";
import { champKey, isRowIdList } from "../form/keys";

/** Stored values of one dossier, by `champKey(stableId, rowId)` (`"12"`, `"12|k3f9a"`). */
export type TagChampValues = ReadonlyMap<string, JsonValue>;

/** Types whose value has no tag, as the reference: layout, files, identity documents. */
const WITHOUT_TAG: ReadonlySet<TypeChamp> = new Set(["header_section", "explication", "piece_justificative", "titre_identite"]);

export function hasTag(type: TypeChamp): boolean {
  return !WITHOUT_TAG.has(type) && getTypeDeChamp(type).hasValue;
}

/** The value of one field (outside a block, or in one row), formatted; "" when blank or unreadable. */
export function displayChampValue(
  field: Pick<ChampDescriptor, "type" | "options">,
  stored: JsonValue | undefined,
  locale: Locale,
): string {
  if (stored === undefined || stored === null) return "";
  const definition = getTypeDeChamp(field.type);
  const parsed = definition.valueSchema.safeParse(stored);
  if (!parsed.success) return "";
  return definition.displayValue(parsed.data, usableOptions(field), locale);
}

/**
 * The text of a field's tag. A repetition block lists its rows: « <child> : <value> » per line,
 * a blank line between rows (HTML rendering turns line breaks into `<br>`).
 */
export function formatChampForTag(field: ChampDescriptor, values: TagChampValues, locale: Locale): string {
  if (field.type === "repetition") {
    const rows = values.get(champKey(field.stableId));
    if (!isRowIdList(rows)) return "";
    const children = (field.children ?? []).filter((child) => hasTag(child.type));
    return rows
      .map((rowId) =>
        children
          .map((child) => `${child.libelle} : ${displayChampValue(child, values.get(champKey(child.stableId, rowId)), locale)}`)
          .join("\n"),
      )
      .filter((row) => row !== "")
      .join("\n\n");
  }
  return displayChampValue(field, values.get(champKey(field.stableId)), locale);
}

/** A part of a field with its own tag: written `<libellé><suffix>`, identified `tdc<stableId>/<path>`. */
export interface ChampSubTag {
  /** Appended to the field's libellé: ` (Code INSEE)`, `/primaire`. */
  suffix: string;
  /** Last part of the tag's id. */
  path: string;
  read(value: JsonValue, locale: Locale): string;
}

function record(value: JsonValue): Record<string, JsonValue> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
}

function stringAt(value: JsonValue, key: string): string {
  const found = record(value)?.[key];
  return typeof found === "string" ? found : "";
}

/** The sub-tags of each type that has some (the reference's `tags_for_template` of those types). */
export const CHAMP_SUB_TAGS: { readonly [K in TypeChamp]?: readonly ChampSubTag[] } = {
  linked_drop_down_list: [
    { suffix: "/primaire", path: "primaire", read: (v) => stringAt(v, "primary") },
    { suffix: "/secondaire", path: "secondaire", read: (v) => stringAt(v, "secondary") },
  ],
  communes: [
    { suffix: " (Code INSEE)", path: "code", read: (v) => stringAt(v, "code") },
    { suffix: " (Département)", path: "departement", read: (v) => stringAt(v, "departementCode") },
  ],
  address: [
    { suffix: " (Commune)", path: "commune", read: (v) => stringAt(v, "cityName") },
    { suffix: " (Code INSEE Ville)", path: "code_insee_ville", read: (v) => stringAt(v, "cityCode") },
    { suffix: " (Département)", path: "departement", read: (v) => stringAt(v, "departementCode") },
  ],
  departements: [{ suffix: " (Code)", path: "code", read: (v) => (typeof v === "string" ? v : "") }],
  regions: [{ suffix: " (Code)", path: "code", read: (v) => (typeof v === "string" ? v : "") }],
  pays: [{ suffix: " (Code)", path: "code", read: (v) => (typeof v === "string" ? v : "") }],
};
