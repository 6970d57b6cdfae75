import { describe, expect, it } from "vitest";
import { champId } from "../form/champ-id";
import type { ChampDescriptor, TypeChamp } from "../champs/definition";
import { TYPES_CHAMP } from "../champs/definition";
import { defaultOptionsFor, getTypeDeChamp, prefillChampValue } from "../champs/registry";
import { describePrefillField, examplePrefillParams, prefillQueryString } from "./formats";
import { prefillKeyOf, prefillParamsFromSearch } from "./params";
import { prefillChampValues } from "./values";

let nextId = 500;
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

describe("prefill formats of the registered types", () => {
  it.each(TYPES_CHAMP.filter((type) => type !== "repetition").map((type) => [type]))(
    "%s: the example is accepted by the type's own prefill (or the type is not prefillable)",
    (type) => {
      const f = field(type);
      for (const locale of ["fr", "en"] as const) {
        const doc = describePrefillField(f, locale);
        if (!doc.prefillable) {
          expect(doc.example).toBeNull();
          expect(getTypeDeChamp(type).prefill("x", getTypeDeChamp(type).defaultOptions("fr"))).toBeNull();
          continue;
        }
        expect(doc.example).not.toBeNull();
        expect(prefillChampValue(f, doc.example)).not.toBeNull();
      }
    },
  );

  it("lists the accepted values of closed lists", () => {
    const list = field("drop_down_list", { options: { options: ["A", "B"], other: true } });
    expect(describePrefillField(list, "fr")).toMatchObject({ choices: ["A", "B"], otherAccepted: true, example: "A" });
    expect(describePrefillField(field("civilite"), "fr").choices).toEqual(["M.", "Mme"]);
    expect(describePrefillField(field("text"), "fr").choices).toBeNull();
    expect(describePrefillField(field("header_section"), "fr")).toMatchObject({ prefillable: false, example: null });
  });

  it("says a field whose options do not parse is not prefillable (its values would be dropped)", () => {
    const broken = field("drop_down_list", { options: { options: [] } });
    expect(prefillChampValue(broken, "A")).toBeNull();
    expect(describePrefillField(broken, "fr")).toMatchObject({ prefillable: false, example: null, choices: null });
  });

  it("gives the example of an advanced formatted field, which its pattern accepts", () => {
    const options = { mode: "advanced", expressionReguliere: "^[A-Z]{2}-\\d{4}$", expressionReguliereExempleText: "AB-1234" };
    const formatted = field("formatted", { options });
    const doc = describePrefillField(formatted, "fr");
    expect(doc.example).toBe("AB-1234");
    expect(prefillChampValue(formatted, doc.example)).toBe("AB-1234");
  });
});

describe("examples of a repetition block and the prefill link", () => {
  const child = field("text");
  const multiple = field("multiple_drop_down_list", { options: { options: ["A", "B", "C"] } });
  const block = field("repetition", { options: {}, children: [child, field("header_section")] });
  const blockWithList = field("repetition", { options: {}, children: [multiple] });
  const top = field("integer_number");

  it("describes a block by one example row of its prefillable children", () => {
    const doc = describePrefillField(block, "fr");
    expect(doc.prefillable).toBe(true);
    expect(doc.example).toEqual([{ [prefillKeyOf(champId(child.stableId))]: "Texte court d’exemple" }]);
    expect(doc.children.map((c) => c.prefillable)).toEqual([true, false]);
  });

  it("builds a link whose parameters read back as the same values (reference array syntax)", () => {
    const tree = [top, block, blockWithList];
    const docs = tree.map((f) => describePrefillField(f, "fr"));
    const params = examplePrefillParams(docs, new Set(tree.map((f) => f.stableId)), { identite_nom: "Dupont" });
    const query = prefillQueryString(params);
    expect(query).toContain(`${encodeURIComponent(`${prefillKeyOf(champId(block.stableId))}[][`)}`);
    const read = prefillParamsFromSearch(new URLSearchParams(query));
    let n = 0;
    const fromLink = prefillChampValues(tree, read, new Map(), () => `r${n++}`);
    n = 0;
    const fromJson = prefillChampValues(tree, params, new Map(), () => `r${n++}`);
    expect(Object.fromEntries(fromLink)).toEqual(Object.fromEntries(fromJson));
    expect(fromJson.size).toBe(5);
    expect(read.identite_nom).toBe("Dupont");
  });

  it("includes only the chosen fields", () => {
    const docs = [top, block].map((f) => describePrefillField(f, "en"));
    expect(Object.keys(examplePrefillParams(docs, new Set([top.stableId]), null))).toEqual([prefillKeyOf(champId(top.stableId))]);
  });
});
