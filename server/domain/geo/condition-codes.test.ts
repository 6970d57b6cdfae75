import { describe, expect, it } from "vitest";
import { evaluateCondition } from "../conditions/evaluate";
import type { ConditionChampType } from "../conditions/types";
import { departementOf, regionOf } from "./condition-codes";

const commune = { code: "56121", postalCode: "56100", name: "Lorient", departementCode: "56", regionCode: "53" };
const epci = { code: "200042174", name: "Lorient Agglomération", departementCode: "56", regionCode: "53" };
const banAddress = { source: "ban", label: "8 Boulevard du Port 80000 Amiens", departementCode: "80", regionCode: "32" };
const manualFrance = { source: "manual", countryCode: "FR", departementCode: "67", regionCode: "44" };
const abroad = { source: "manual", countryCode: "DE" };

describe("departementOf / regionOf", () => {
  it.each([
    ["departements", "56", "56", "53"],
    ["departements", "99", "99", undefined],
    ["departements", "XX", undefined, undefined],
    ["regions", "53", undefined, "53"],
    ["communes", commune, "56", "53"],
    ["communes", { query: "Lorient", candidates: [] }, undefined, undefined],
    ["epci", epci, "56", "53"],
    ["address", banAddress, "80", "32"],
    ["address", manualFrance, "67", "44"],
    ["address", { source: "manual", countryCode: "FR" }, undefined, undefined],
    ["address", abroad, "99", undefined],
    ["address", { source: "search", query: "8 bd du port" }, undefined, undefined],
    ["pays", "FR", undefined, undefined],
    ["communes", null, undefined, undefined],
  ] as [ConditionChampType, unknown, string | undefined, string | undefined][])("%s %j", (type, value, departement, region) => {
    expect(departementOf(value, type)).toBe(departement);
    expect(regionOf(value, type)).toBe(region);
  });

  it("plug into the condition engine", () => {
    const ctx = {
      valueOf: (id: number) => (id === 1 ? commune : abroad),
      typeOf: (id: number): ConditionChampType => (id === 1 ? "communes" : "address"),
      departementOf,
      regionOf,
    };
    const field = (id: number) => ({ term: "Logic::ChampValue" as const, stable_id: id });
    const constant = (value: string) => ({ term: "Logic::Constant" as const, value });
    expect(evaluateCondition({ term: "Logic::InDepartementOperator", left: field(1), right: constant("56") }, ctx)).toBe(true);
    expect(evaluateCondition({ term: "Logic::InRegionOperator", left: field(1), right: constant("11") }, ctx)).toBe(false);
    expect(evaluateCondition({ term: "Logic::NotInRegionOperator", left: field(1), right: constant("11") }, ctx)).toBe(true);
    expect(evaluateCondition({ term: "Logic::InDepartementOperator", left: field(2), right: constant("99") }, ctx)).toBe(true);
    // No région abroad: both operators are false.
    expect(evaluateCondition({ term: "Logic::NotInRegionOperator", left: field(2), right: constant("11") }, ctx)).toBe(false);
  });
});
