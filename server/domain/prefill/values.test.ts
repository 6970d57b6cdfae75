import { describe, expect, it } from "vitest";
import { champId } from "../form/champ-id";
import type { ChampDescriptor, JsonValue, TypeChamp } from "../champs/definition";
import { defaultOptionsFor } from "../champs/registry";
import { champKey } from "../form/keys";
import { prefillKeyOf } from "./params";
import { prefillChampValues, prefillIdentity } from "./values";

let nextId = 100;
function field(type: TypeChamp, overrides: Partial<ChampDescriptor> = {}): ChampDescriptor {
  return {
    stableId: nextId++,
    type,
    libelle: type,
    description: null,
    mandatory: true,
    options: defaultOptionsFor(type),
    ...overrides,
  };
}

const key = (f: { stableId: number }) => prefillKeyOf(champId(f.stableId));
const noRow = () => {
  throw new Error("no row expected");
};

function prefillOne(f: ChampDescriptor, raw: JsonValue) {
  return prefillChampValues([f], { [key(f)]: raw }, new Map(), noRow).get(champKey(f.stableId)) ?? null;
}

describe("prefillChampValues: per-type formats of the reference", () => {
  const choices = { options: ["Vélo", "Voiture", "Train"] };
  it.each<[TypeChamp, Record<string, unknown> | null, JsonValue, JsonValue | null]>([
    ["text", null, "Texte court", "Texte court"],
    ["text", null, "  deux\nlignes ", "deux lignes"],
    ["text", null, 42, "42"],
    ["text", null, "", null],
    ["textarea", null, "ligne 1\nligne 2", "ligne 1\nligne 2"],
    ["integer_number", null, "42", "42"],
    ["integer_number", null, 42, "42"],
    ["integer_number", null, "4.2", null],
    ["integer_number", null, "quarante", null],
    ["decimal_number", null, "49.3", "49.3"],
    ["decimal_number", null, 49.3, "49.3"],
    ["decimal_number", null, "abc", null],
    ["date", null, "2023-02-01", "2023-02-01"],
    ["date", null, "2023-02-30", null],
    ["date", null, "01/02/2023", null],
    ["datetime", null, "2023-02-01T10:30", "2023-02-01T10:30"],
    ["datetime", null, "2023-02-01", null],
    ["yes_no", null, "true", "true"],
    ["yes_no", null, false, "false"],
    ["yes_no", null, "oui", null],
    ["checkbox", null, "true", "true"],
    ["checkbox", null, "on", null],
    ["civilite", null, "Mme", "Mme"],
    ["civilite", null, "M.", "M."],
    ["civilite", null, "Madame", null],
    ["email", null, "adresse@mail.com", "adresse@mail.com"],
    ["email", null, "pas une adresse", null],
    ["phone", null, "0612345678", "0612345678"],
    ["phone", null, "12", null],
    ["iban", null, "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"],
    ["iban", null, "FR76 0000", null],
    ["siret", null, "130 025 265 00013", "13002526500013"],
    ["siret", null, "13002526500014", null],
    ["drop_down_list", choices, "Train", "Train"],
    ["drop_down_list", choices, "Avion", null],
    ["drop_down_list", { ...choices, other: true }, "Avion", "Avion"],
    ["multiple_drop_down_list", choices, "Vélo", ["Vélo"]],
    ["multiple_drop_down_list", choices, ["Train", "Vélo", "Avion"], ["Vélo", "Train"]],
    ["multiple_drop_down_list", choices, ["Avion"], null],
    ["header_section", null, "Titre", null],
  ])("%s (options %j): %j → %j", (type, options, raw, expected) => {
    expect(prefillOne(field(type, options ? { options } : {}), raw)).toEqual(expected);
  });
});

describe("prefillChampValues: keys", () => {
  it("drops unknown keys, other démarches' fields and invalid values, keeps the rest", () => {
    const nom = field("text");
    const age = field("integer_number");
    const values = prefillChampValues(
      [nom, age],
      {
        [key(nom)]: "Dupont",
        [`champ_${champId(nom.stableId)}`]: "Dupont",
        [key(age)]: "vieux",
        [key({ stableId: 99999 })]: "x",
      },
      new Map(),
      noRow,
    );
    expect([...values]).toEqual([[champKey(nom.stableId), "Dupont"]]);
  });
});

describe("prefillChampValues: repetition blocks", () => {
  const child = field("text");
  const number = field("integer_number");
  const block = field("repetition", { options: {}, children: [child, number] });
  let counter = 0;
  const newRow = () => `row${++counter}`;

  it("fills the existing first row, then adds one row per object", () => {
    counter = 0;
    const stored = new Map<string, unknown>([[champKey(block.stableId), ["first"]]]);
    const values = prefillChampValues(
      [block],
      {
        [key(block)]: [
          { [key(child)]: "Ligne 1", [key(number)]: "1" },
          { [key(child)]: "Ligne 2", [key(number)]: "deux" },
          "not a row",
          { [key(child)]: "Ligne 3", [key({ stableId: 99999 })]: "ignored" },
        ],
      },
      stored,
      newRow,
    );
    expect(Object.fromEntries(values)).toEqual({
      [champKey(block.stableId)]: ["first", "row1", "row2"],
      [champKey(child.stableId, "first")]: "Ligne 1",
      [champKey(number.stableId, "first")]: "1",
      [champKey(child.stableId, "row1")]: "Ligne 2",
      [champKey(child.stableId, "row2")]: "Ligne 3",
    });
  });

  it("accepts the rows as JSON text (URL), never reuses a row id, and ignores children named at top level", () => {
    const ids = ["dup", "dup", "fresh"];
    const values = prefillChampValues(
      [block],
      {
        [key(block)]: JSON.stringify([{ [key(child)]: "A" }, { [key(child)]: "B" }]),
        [key(child)]: "top level",
      },
      new Map([[champKey(block.stableId), ["dup"]]]),
      () => ids.shift() as string,
    );
    expect(values.get(champKey(block.stableId))).toEqual(["dup", "fresh"]);
    expect(values.get(champKey(child.stableId, "fresh"))).toBe("B");
    expect(values.has(champKey(child.stableId))).toBe(false);
  });

  it.each([[[]], ["pas du JSON"], ["[pas du JSON"], [42]])("leaves the block alone for %j", (raw) => {
    expect(prefillChampValues([block], { [key(block)]: raw as JsonValue }, new Map(), noRow).size).toBe(0);
  });
});

describe("prefillIdentity", () => {
  it.each([
    [
      { identite_prenom: " Camille ", identite_nom: "Dupont", identite_genre: "Mme" },
      true,
      { prenom: "Camille", nom: "Dupont", civilite: "Mme" },
    ],
    [{ identite_civilite: "M." }, true, { civilite: "M." }],
    [{ identite_genre: "Monsieur", identite_nom: "" }, true, {}],
    [{ identite_nom: "x".repeat(201) }, true, {}],
    [{ identite_nom: 42 }, true, {}],
    [{ identite_prenom: " Ca\u0000mille\nMarie " }, true, { prenom: "Camille Marie" }],
    [{ identite_prenom: "Camille", identite_nom: "Dupont" }, false, {}],
  ])("%j (for individuals: %j) → %j", (params, forIndividual, expected) => {
    expect(prefillIdentity(params, forIndividual)).toEqual(expected);
  });
});
