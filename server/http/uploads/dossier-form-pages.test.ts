import { describe, expect, it } from "vitest";
import type { CurrentUser } from "../context";
import { dossierFormPageOf, fileFieldWriterOf } from "./dossier-form-pages";

describe("dossierFormPageOf", () => {
  it.each([
    ["/dossiers/12/brouillon", { form: "champs", dossierId: 12 }],
    ["/dossiers/12/modifier.data", { form: "champs", dossierId: 12 }],
    ["/procedures/3/dossiers/12", { form: "annotations", demarcheId: 3, dossierId: 12 }],
    ["/procedures/3/dossiers/12.data", { form: "annotations", demarcheId: 3, dossierId: 12 }],
  ])("%s", (path, page) => expect(dossierFormPageOf(path)).toEqual(page));

  it.each([
    "/dossiers/12",
    "/dossiers/12/brouillon/x",
    "/procedures/3",
    "/admin/procedures/3/champs",
    "/procedures/3/dossiers/1234567890123",
  ])("%s is no dossier form", (path) => expect(dossierFormPageOf(path)).toBeNull());
});

describe("fileFieldWriterOf", () => {
  const usager: CurrentUser = { id: 7, email: "u@exemple.fr", administrateurId: null, instructeurId: null, expertId: null };
  const instructeur: CurrentUser = { ...usager, id: 8, instructeurId: 5 };
  const annotations = { form: "annotations", demarcheId: 3, dossierId: 12 } as const;

  it("writes the usager's form as the signed-in user", () => {
    expect(fileFieldWriterOf({ form: "champs", dossierId: 12 }, usager)).toEqual({ form: "champs", userId: 7 });
  });

  it("writes the annotations only as an instructeur, on the page's démarche", () => {
    expect(fileFieldWriterOf(annotations, instructeur)).toEqual({
      form: "annotations",
      userId: 8,
      instructeurId: 5,
      demarcheId: 3,
    });
    expect(fileFieldWriterOf(annotations, usager)).toBeNull();
  });

  it("has no writer without a user", () => {
    expect(fileFieldWriterOf(annotations, null)).toBeNull();
    expect(fileFieldWriterOf({ form: "champs", dossierId: 12 }, null)).toBeNull();
  });
});
