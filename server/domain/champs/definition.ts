/**
 * The contract every type de champ implements. One module per type under `types/`, gathered in
 * `registry.ts`, which is checked against `TypeChamp` so that a new type does not compile until
 * every facet exists. Pure: no database, no React, no I/O.
 */
import type { z } from "zod";
import type { Locale } from "../../../common/i18n/types";
import type { Condition } from "../conditions/ast";
import type { FileRef } from "../files/file-ref";
import type { ReferenceData } from "../geo/reference-data";
import type { ChampError } from "./errors";

/**
 * Types implemented so far, with the reference's keys (the API's `TypeDeChamp` enum has ~40).
 * Adding a key here makes `registry.ts` fail to compile until its module exists.
 */
export const TYPES_CHAMP = [
  "header_section",
  "repetition",
  "text",
  "textarea",
  "integer_number",
  "decimal_number",
  "date",
  "datetime",
  "yes_no",
  "checkbox",
  "drop_down_list",
  "multiple_drop_down_list",
  "civilite",
  "email",
  "phone",
  "iban",
  "siret",
  "explication",
  "formatted",
  "linked_drop_down_list",
  "dossier_link",
  "piece_justificative",
  "titre_identite",
  "pays",
  "regions",
  "departements",
  "communes",
  "epci",
  "address",
] as const;
export type TypeChamp = (typeof TYPES_CHAMP)[number];

/** Editor grouping, as the reference's `TYPE_DE_CHAMP_TO_CATEGORIE`. */
export type ChampCategory =
  | "structure"
  | "etat_civil"
  | "localisation"
  | "paiement_identification"
  | "standard"
  | "pieces_jointes"
  | "choice"
  | "referentiel_externe";

/** Reference fill-time estimates, in seconds (`FILL_DURATION_SHORT/MEDIUM/LONG`). */
export const FILL_DURATION = { none: 0, short: 10, medium: 60, long: 180 } as const;

/** Values are stored as JSON (jsonb), so every value type must be JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What the administrateur configured for one field (one row of a revision). */
export interface ChampDescriptor {
  stableId: number;
  type: TypeChamp;
  libelle: string;
  description: string | null;
  mandatory: boolean;
  /** Raw stored options; parse them with the type's `optionsSchema` (see `resolveOptions`). */
  options: Record<string, unknown>;
  /**
   * Visibility condition, parsed when the revision was read (`readStoredCondition`); null/absent:
   * always shown (a stored condition that does not parse shows the field too).
   */
  condition?: Condition | null;
  /** Fields of a `repetition` block, in order (absent for every other type). */
  children?: readonly ChampDescriptor[];
}

/** A descriptor whose options have been parsed by its type's `optionsSchema`. */
export type TypedChampDescriptor<O> = Omit<ChampDescriptor, "options"> & { options: O };

/** What an HTML form gives for one input name: nothing, one value, or several (same name twice). */
export type FormInput = string | string[] | undefined;

/**
 * Reads the companion inputs of a field made of several controls (e.g. an address typed by hand:
 * street, postal code, city), named `<field name>__<suffix>`. The field counts as posted only when
 * its main input (`<field name>`) is present, so such types render a main input too (hidden if need be).
 */
export type FormPartReader = (suffix: string) => FormInput;

/**
 * How conditions read a field (the reference's `Logic::ChampValue::CHAMP_VALUE_TYPE`): which
 * operators apply and how constants compare. "unmanaged": conditions cannot read this type.
 */
export type ChampValueType =
  | "boolean"
  | "number"
  | "enum"
  | "commune_enum"
  | "epci_enum"
  | "departement_enum"
  | "address"
  | "enums"
  | "unmanaged";

/**
 * Converts a stored value of one type into another type's shape when a field changes type;
 * undefined: this value does not convert (it then reads as empty, the stored row is kept).
 */
export type Cast = (value: JsonValue) => JsonValue | undefined;

/** How integrators prefill a type (page /preremplir/<path>, reference formats of `ds-behaviour.md` §6.2). */
/** Examples in words, translated by the prefill page (server/domain/prefill/formats.ts). */
export type PrefillExampleWords = "text" | "textarea";

export interface PrefillFormat<O> {
  /**
   * A value the type's own `prefill` accepts for these options (checked by the tests for every type).
   * `words` gives an example in words in the reader's language (translated by the prefill page, so
   * that the type modules, also bundled for the browser, name no server-only translation).
   */
  example(options: O, words: (name: PrefillExampleWords) => string): JsonValue;
  /** The accepted values when they form a closed list (`other`: any text is accepted besides them); null: open. */
  choices(options: O): { values: string[]; other: boolean } | null;
}

