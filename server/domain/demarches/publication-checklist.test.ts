import { describe, expect, it } from "vitest";
import { missingBeforePublication } from "./publication-checklist";

const ready = { service: { siret: "21690123100011" }, instructeursCount: 1, lienSiteWeb: "https://www.mairie.fr/sports" };

describe("missing before publication", () => {
  it("is empty when the service, an instructeur and the website are there", () => {
    expect(missingBeforePublication(ready)).toEqual([]);
  });
  it("names every missing step", () => {
    expect(missingBeforePublication({ service: null, instructeursCount: 0, lienSiteWeb: " " })).toEqual([
      "service_missing",
      "no_instructeur",
      "lien_site_web_missing",
    ]);
  });
  it("refuses a service with the test SIRET or without one", () => {
    expect(missingBeforePublication({ ...ready, service: { siret: "35600082800018" } })).toEqual(["service_siret_invalid"]);
    expect(missingBeforePublication({ ...ready, service: { siret: null } })).toEqual(["service_siret_invalid"]);
  });
});
