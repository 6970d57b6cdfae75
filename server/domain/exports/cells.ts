/**
 * Typed cells of tabular exports: every field type says how it is exported (`EXPORT_KINDS`, one
 * entry per type so a new type does not compile until it has one). Numbers are numbers, dates and
 * date-times are dates (Paris wall-clock), files are their names (« présent / absent » for an
 * identity document, as the reference), everything else the type's display string.
 */
import type { Locale } from "../../../common/i18n/types";
import type { JsonValue, TypeChamp } from "../champs/definition";
import { getTypeDeChamp, resolveOptions } from "../champs/registry";

/** A cell: text, number, date (a Date whose UTC fields are the Paris wall-clock), boolean, or blank. */
export type Cell = string | number | Date | boolean | null;

type ExportKind = "number" | "date" | "datetime" | "display" | "presence" | "none";

export const EXPORT_KINDS: Record<TypeChamp, ExportKind> = {
  header_section: "none",
  explication: "none",
  repetition: "none",
  text: "display",
  textarea: "display",
  integer_number: "number",
  decimal_number: "number",
  date: "date",
  datetime: "datetime",
  yes_no: "display",
  checkbox: "display",
  drop_down_list: "display",
  multiple_drop_down_list: "display",
  civilite: "display",
  email: "display",
  phone: "display",
  iban: "display",
  siret: "display",
  formatted: "display",
  linked_drop_down_list: "display",
  dossier_link: "display",
  piece_justificative: "display",
  titre_identite: "presence",
  pays: "display",
  regions: "display",
  departements: "display",
  communes: "display",
  epci: "display",
  address: "display",
};

/** Whether a field of this type has a column in tabular exports. */
export function isExported(type: TypeChamp): boolean {
  return EXPORT_KINDS[type] !== "none";
}

export interface ExportedField {
  stableId: number;
  type: TypeChamp;
  libelle: string;
  options: unknown;
}

/** A Date whose UTC fields are the given wall-clock (spreadsheets have no time zones). */
function wallClock(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

const PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** A moment as its Paris wall-clock, for the dossier's own dates (déposé le, traité le…). */
export function parisWallClock(moment: Date | null): Date | null {
  if (!moment) return null;
  const parts = Object.fromEntries(PARIS.formatToParts(moment).map((p) => [p.type, p.value]));
  return new Date(
    Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ),
  );
}

/** The cell of a stored value ("" and unreadable values are blank). */
export function exportCell(field: ExportedField, stored: unknown, locale: Locale): Cell {
  const kind = EXPORT_KINDS[field.type];
  if (kind === "none") return null;
  const definition = getTypeDeChamp(field.type);
  if (kind === "presence") {
    const present = Array.isArray(stored) && stored.length > 0;
    return locale === "fr" ? (present ? "présent" : "absent") : present ? "present" : "absent";
  }
  if (stored === null || stored === undefined) return null;
  const parsed = definition.valueSchema.safeParse(stored as JsonValue);
  if (!parsed.success || definition.isBlank(parsed.data)) return null;
  const text = definition.stringValue(parsed.data);
  if (kind === "number" && text !== null) {
    const number = Number(text.replace(/\s/g, "").replace(",", "."));
    if (Number.isFinite(number)) return number;
  }
  if (kind === "date" && text !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (m) return wallClock(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (kind === "datetime" && text !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
    if (m) return wallClock(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  }
  const options = resolveOptions({ type: field.type, options: field.options as Record<string, unknown> });
  try {
    return definition.displayValue(parsed.data, options.ok ? options.options : {}, locale);
  } catch {
    return text;
  }
}

/** The value of a field in the JSON and ZIP exports: typed like the cells, dates as ISO strings. */
export function exportJsonValue(field: ExportedField, stored: unknown, locale: Locale): string | number | null {
  const cell = exportCell(field, stored, locale);
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return field.type === "date" ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return cell;
}
