import { describe, expect, it } from "vitest";
import { acceptableAcr, civiliteFromGender, parseFranceConnectClaims } from "./france-connect";

const claims = {
  sub: "abc",
  email: " Angela.Dubois@Exemple.fr ",
  given_name: "Angela Claire Louise",
  family_name: "DUBOIS",
  birthdate: "1962-08-24",
  gender: "female",
};

describe("civiliteFromGender", () => {
  it.each([
    ["female", "Mme"],
    ["male", "M."],
    [null, null],
    [undefined, null],
    ["other", null],
  ] as const)("%s → %s", (gender, civilite) => {
    expect(civiliteFromGender(gender)).toBe(civilite);
  });
});

describe("parseFranceConnectClaims", () => {
  it("reads FranceConnect's identity, the e-mail normalised", () => {
    expect(parseFranceConnectClaims(claims)).toEqual({
      ok: true,
      identity: {
        sub: "abc",
        email: "angela.dubois@exemple.fr",
        givenName: "Angela Claire Louise",
        familyName: "DUBOIS",
        birthdate: "1962-08-24",
        gender: "female",
      },
    });
  });

  it("accepts a missing birth date or gender", () => {
    const { birthdate: _b, gender: _g, ...rest } = claims;
    const parsed = parseFranceConnectClaims(rest);
    expect(parsed.ok && parsed.identity).toMatchObject({ birthdate: null, gender: null });
  });

  it.each([{ email: undefined }, { email: "" }, { email: "  " }, { email: 42 }])("refuses a missing e-mail: %j", (patch) => {
    expect(parseFranceConnectClaims({ ...claims, ...patch })).toEqual({ ok: false, reason: "missing_email" });
  });

  it.each([
    { email: "not-an-address" },
    { sub: "" },
    { given_name: "" },
    { family_name: undefined },
    { birthdate: "1962-02-30" },
    { birthdate: "24/08/1962" },
    { gender: "unknown" },
  ])("refuses malformed claims: %j", (patch) => {
    expect(parseFranceConnectClaims({ ...claims, ...patch })).toEqual({ ok: false, reason: "invalid_claims" });
  });
});

describe("acceptableAcr", () => {
  it("accepts the eIDAS levels, nothing else", () => {
    expect(acceptableAcr("eidas1")).toBe(true);
    expect(acceptableAcr("eidas3")).toBe(true);
    expect(acceptableAcr(undefined)).toBe(false);
    expect(acceptableAcr("eidas0")).toBe(false);
  });
});
