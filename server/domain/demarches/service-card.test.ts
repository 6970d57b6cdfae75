import { describe, expect, it } from "vitest";
import { isServiceSiret, TEST_SIRET, ZServiceInput } from "./service-card";

const valid = {
  nom: "Service des sports",
  organisme: "Mairie de Lyon",
  typeOrganisme: "collectivite_territoriale",
  siret: "216 901 231 00011",
  email: "sports@mairie-lyon.fr",
  telephone: "04 72 10 30 30",
  horaires: "Du lundi au vendredi, 9 h – 17 h",
  adresse: "1 place de la Comédie, 69001 Lyon",
};

function codes(input: Record<string, unknown>) {
  const parsed = ZServiceInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
}

describe("service SIRET", () => {
  it("accepts a SIRET whose Luhn key is right, compacted", () => {
    const parsed = ZServiceInput.parse(valid);
    expect(parsed.siret).toBe("21690123100011");
    expect(isServiceSiret("21690123100011")).toBe(true);
  });
  it("refuses a wrong key, a wrong length and the test SIRET", () => {
    expect(isServiceSiret("21690123100012")).toBe(false);
    expect(codes({ ...valid, siret: "21690123100012" })).toEqual(["siret:siret_invalid"]);
    expect(codes({ ...valid, siret: "1234" })).toEqual(["siret:siret_invalid"]);
    expect(codes({ ...valid, siret: TEST_SIRET })).toEqual(["siret:siret_test"]);
    expect(codes({ ...valid, siret: "" })).toEqual(["siret:siret_required"]);
  });
});

describe("service card", () => {
  it("names each missing or bad field", () => {
    expect(codes({ ...valid, nom: " ", typeOrganisme: "ministere", email: "pas-une-adresse" })).toEqual([
      "nom:nom_required",
      "typeOrganisme:type_organisme_invalid",
      "email:email_invalid",
    ]);
  });
});
