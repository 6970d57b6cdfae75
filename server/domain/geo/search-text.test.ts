import { describe, expect, it } from "vitest";
import { matchRank, searchKey, splitPostalCode } from "./search-text";

describe("searchKey", () => {
  it.each([
    ["Saint-Étienne", "saint etienne"],
    ["st etienne", "saint etienne"],
    ["SAINT  ETIENNE", "saint etienne"],
    ["Sainte-Anne-d’Auray", "sainte anne d auray"],
    ["Ste Anne d'Auray", "sainte anne d auray"],
    ["Œuilly", "oeuilly"],
    ["L’Haÿ-les-Roses", "l hay les roses"],
    ["  ", ""],
  ])("%j → %j", (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe("matchRank", () => {
  it.each([
    ["saint denis", "saint denis", 0],
    ["saint denis", "saint d", 1],
    ["saint denis", "denis", 2],
    ["saint denis", "enis", 3],
    ["saint denis", "lyon", null],
    ["saint denis", "", null],
  ] as const)("%j for %j is %j", (name, query, rank) => {
    expect(matchRank(name, query)).toBe(rank);
  });
});

describe("splitPostalCode", () => {
  it.each([
    ["Saint-Denis 93200", { postalCode: "93200", words: "Saint-Denis" }],
    ["Saint-Denis (93200)", { postalCode: "93200", words: "Saint-Denis" }],
    ["93200", { postalCode: "93200", words: "" }],
    ["Lyon", { postalCode: null, words: "Lyon" }],
    ["123456", { postalCode: null, words: "123456" }],
  ])("%j", (query, expected) => {
    expect(splitPostalCode(query)).toEqual(expected);
  });
});
