import { describe, expect, it } from "vitest";
import type { ChampDescriptor } from "./definition";
import {
  champInputName,
  parseDraftValues,
  readChampValue,
  validateChampValue,
  validateChampsForSubmit,
} from "./validate-dossier";

const form: ChampDescriptor[] = [
  { stableId: 1, type: "header_section", libelle: "Identité", description: null, mandatory: false, options: { level: 1 } },
  { stableId: 2, type: "text", libelle: "Nom", description: null, mandatory: true, options: {} },
  { stableId: 3, type: "textarea", libelle: "Projet", description: null, mandatory: false, options: { characterLimit: 400 } },
  { stableId: 4, type: "integer_number", libelle: "Effectif", description: null, mandatory: true, options: {} },
  { stableId: 5, type: "date", libelle: "Date de début", description: null, mandatory: false, options: {} },
  { stableId: 6, type: "yes_no", libelle: "Association ?", description: null, mandatory: true, options: {} },
  {
    stableId: 7,
    type: "drop_down_list",
    libelle: "Ville",
    description: null,
    mandatory: true,
    options: { options: ["Paris", "Lyon"], other: false },
  },
];

describe("validateChampsForSubmit", () => {
  it("accepts a complete, valid form", () => {
    const values = new Map<string, unknown>([
      ["2", "Dupont"],
      ["4", "12"],
      ["6", "false"],
      ["7", "Lyon"],
    ]);
    expect(validateChampsForSubmit(form, values)).toEqual([]);
  });

  it("reports every invalid field in form order", () => {
    const values = new Map<string, unknown>([
      ["1", "ignored: sections have no value"],
      ["3", "x".repeat(401)],
      ["4", "12a"],
      ["5", "2023-02-30"],
      ["7", "Marseille"],
    ]);
    expect(validateChampsForSubmit(form, values)).toEqual([
      { key: "2", stableId: 2, error: { code: "required", params: { libelle: "Nom" } } },
      { key: "3", stableId: 3, error: { code: "too_long", params: { libelle: "Projet", max: 400 } } },
      { key: "4", stableId: 4, error: { code: "invalid_integer", params: { libelle: "Effectif" } } },
      { key: "5", stableId: 5, error: { code: "invalid_date", params: { libelle: "Date de début" } } },
      { key: "6", stableId: 6, error: { code: "required", params: { libelle: "Association ?" } } },
      { key: "7", stableId: 7, error: { code: "invalid_option", params: { libelle: "Ville" } } },
    ]);
  });

  it("treats values stored in another shape as invalid, even when optional", () => {
    const optionalYesNo: ChampDescriptor = { ...form[5]!, mandatory: false };
    expect(validateChampValue(optionalYesNo, "oui")?.code).toBe("invalid_value");
    expect(validateChampValue(optionalYesNo, true)?.code).toBe("invalid_value");
    expect(validateChampValue(form[1]!, 42)?.code).toBe("invalid_value");
    expect(validateChampValue(form[1]!, ["Dupont"])?.code).toBe("invalid_value");
    expect(validateChampValue(optionalYesNo, null)).toBeNull();
  });

  it("reports misconfigured options only when a value must be judged", () => {
    const broken: ChampDescriptor = { ...form[6]!, options: { options: [] } };
    expect(validateChampValue(broken, "Paris")?.code).toBe("misconfigured");
    expect(validateChampValue(broken, null)?.code).toBe("required");
    expect(validateChampValue({ ...broken, mandatory: false }, null)).toBeNull();
  });

  it("reads stored values by shape", () => {
    expect(readChampValue(form[3]!, undefined)).toEqual({ ok: true, value: null });
    expect(readChampValue(form[3]!, "12")).toEqual({ ok: true, value: "12" });
    expect(readChampValue(form[3]!, 12)).toEqual({ ok: false });
  });
});

describe("parseDraftValues", () => {
  const post = (entries: Record<string, string | string[]>) => (name: string) => entries[name];

  it("maps champ_<stableId> inputs to stored values, leniently", () => {
    const values = parseDraftValues(
      form,
      post({
        champ_1: "section",
        champ_2: "  Dupont ",
        champ_3: "Ligne 1\r\nLigne 2",
        champ_4: "1 200a",
        champ_5: "15/03/2024",
        champ_6: "true",
        champ_7: ["__other__", "Marseille"],
      }),
    );
    expect(Object.fromEntries(values)).toEqual({
      2: "Dupont",
      3: "Ligne 1\nLigne 2",
      4: "1 200a",
      5: "2024-03-15",
      6: "true",
      7: "Marseille",
    });
  });

  it("leaves absent inputs out and maps emptied ones to null", () => {
    const values = parseDraftValues(form, post({ champ_2: "  ", champ_4: "3" }));
    expect([...values.entries()]).toEqual([
      ["2", null],
      ["4", "3"],
    ]);
  });

  it("keeps drafts of fields whose options are broken", () => {
    const broken: ChampDescriptor = { ...form[6]!, options: {} };
    expect(parseDraftValues([broken], post({ champ_7: "Nice" })).get("7")).toBe("Nice");
  });

  it("names inputs after the stable id", () => {
    expect(champInputName(42)).toBe("champ_42");
    expect(champInputName("42|k3f9a")).toBe("champ_42|k3f9a");
  });
});
