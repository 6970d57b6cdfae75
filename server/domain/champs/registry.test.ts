import { describe, expect, it } from "vitest";
import { translate } from "../../../common/i18n";
import fr from "../../../common/i18n/locales/fr/champs";
import en from "../../../common/i18n/locales/en/champs";
import { FILL_DURATION, TYPES_CHAMP, type TypeChamp, type TypeDeChampDefinition } from "./definition";
import { CHAMP_ERROR_CODES, champErrorMessage } from "./errors";
import { TYPES_DE_CHAMP, defaultOptionsFor, getTypeDeChamp, isTypeChamp, prefillChampValue } from "./registry";
import { descriptor } from "./test-helpers";
import { text } from "./types/text";

// The registry's compile-time contract: a TypeChamp without its module does not type-check.
// @ts-expect-error missing every type but "text"
// biome-ignore lint/suspicious/noExplicitAny: test of the registry shape
const incomplete: { [K in TypeChamp]: TypeDeChampDefinition<any, any, K> } = { text };
void incomplete;

// Reference API names (ds-schema.graphql) and fill durations (ds-behaviour.md §1.3).
const EXPECTED: Record<TypeChamp, { typename: string; descriptor: string; fill: number; hasValue: boolean }> = {
  header_section: { typename: "HeaderSectionChamp", descriptor: "HeaderSectionChampDescriptor", fill: 0, hasValue: false },
  repetition: { typename: "RepetitionChamp", descriptor: "RepetitionChampDescriptor", fill: 0, hasValue: true },
  text: { typename: "TextChamp", descriptor: "TextChampDescriptor", fill: 10, hasValue: true },
  textarea: { typename: "TextChamp", descriptor: "TextareaChampDescriptor", fill: 60, hasValue: true },
  integer_number: { typename: "IntegerNumberChamp", descriptor: "IntegerNumberChampDescriptor", fill: 10, hasValue: true },
  date: { typename: "DateChamp", descriptor: "DateChampDescriptor", fill: 10, hasValue: true },
  yes_no: { typename: "YesNoChamp", descriptor: "YesNoChampDescriptor", fill: 10, hasValue: true },
  drop_down_list: { typename: "DropDownListChamp", descriptor: "DropDownListChampDescriptor", fill: 10, hasValue: true },
  decimal_number: { typename: "DecimalNumberChamp", descriptor: "DecimalNumberChampDescriptor", fill: 10, hasValue: true },
  datetime: { typename: "DatetimeChamp", descriptor: "DatetimeChampDescriptor", fill: 10, hasValue: true },
  checkbox: { typename: "CheckboxChamp", descriptor: "CheckboxChampDescriptor", fill: 10, hasValue: true },
  multiple_drop_down_list: {
    typename: "MultipleDropDownListChamp",
    descriptor: "MultipleDropDownListChampDescriptor",
    fill: 10,
    hasValue: true,
  },
  civilite: { typename: "CiviliteChamp", descriptor: "CiviliteChampDescriptor", fill: 10, hasValue: true },
  email: { typename: "TextChamp", descriptor: "EmailChampDescriptor", fill: 10, hasValue: true },
  phone: { typename: "TextChamp", descriptor: "PhoneChampDescriptor", fill: 10, hasValue: true },
  iban: { typename: "TextChamp", descriptor: "IbanChampDescriptor", fill: 60, hasValue: true },
  siret: { typename: "SiretChamp", descriptor: "SiretChampDescriptor", fill: 60, hasValue: true },
  explication: { typename: "ExplicationChamp", descriptor: "ExplicationChampDescriptor", fill: 0, hasValue: false },
  formatted: { typename: "TextChamp", descriptor: "FormattedChampDescriptor", fill: 10, hasValue: true },
  linked_drop_down_list: {
    typename: "LinkedDropDownListChamp",
    descriptor: "LinkedDropDownListChampDescriptor",
    fill: 10,
    hasValue: true,
  },
  dossier_link: { typename: "DossierLinkChamp", descriptor: "DossierLinkChampDescriptor", fill: 10, hasValue: true },
  pays: { typename: "PaysChamp", descriptor: "PaysChampDescriptor", fill: 10, hasValue: true },
  regions: { typename: "RegionChamp", descriptor: "RegionChampDescriptor", fill: 10, hasValue: true },
  departements: { typename: "DepartementChamp", descriptor: "DepartementChampDescriptor", fill: 10, hasValue: true },
  communes: { typename: "CommuneChamp", descriptor: "CommuneChampDescriptor", fill: 10, hasValue: true },
  epci: { typename: "EpciChamp", descriptor: "EpciChampDescriptor", fill: 10, hasValue: true },
  address: { typename: "AddressChamp", descriptor: "AddressChampDescriptor", fill: 10, hasValue: true },
  piece_justificative: {
    typename: "PieceJustificativeChamp",
    descriptor: "PieceJustificativeChampDescriptor",
    fill: 180,
    hasValue: true,
  },
  titre_identite: { typename: "TitreIdentiteChamp", descriptor: "TitreIdentiteChampDescriptor", fill: 180, hasValue: true },
};

