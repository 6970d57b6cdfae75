/**
 * The registry of types de champ. Typed against `TypeChamp` so that a type listed there but
 * missing here (or registered under another key) does not compile.
 */
import { DEFAULT_LOCALE } from "../../../common/i18n/types";
import { TYPES_CHAMP, type ChampDescriptor, type JsonValue, type TypeChamp, type TypeDeChampDefinition } from "./definition";
import { checkbox } from "./types/checkbox";
import { civilite } from "./types/civilite";
import { date } from "./types/date";
import { datetime } from "./types/datetime";
import { decimalNumber } from "./types/decimal_number";
import { email } from "./types/email";
import { iban } from "./types/iban";
import { multipleDropDownList } from "./types/multiple_drop_down_list";
import { phone } from "./types/phone";
import { siret } from "./types/siret";
import { dropDownList } from "./types/drop_down_list";
import { headerSection } from "./types/header_section";
import { repetition } from "./types/repetition";
import { pieceJustificative } from "./types/piece_justificative";
import { titreIdentite } from "./types/titre_identite";
import { integerNumber } from "./types/integer_number";
import { text } from "./types/text";
import { textarea } from "./types/textarea";
import { yesNo } from "./types/yes_no";
import { dossierLink } from "./types/dossier_link";
import { explication } from "./types/explication";
import { formatted } from "./types/formatted";
import { linkedDropDownList } from "./types/linked_drop_down_list";
import { address } from "./types/address";
import { communes } from "./types/communes";
import { departements } from "./types/departements";
import { epci } from "./types/epci";
import { pays } from "./types/pays";
import { regions } from "./types/regions";

// Options and values differ per type; callers go through the helpers below, which parse both.
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous registry, checked per module.
export type AnyTypeDeChampDefinition = TypeDeChampDefinition<any, any>;

// Each entry must be the module whose `type` is its key; a missing key is a compile error.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type RegistryShape = { [K in TypeChamp]: TypeDeChampDefinition<any, any, K> };

export const TYPES_DE_CHAMP = {
  header_section: headerSection,
  repetition,
  text,
  textarea,
  integer_number: integerNumber,
  date,
  yes_no: yesNo,
  drop_down_list: dropDownList,
  decimal_number: decimalNumber,
  datetime,
  checkbox,
  multiple_drop_down_list: multipleDropDownList,
  civilite,
  email,
  phone,
  iban,
  siret,
  explication,
  formatted,
  linked_drop_down_list: linkedDropDownList,
  dossier_link: dossierLink,
  pays,
  regions,
  departements,
  communes,
  epci,
  address,
  piece_justificative: pieceJustificative,
  titre_identite: titreIdentite,
} satisfies RegistryShape;

export function isTypeChamp(value: unknown): value is TypeChamp {
  return typeof value === "string" && (TYPES_CHAMP as readonly string[]).includes(value);
}

export function getTypeDeChamp(type: TypeChamp): AnyTypeDeChampDefinition {
  return TYPES_DE_CHAMP[type];
}

export type ResolvedOptions = { ok: true; options: unknown } | { ok: false; issues: string[] };

/**
 * Parses a descriptor's stored options with its type's schema. Publishing checks them, so a
 * failure means corrupted data or an unpublished draft revision: callers decide how lenient to be.
 */
export function resolveOptions(descriptor: Pick<ChampDescriptor, "type" | "options">): ResolvedOptions {
  const result = getTypeDeChamp(descriptor.type).optionsSchema.safeParse(descriptor.options);
  return result.success
    ? { ok: true, options: result.data }
    : { ok: false, issues: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
}

/**
 * The options a page renders a field with: its parsed options, or the type's defaults when they do
 * not parse (a draft revision: publication refuses unusable options), as drafts are parsed too.
 */
export function usableOptions(descriptor: Pick<ChampDescriptor, "type" | "options">): Record<string, unknown> {
  const resolved = resolveOptions(descriptor);
  return (resolved.ok ? resolved.options : getTypeDeChamp(descriptor.type).defaultOptions(DEFAULT_LOCALE)) as Record<
    string,
    unknown
  >;
}

/** Options of a new field of this type, with placeholder labels in `locale`. */
export function defaultOptionsFor(type: TypeChamp, locale = DEFAULT_LOCALE): Record<string, unknown> {
  return getTypeDeChamp(type).defaultOptions(locale) as Record<string, unknown>;
}

/**
 * Parses one prefill value (URL parameter or JSON body) for a field; null means "drop it":
 * layout fields, unusable options and invalid values are ignored, as the reference does.
 */
export function prefillChampValue(descriptor: ChampDescriptor, raw: unknown): JsonValue | null {
  const definition = getTypeDeChamp(descriptor.type);
  if (!definition.hasValue) return null;
  const resolved = resolveOptions(descriptor);
  if (!resolved.ok) return null;
  return definition.prefill(raw, resolved.options) as JsonValue | null;
}
