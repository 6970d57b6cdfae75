import { describe, expect, it } from "vitest";
import { champId } from "../form/champ-id";
import {
  hasPrefillParams,
  prefillDigest,
  prefillKeyOf,
  prefillParamsFromJson,
  prefillParamsFromSearch,
  stableIdOfPrefillKey,
} from "./params";

const key = (stableId: number) => prefillKeyOf(champId(stableId));

describe("stableIdOfPrefillKey", () => {
  it.each([
    [`champ_${champId(12)}`, 12],
    [key(12), 12],
    [`champ_${champId(123456)}`, 123456],
    [`champ_${champId(12, "abc123")}`, null],
    ["champ_", null],
    ["champ_12", null],
    [`champ_${Buffer.from("Dossier-12").toString("base64")}`, null],
    ["identite_nom", null],
    [champId(12), null],
  ])("%s → %s", (raw, expected) => {
    expect(stableIdOfPrefillKey(raw)).toBe(expected);
  });

  it("shows keys without the base64 padding, as the reference's prefill page", () => {
    expect(champId(12)).toMatch(/=$/);
    expect(key(12)).toBe(`champ_${champId(12).replace(/=+$/, "")}`);
  });
});

describe("prefillParamsFromSearch", () => {
  const parse = (query: string) => prefillParamsFromSearch(new URLSearchParams(query));

  it.each([
    ["champ_A=texte&identite_nom=Dupont", { champ_A: "texte", identite_nom: "Dupont" }],
    ["champ_A=premier&champ_A=dernier", { champ_A: "dernier" }],
    ["champ_A[]=a&champ_A[]=b", { champ_A: ["a", "b"] }],
    [
      "champ_R[][champ_X]=1&champ_R[][champ_Y]=2&champ_R[][champ_X]=3",
      { champ_R: [{ champ_X: "1", champ_Y: "2" }, { champ_X: "3" }] },
    ],
    ["champ_R[1][champ_X]=b&champ_R[0][champ_X]=a", { champ_R: [{ champ_X: "a" }, { champ_X: "b" }] }],
    ["champ_A=x&utm_source=mail&prefill_token=abc&champ=1&identite_age=3", { champ_A: "x" }],
    ["champ_A[][b][c]=1&champ_B[x=1&champ_C[]x=1", {}],
    ["identite_genre=Mme&identite_civilite=M.", { identite_genre: "Mme", identite_civilite: "M." }],
    ["", {}],
  ])("%s", (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it("bounds the number of list items", () => {
    const query = Array.from({ length: 1500 }, (_, i) => `champ_A[]=${i}`).join("&");
    expect((parse(query).champ_A as string[]).length).toBe(1000);
  });
});

describe("prefillParamsFromJson", () => {
  it.each([[null], [[]], ["texte"], [42]])("refuses %j (not an object)", (body) => {
    expect(prefillParamsFromJson(body)).toBeNull();
  });

  it("keeps prefill keys with their JSON values, ignores the others", () => {
    expect(
      prefillParamsFromJson({
        champ_A: 42,
        champ_B: ["a", "b"],
        champ_R: [{ champ_X: true }],
        identite_prenom: "Camille",
        other: 1,
      }),
    ).toEqual({ champ_A: 42, champ_B: ["a", "b"], champ_R: [{ champ_X: true }], identite_prenom: "Camille" });
  });
});

describe("prefillDigest", () => {
  it("is the same for the same parameters in any order, and differs when a value does", () => {
    const a = prefillDigest({ champ_A: "1", champ_R: [{ x: "1", y: "2" }] });
    expect(prefillDigest({ champ_R: [{ y: "2", x: "1" }], champ_A: "1" })).toBe(a);
    expect(prefillDigest({ champ_A: "2", champ_R: [{ x: "1", y: "2" }] })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("tells whether there is anything to prefill", () => {
    expect(hasPrefillParams({})).toBe(false);
    expect(hasPrefillParams({ identite_nom: "Dupont" })).toBe(true);
  });
});