/**
 * `T` ties a module to its registry key: `TYPES_DE_CHAMP.text.type` must be "text". Every facet is
 * a required member, so a new type does not compile until it says how it is validated, shown,
 * exported, prefilled, read by conditions, converted and seeded. (Its UI facets — input, display,
 * options editor — are the entry of `app/components/champs/registry.tsx`, checked the same way.)
 */
export interface TypeDeChampDefinition<O, V extends JsonValue, T extends TypeChamp = TypeChamp> {
  readonly type: T;
  readonly category: ChampCategory;
  /** False for pure layout (section titles, explanations): no value, never validated. */
  readonly hasValue: boolean;
  /**
   * False for values that only their own endpoints write (files: uploads and deletions, with their
   * attachment rows): form posts never change them (`parseDraftValues` skips them). Absent: true.
   */
  readonly writtenByForm?: false;

  /** Options the administrateur can set; unknown keys are stripped, like the reference's `clean_options`. */
  readonly optionsSchema: z.ZodType<O>;
  /** Options of a newly added field; labels (e.g. drop-down choices) come from the translations. */
  defaultOptions(locale: Locale): O;

  /** Shape of the stored value. Drafts may hold anything of this shape; submission is stricter. */
  readonly valueSchema: z.ZodType<V>;

  /**
   * Lenient parsing for drafts and autosave: normalises (trim, control characters) but keeps what
   * the user typed whenever the stored shape allows, so nothing is lost. Empty → null.
   */
  parseFormInput(raw: FormInput, options: O, part?: FormPartReader): V | null;

  /** Strict check at submission (mandatory, format, options). Null when the value is acceptable. */
  validateForSubmit(value: V | null, descriptor: TypedChampDescriptor<O>): ChampError | null;

  isBlank(value: V | null): boolean;

  /** Human-readable value for pages, PDFs, tags and e-mails. Blank → "". */
  displayValue(value: V | null, options: O, locale: Locale): string;

  /**
   * The files a value holds, for documents that list them with their size (the dossier PDF).
   * Absent: the type holds no file.
   */
  files?(value: V | null): readonly FileRef[];

  /**
   * Text of the value (exports and the instructeurs' search read it); also `Champ.stringValue` of
   * the GraphQL API unless `apiStringValue` is given. Blank → null.
   */
  stringValue(value: V | null): string | null;

  /**
   * `Champ.stringValue` of the GraphQL API where the reference formats it otherwise than
   * `stringValue` (dates in words, files: always null). Absent: `stringValue`, and "" when blank
   * (the reference's empty value). The table of every type is in docs/api.md.
   */
  apiStringValue?(value: V | null): string | null;

  /** `__typename` of the champ and of its descriptor in the reference API. */
  readonly graphqlTypename: string;
  readonly graphqlDescriptorTypename: string;

  /** Seconds, before the description's reading time is added. */
  readonly estimatedFillDuration: number;

  /** Parses a value received through prefill (URL or JSON body); anything invalid → null (dropped). */
  prefill(raw: unknown, options: O): V | null;
  /** What the prefill documentation says of the type; null: not prefillable (`prefill` always gives null). */
  readonly prefillFormat: PrefillFormat<O> | null;

  /** How conditions (visibility, eligibility, routing) read the value. */
  readonly conditionValueType: ChampValueType;

  /**
   * The types a field of this type can become while keeping its values, and how each value
   * converts (the reference's `Columns::ChampColumn` cast table, widened to lossless conversions
   * into free text). Absent targets lose the values (they read as empty).
   */
  readonly casts: { readonly [K in TypeChamp]?: Cast };

  /** A plausible form input that saves a valid value (seeds, tests, load benchmarks); "" when nothing is typed. */
  sampleFormInput(options: O): string;

  /**
   * Server-side completion of a parsed or prefilled value with reference data the browser does not
   * hold (communes, EPCI, national address base): what was typed or picked becomes a verified value,
   * or stays unresolved with the candidates for the usager to choose from. Types without it are
   * final once parsed. Called through `resolveChampValues` (server/domain/champs/resolve-values.ts).
   */
  resolve?(value: V, context: ResolveContext<O, V>): Promise<V | null>;
}

/** What a type's `resolve` may use. */
export interface ResolveContext<O, V> {
  options: O;
  refs: ReferenceData;
  /** The value stored before this change (null when none): an unchanged choice is kept without a lookup. */
  previous: V | null;
  /** "prefill": a value that cannot be resolved is dropped (null) rather than kept for the usager to fix. */
  source: "form" | "prefill";
}
