import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { titreIdentite, titreIdentiteAcceptedFiles } from "./titre_identite";

const jpeg = { id: "0b6f6f2e-1a2b-4c3d-8e9f-0123456789ab", filename: "cni.jpg", contentType: "image/jpeg", byteSize: 1200 };
const pdf = { id: "1b6f6f2e-1a2b-4c3d-8e9f-0123456789ab", filename: "cni.pdf", contentType: "application/pdf", byteSize: 800 };
const field = (mandatory = true) => typed("titre_identite", {}, { libelle: "Pièce d’identité", mandatory });

describe("titre_identite", () => {
  it("accepts JPEG and PNG up to 20 MB", () => {
    const accepted = titreIdentiteAcceptedFiles();
    expect(accepted.maxBytes).toBe(20 * 1024 * 1024);
    expect(accepted.formats.map((f) => f.mime)).toEqual(["image/jpeg", "image/png"]);
  });

  it.each([
    ["missing, mandatory", null, field(), { code: "required", params: { libelle: "Pièce d’identité" } }],
    ["missing, optional", null, field(false), null],
    ["a photo", [jpeg], field(), null],
    ["a PDF", [pdf], field(), { code: "file_format_not_accepted", params: { libelle: "Pièce d’identité", filename: "cni.pdf" } }],
  ] as const)("validateForSubmit: %s", (_label, value, descriptor, expected) => {
    expect(titreIdentite.validateForSubmit(value === null ? null : [...value], descriptor)).toEqual(expected);
  });

  it("display, API string and prefill", () => {
    expect(titreIdentite.displayValue([jpeg], {}, "fr")).toBe("cni.jpg");
    expect(titreIdentite.stringValue([jpeg])).toBeNull();
    expect(titreIdentite.prefill([jpeg], {})).toBeNull();
    expect(titreIdentite.writtenByForm).toBe(false);
  });
});
