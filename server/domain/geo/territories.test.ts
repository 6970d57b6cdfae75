import { describe, expect, it } from "vitest";
import { DEPARTEMENTS, REGIONS, countries, countryCode, countryName, departementByCode, regionByCode } from "./territories";

describe("régions and départements", () => {
  it("lists the 18 régions by name and every département by code, « 99 – Étranger » last", () => {
    expect(REGIONS).toHaveLength(18);
    expect(REGIONS[0]).toEqual({ code: "84", name: "Auvergne-Rhône-Alpes" });
    expect(regionByCode("53")?.name).toBe("Bretagne");
    expect(regionByCode("975")).toBeUndefined();
    expect(DEPARTEMENTS.map((d) => d.code).slice(0, 3)).toEqual(["01", "02", "03"]);
    const codes = DEPARTEMENTS.map((d) => d.code);
    expect(codes.indexOf("2A")).toBe(codes.indexOf("29") + 1);
    expect(codes.at(-1)).toBe("99");
    expect(departementByCode("56")).toEqual({ code: "56", name: "Morbihan", regionCode: "53" });
    expect(departementByCode("971")?.regionCode).toBe("01");
    expect(departementByCode("99")?.regionCode).toBeNull();
  });
});

describe("countries", () => {
  it("has French and English names, without the overseas départements", () => {
    expect(countryName("FR", "fr")).toBe("France");
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("XK", "fr")).toBe("Kosovo");
    expect(countryName("GP", "fr")).toBeUndefined();
    expect(countries("fr").length).toBeGreaterThan(240);
    expect(countries("fr")[0]?.name).toBe("Afghanistan");
  });

  it.each([
    ["FR", "FR"],
    ["fr", "FR"],
    ["Allemagne", "DE"],
    ["germany", "DE"],
    ["Etats-Unis d'Amérique", "US"],
    ["Ivory Coast", "CI"],
    ["GP", undefined],
    ["Atlantide", undefined],
  ])("countryCode(%j) is %j", (text, code) => {
    expect(countryCode(text)).toBe(code);
  });
});
