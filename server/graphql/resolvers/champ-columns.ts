/**
 * `Champ.columns`: the typed sub-values of a champ, as the reference serves them. A champ has the
 * columns it has in tabular exports (server/domain/exports/cells.ts: one per field whose type is
 * exported, none for sections, explanations and repetition blocks — their rows' champs carry
 * theirs): the column's text is the export's cell, its typed `value` the stored value in the
 * reference's column type (`TypeDeChamp.column_type`: integer, decimal, date, datetime, boolean,
 * enum, enums, attachments, else text). Identity documents stay « présent / absent », as in the
 * export: their files are never served.
 */
import type { JsonValue, TypeChamp } from "../../domain/champs/definition";
import { getTypeDeChamp, isTypeChamp } from "../../domain/champs/registry";
import { isCalendarDate } from "../../domain/champs/types/date";
import { isLocalDatetime } from "../../domain/champs/types/datetime";
import { isValidDecimal } from "../../domain/champs/types/decimal_number";
import { exportCell, isExported } from "../../domain/exports/cells";
import { fileListSchema } from "../../domain/files/file-ref";
import { parisWallTimeToDate } from "./scalars";

type ColumnTypename =
  | "TextColumn"
  | "IntegerColumn"
  | "DecimalColumn"
  | "DateColumn"
  | "DateTimeColumn"
  | "BooleanColumn"
  | "EnumColumn"
  | "EnumsColumn"
  | "AttachmentsColumn";

/** The reference's column type of each exported field type (ds-behaviour §1.3, « Col »). */
const COLUMN_TYPENAMES: Record<TypeChamp, ColumnTypename | null> = {
  header_section: null,
  explication: null,
  repetition: null,
  text: "TextColumn",
  textarea: "TextColumn",
  formatted: "TextColumn",
  email: "TextColumn",
  phone: "TextColumn",
  iban: "TextColumn",
  siret: "TextColumn",
  address: "TextColumn",
  communes: "TextColumn",
  pays: "TextColumn",
  epci: "TextColumn",
  linked_drop_down_list: "TextColumn",
  dossier_link: "TextColumn",
  integer_number: "IntegerColumn",
  decimal_number: "DecimalColumn",
  date: "DateColumn",
  datetime: "DateTimeColumn",
  checkbox: "BooleanColumn",
  yes_no: "BooleanColumn",
  civilite: "EnumColumn",
  departements: "EnumColumn",
  regions: "EnumColumn",
  drop_down_list: "EnumColumn",
  multiple_drop_down_list: "EnumsColumn",
  piece_justificative: "AttachmentsColumn",
  // Exported as « présent / absent » only: a text column, the files are never served.
  titre_identite: "TextColumn",
};

export interface ColumnView {
  __typename: ColumnTypename;
  id: string;
  label: string;
  stringValue: string | null;
  value: unknown;
}

/** What a champ's columns are computed from (a `ChampView`'s own fields). */
export interface ColumnSource {
  typeChamp: string;
  options: Record<string, unknown>;
  /** The stored value, already checked against its type's shape (null when blank or unreadable). */
  raw: unknown;
  label: string;
  stableId: number;
}

const text = (raw: unknown): string | null => (typeof raw === "string" && raw.trim() !== "" ? raw : null);

function typedValue(typename: ColumnTypename, raw: unknown, cellText: string | null): unknown {
  const stored = text(raw);
  switch (typename) {
    case "IntegerColumn":
      return stored !== null && /^-?\d+$/.test(stored) ? BigInt(stored).toString() : null;
    case "DecimalColumn":
      return stored !== null && isValidDecimal(stored) ? Number(stored) : null;
    case "DateColumn":
      return stored !== null && isCalendarDate(stored) ? stored : null;
    case "DateTimeColumn": {
      if (stored === null || !isLocalDatetime(stored)) return null;
      const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(stored);
      return m ? parisWallTimeToDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) : null;
    }
    case "BooleanColumn":
      return stored === "true" ? true : stored === "false" ? false : null;
    case "EnumColumn":
      return stored;
    case "EnumsColumn":
      return Array.isArray(raw) && raw.length > 0 ? raw.filter((v): v is string => typeof v === "string") : null;
    case "AttachmentsColumn": {
      const files = fileListSchema.safeParse(raw);
      return files.success && files.data.length > 0 ? files.data : null;
    }
    case "TextColumn":
      return cellText;
  }
}

/** The columns of one champ (none for a type without an export column or unknown to the registry). */
export function champColumns(champ: ColumnSource): ColumnView[] {
  if (!isTypeChamp(champ.typeChamp) || !isExported(champ.typeChamp)) return [];
  const type = champ.typeChamp;
  const typename = COLUMN_TYPENAMES[type];
  if (!typename) return [];
  const field = { stableId: champ.stableId, type, libelle: champ.label, options: champ.options };
  const cell = exportCell(field, champ.raw, "fr");
  let cellText: string | null;
  if (cell === null || cell === "") cellText = null;
  else if (typeof cell === "string") cellText = cell;
  else {
    // Numbers, dates and date-times: the value's text as exports and searches read it.
    const definition = getTypeDeChamp(type);
    cellText = champ.raw === null ? null : definition.stringValue(champ.raw as JsonValue);
  }
  return [
    {
      __typename: typename,
      // The reference's column ids name their table and column: fields are `type_de_champ/<stable id>`.
      id: `type_de_champ/${champ.stableId}`,
      label: champ.label,
      stringValue: cellText,
      value: typedValue(typename, champ.raw, cellText),
    },
  ];
}
