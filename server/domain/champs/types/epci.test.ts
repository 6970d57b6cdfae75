import { describe, expect, it } from "vitest";
import { createReferenceData } from "../../../integrations/reference-data";
import type { ResolveContext } from "../definition";
import { typed } from "../test-helpers";
import { type EpciFieldValue, epci } from "./epci";

const refs = createReferenceData({ ban: { url: null, timeoutMs: 100 } });
const context = (
  overrides: Partial<ResolveContext<Record<string, never>, EpciFieldValue>> = {},
): ResolveContext<Record<string, never>, EpciFieldValue> => ({
  options: {},
  refs,
  previous: null,
  source: "form",
  ...overrides,
});
const part = (parts: Record<string, string>) => (suffix: string) => parts[suffix];

const annecy: EpciFieldValue = { code: "200066793", name: "CA du Grand Annecy", departementCode: "74", regionCode: "84" };

describe("epci form input", () => {
  it.each([
    ["Grand Annecy", {}, { query: "Grand Annecy" }],
    ["Grand Paris", { code: "200054781|93" }, { query: "Grand Paris", selection: "200054781|93" }],
    ["Grand Paris", { code: "200054781" }, { query: "Grand Paris" }],
    ["", {}, null],
  ] as const)("parses %j with parts %j", (raw, parts, expected) => {
    expect(epci.parseFormInput(raw, {}, part(parts))).toEqual(expected);
  });
});

describe("epci resolution (bundled data)", () => {
  it.each([["CA du Grand Annecy"], ["ca du grand annecy"], ["200066793"], ["200 066 793"], ["CA du Grand Annecy (74)"]])(
    "%j is one EPCI",
    async (query) => {
      expect(await epci.resolve?.({ query }, context())).toEqual(annecy);
    },
  );

  it("asks which département for an EPCI over several, and which EPCI for a partial name", async () => {
    const grandParis = await epci.resolve?.({ query: "Métropole du Grand Paris" }, context());
    const departements =
      grandParis && "candidates" in grandParis ? (grandParis.candidates ?? []).map((c) => c.departementCode) : [];
    expect(departements).toEqual(expect.arrayContaining(["75", "92", "93", "94"]));
    expect(await epci.resolve?.({ query: "Métropole du Grand Paris", selection: "200054781|93" }, context())).toMatchObject({
      code: "200054781",
      departementCode: "93",
      regionCode: "11",
    });
    const annecyPart = await epci.resolve?.({ query: "Annecy" }, context());
    expect(annecyPart && "candidates" in annecyPart ? annecyPart.candidates?.[0]?.code : null).toBe("200066793");
    expect(await epci.resolve?.({ query: "Nulle part" }, context())).toEqual({ query: "Nulle part", candidates: [] });
  });

  it("keeps an unchanged EPCI without searching again", async () => {
    expect(await epci.resolve?.({ query: "CA du Grand Annecy (74)" }, context({ previous: annecy }))).toBe(annecy);
  });
});

describe("epci submission, display and prefill", () => {
  it("validates", () => {
    const descriptor = typed("epci", {});
    expect(epci.validateForSubmit(annecy, descriptor)).toBeNull();
    expect(
      epci.validateForSubmit(
        { query: "Annecy", candidates: [{ code: "200066793", name: "x", departementCode: "74" }] },
        descriptor,
      )?.code,
    ).toBe("epci_ambiguous");
    expect(epci.validateForSubmit({ query: "Nulle part", candidates: [] }, descriptor)?.code).toBe("epci_not_found");
    expect(epci.validateForSubmit(null, descriptor)?.code).toBe("required");
    // Candidates proposed from a prefilled département are no answer yet.
    expect(epci.validateForSubmit({ query: "", departementCode: "74", candidates: [] }, descriptor)?.code).toBe("required");
    expect(epci.validateForSubmit(null, typed("epci", {}, { mandatory: false }))).toBeNull();
  });

  it("displays the name", () => {
    expect(epci.displayValue(annecy, {}, "fr")).toBe("CA du Grand Annecy");
    expect(epci.stringValue(annecy)).toBe("CA du Grand Annecy");
    expect(epci.stringValue(null)).toBeNull();
  });

  it.each([
    [["74"], { query: "", departementCode: "74" }],
    [["74", "200066793"], { query: "", selection: "200066793|74" }],
    [["7"], { query: "", departementCode: "07" }],
    [["00"], null],
    [["74", "2000"], null],
    [[], null],
  ] as const)("prefills %j", (raw, expected) => {
    expect(epci.prefill(raw, {})).toEqual(expected);
  });

  it("resolves prefilled values", async () => {
    expect(await epci.resolve?.({ query: "", selection: "200066793|74" }, context({ source: "prefill" }))).toEqual(annecy);
    expect(await epci.resolve?.({ query: "", selection: "200066793|01" }, context({ source: "prefill" }))).toBeNull();
    const byDepartement = await epci.resolve?.({ query: "", departementCode: "74" }, context({ source: "prefill" }));
    expect(byDepartement && "candidates" in byDepartement ? byDepartement.candidates?.map((c) => c.code) : []).toContain(
      "200066793",
    );
  });
});
