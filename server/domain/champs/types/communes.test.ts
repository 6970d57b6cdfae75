import { describe, expect, it } from "vitest";
import { createReferenceData } from "../../../integrations/reference-data";
import type { ResolveContext } from "../definition";
import { typed } from "../test-helpers";
import { type CommunesValue, communes } from "./communes";

// The bundled official data, without an address service (communes never need one).
const refs = createReferenceData({ ban: { url: null, timeoutMs: 100 } });
const context = (
  overrides: Partial<ResolveContext<Record<string, never>, CommunesValue>> = {},
): ResolveContext<Record<string, never>, CommunesValue> => ({
  options: {},
  refs,
  previous: null,
  source: "form",
  ...overrides,
});
const part = (parts: Record<string, string>) => (suffix: string) => parts[suffix];

const lorient: CommunesValue = { code: "56121", postalCode: "56100", name: "Lorient", departementCode: "56", regionCode: "53" };

describe("communes form input", () => {
  it.each([
    ["Lorient", {}, { query: "Lorient" }],
    [" 56100 ", {}, { query: "56100" }],
    ["Saint-Denis", { code: "93066|93200" }, { query: "Saint-Denis", selection: "93066|93200" }],
    ["Saint-Denis", { code: "pas un code" }, { query: "Saint-Denis" }],
    ["", { code: "93066|93200" }, { query: "", selection: "93066|93200" }], // a radio picked among prefilled candidates
    ["", {}, null],
  ] as const)("parses %j with parts %j", (raw, parts, expected) => {
    expect(communes.parseFormInput(raw, {}, part(parts))).toEqual(expected);
  });
});

describe("communes resolution (bundled data)", () => {
  it.each([
    ["Lorient", lorient],
    ["lorient", lorient],
    ["56100", lorient],
    ["Lorient (56100)", lorient],
    ["Lorient 56100", lorient],
    ["75015", { code: "75115", postalCode: "75015", name: "Paris 15e Arrondissement", departementCode: "75", regionCode: "11" }],
    ["Bastia 20600", { code: "2B033", postalCode: "20600", name: "Bastia", departementCode: "2B", regionCode: "94" }],
  ])("one commune for %j is stored", async (query, expected) => {
    expect(await communes.resolve?.({ query }, context())).toEqual(expected);
  });

  it("keeps the text with the candidates when several communes answer", async () => {
    const value = await communes.resolve?.({ query: "Saint-Denis" }, context());
    expect(value).toMatchObject({ query: "Saint-Denis" });
    const candidates = value && "candidates" in value ? (value.candidates ?? []) : [];
    expect(candidates.map((c) => `${c.name} ${c.postalCode}`)).toContain("Saint-Denis 93200");
    expect(candidates.every((c) => c.name === "Saint-Denis")).toBe(true);
    // Lyon is searched by arrondissement, as the reference does.
    const lyon = await communes.resolve?.({ query: "Lyon" }, context());
    const names = lyon && "candidates" in lyon ? (lyon.candidates ?? []).map((c) => c.name) : [];
    expect(names).toContain("Lyon 3e Arrondissement");
    expect(names).not.toContain("Lyon");
  });

  it("stores the candidate the usager picked, while the text still names it", async () => {
    expect(await communes.resolve?.({ query: "Saint-Denis", selection: "93066|93200" }, context())).toMatchObject({
      code: "93066",
      postalCode: "93200",
      departementCode: "93",
      regionCode: "11",
    });
    expect(await communes.resolve?.({ query: "Lyon", selection: "69383|69003" }, context())).toMatchObject({ code: "69383" });
    // A choice left over while something else was typed: the new text wins.
    expect(await communes.resolve?.({ query: "Lorient", selection: "93066|93200" }, context())).toEqual(lorient);
    // A forged pair (this INSEE code does not have that postal code) is not a choice.
    expect(await communes.resolve?.({ query: "Lorient", selection: "93066|56100" }, context())).toEqual(lorient);
  });

  it("asks which postal code for an INSEE code of a commune with several", async () => {
    const bastia = await communes.resolve?.({ query: "2B033" }, context());
    expect(bastia && "candidates" in bastia ? bastia.candidates?.map((c) => c.postalCode) : []).toEqual(["20200", "20600"]);
  });

  it("says when nothing matches, and keeps what was typed", async () => {
    expect(await communes.resolve?.({ query: "Xyzzyville" }, context())).toEqual({ query: "Xyzzyville", candidates: [] });
  });

  it("keeps an unchanged commune without searching again", async () => {
    const previous = { ...lorient, name: "Lorient (ancien nom)" };
    expect(await communes.resolve?.({ query: "Lorient (ancien nom) (56100)" }, context({ previous }))).toBe(previous);
  });

  it("checks a resolved value against the data", async () => {
    expect(await communes.resolve?.(lorient, context())).toEqual(lorient);
    const unknown = { ...lorient, code: "56999" };
    expect(await communes.resolve?.(unknown, context())).toEqual({ query: "Lorient (56100)", candidates: [] });
    expect(await communes.resolve?.(unknown, context({ source: "prefill" }))).toBeNull();
  });
});

