import { describe, expect, it } from "vitest";
import { avisFormPageOf } from "./avis-form-uploads";

describe("avisFormPageOf", () => {
  it("recognises the instructeur's avis tab and the expert's avis page, data requests included", () => {
    expect(avisFormPageOf("/procedures/3/dossiers/42/avis")).toEqual({ page: "instructeur", demarcheId: 3, dossierId: 42 });
    expect(avisFormPageOf("/procedures/3/dossiers/42/avis.data")).toEqual({ page: "instructeur", demarcheId: 3, dossierId: 42 });
    expect(avisFormPageOf("/avis/7")).toEqual({ page: "expert", avisId: 7 });
  });
  it("leaves every other page to the other upload handlers or the pages", () => {
    expect(avisFormPageOf("/procedures/3/dossiers/42")).toBeNull();
    expect(avisFormPageOf("/avis")).toBeNull();
    expect(avisFormPageOf("/avis/7/autre")).toBeNull();
    expect(avisFormPageOf("/avis/abc")).toBeNull();
  });
});