// Reference categories (ds-behaviour.md §1.2).
const CATEGORIES: Record<TypeChamp, string> = {
  header_section: "structure",
  repetition: "structure",
  text: "standard",
  textarea: "standard",
  integer_number: "standard",
  decimal_number: "standard",
  date: "standard",
  datetime: "standard",
  yes_no: "choice",
  checkbox: "choice",
  drop_down_list: "choice",
  multiple_drop_down_list: "choice",
  civilite: "etat_civil",
  email: "etat_civil",
  phone: "etat_civil",
  iban: "paiement_identification",
  siret: "paiement_identification",
  explication: "structure",
  formatted: "standard",
  linked_drop_down_list: "choice",
  dossier_link: "structure",
  pays: "localisation",
  regions: "localisation",
  departements: "localisation",
  communes: "localisation",
  epci: "localisation",
  address: "localisation",
  piece_justificative: "standard",
  titre_identite: "pieces_jointes",
};

describe("registry", () => {
  it.each(TYPES_CHAMP)("%s is registered under its own key with the reference's API names", (type) => {
    const definition = getTypeDeChamp(type);
    const expected = EXPECTED[type];
    expect(definition.type).toBe(type);
    expect(definition.graphqlTypename).toBe(expected.typename);
    expect(definition.graphqlDescriptorTypename).toBe(expected.descriptor);
    expect(definition.estimatedFillDuration).toBe(expected.fill);
    expect(definition.hasValue).toBe(expected.hasValue);
    expect(definition.category).toBe(CATEGORIES[type]);
  });

  it.each(TYPES_CHAMP)("%s default options satisfy its options schema", (type) => {
    for (const locale of ["fr", "en"] as const) {
      const options = defaultOptionsFor(type, locale);
      expect(getTypeDeChamp(type).optionsSchema.parse(options)).toEqual(options);
    }
  });

  it.each(TYPES_CHAMP)("%s is blank when empty and displays blank as an empty string", (type) => {
    const definition = getTypeDeChamp(type);
    const options = definition.defaultOptions("fr");
    expect(definition.isBlank(null)).toBe(true);
    // A block's rows are posted after an empty marker, so "" alone means "no row left", not "absent".
    expect(definition.parseFormInput(undefined, options)).toEqual(type === "repetition" ? [] : null);
    expect(definition.parseFormInput("", options)).toEqual(type === "repetition" ? [] : null);
    expect(definition.displayValue(null, options, "fr")).toBe("");
    expect(definition.prefill(undefined, options)).toBeNull();
  });

  it("lists only known types", () => {
    expect(Object.keys(TYPES_DE_CHAMP).sort()).toEqual([...TYPES_CHAMP].sort());
    expect(isTypeChamp("yes_no")).toBe(true);
    expect(isTypeChamp("iban")).toBe(true);
    expect(isTypeChamp("rna")).toBe(false);
    expect(isTypeChamp(undefined)).toBe(false);
  });

  it("uses the reference fill durations", () => {
    expect(FILL_DURATION).toEqual({ none: 0, short: 10, medium: 60, long: 180 });
  });

  it("header_section is layout only", () => {
    const header = getTypeDeChamp("header_section");
    expect(header.optionsSchema.parse({})).toEqual({ level: 1 });
    expect(header.optionsSchema.safeParse({ level: 4 }).success).toBe(false);
    expect(header.validateForSubmit(null, { ...descriptor("header_section"), options: { level: 1 } })).toBeNull();
    expect(header.stringValue(null)).toBeNull();
  });
});

describe("prefillChampValue", () => {
  it("parses with the descriptor's options and drops what is invalid", () => {
    const ddl = descriptor("drop_down_list", { options: { options: ["A", "B"] } });
    expect(prefillChampValue(ddl, "B")).toBe("B");
    expect(prefillChampValue(ddl, "C")).toBeNull();
    expect(prefillChampValue(descriptor("drop_down_list", { options: {} }), "A")).toBeNull();
    expect(prefillChampValue(descriptor("header_section"), "x")).toBeNull();
    expect(prefillChampValue(descriptor("integer_number"), "42")).toBe("42");
  });
});

describe("translations", () => {
  it("have the same keys in both locales", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it.each(["fr", "en"] as const)("%s has a message for every error code, a label for every type", (locale) => {
    for (const code of CHAMP_ERROR_CODES) {
      const params = { libelle: "Nom", min: 3, max: 400, minDate: "2024-01-01", maxDate: "2024-12-31" };
      const message = champErrorMessage(
        { code, params: { ...params, character: "#", example: "AB12", message: "2 lettres", number: 12, filename: "scan.pdf" } },
        locale,
      );
      expect(message).not.toBe(`champs.errors.${code}`);
      expect(message).toContain("Nom");
      expect(message).not.toMatch(/\{\w+\}/);
    }
    for (const type of TYPES_CHAMP) expect(translate(locale, `champs.types.${type}`)).not.toBe(`champs.types.${type}`);
  });

  it("keeps the reference's wording for a required field", () => {
    expect(champErrorMessage({ code: "required", params: { libelle: "Nom" } }, "fr")).toBe("Le champ « Nom » doit être rempli");
  });
});