describe("communes submission and display", () => {
  const descriptor = typed("communes", {});
  it.each([
    [lorient, null],
    [
      { query: "Saint-Denis", candidates: [{ code: "93066", postalCode: "93200", name: "Saint-Denis", departementCode: "93" }] },
      "commune_ambiguous",
    ],
    [{ query: "Xyzzyville", candidates: [] }, "commune_not_found"],
    [{ query: "Lorient" }, "commune_not_found"], // never resolved
    [null, "required"],
  ] as [CommunesValue | null, string | null][])("%j → %j", (value, code) => {
    expect(communes.validateForSubmit(value, descriptor)?.code ?? null).toBe(code);
  });

  it("is optional when not mandatory, but what was typed must still be a commune", () => {
    const optional = typed("communes", {}, { mandatory: false });
    expect(communes.validateForSubmit(null, optional)).toBeNull();
    expect(communes.validateForSubmit({ query: "Xyzzyville", candidates: [] }, optional)?.code).toBe("commune_not_found");
  });

  it("displays « name (postal code) », as the reference", () => {
    expect(communes.displayValue(lorient, {}, "fr")).toBe("Lorient (56100)");
    expect(communes.displayValue({ query: "Lorien" }, {}, "fr")).toBe("Lorien");
    expect(communes.displayValue(null, {}, "en")).toBe("");
    expect(communes.stringValue(lorient)).toBe("Lorient (56100)");
    expect(communes.stringValue(null)).toBeNull();
    expect(communes.isBlank({ query: " " })).toBe(true);
    expect(communes.valueSchema.safeParse({ ...lorient, query: "x" }).success).toBe(false);
  });
});

describe("communes prefill ([postal code] or [postal code, INSEE code])", () => {
  it.each([
    [["56100"], { query: "56100" }],
    [["56100", "56121"], { query: "56100", selection: "56121|56100" }],
    ['["56100","56121"]', { query: "56100", selection: "56121|56100" }],
    ["56100", { query: "56100" }],
    [[56100], { query: "56100" }],
    [["5610"], null],
    [["56100", "abc"], null],
    [["56100", "56121", "x"], null],
    [{ code: "56100" }, null],
  ] as const)("parses %j", (raw, expected) => {
    expect(communes.prefill(raw, {})).toEqual(expected);
  });

  it.each([
    [{ query: "56100" }, lorient],
    [{ query: "56100", selection: "56121|56100" }, lorient],
    [{ query: "56100", selection: "93066|56100" }, null], // that INSEE code has another postal code: dropped
    [{ query: "99999" }, null],
  ])("resolves %j", async (value, expected) => {
    expect(await communes.resolve?.(value, context({ source: "prefill" }))).toEqual(expected);
  });

  it("leaves a postal code of several communes for the usager to choose", async () => {
    const value = await communes.resolve?.({ query: "01400" }, context({ source: "prefill" }));
    expect(value && "candidates" in value ? value.candidates?.length : 0).toBeGreaterThan(1);
  });
});
