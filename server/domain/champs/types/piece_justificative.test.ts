import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { type PieceJustificativeOptions, pieceJustificative, pieceJustificativeAcceptedFiles } from "./piece_justificative";

const pdf = { id: "0b6f6f2e-1a2b-4c3d-8e9f-0123456789ab", filename: "avis.pdf", contentType: "application/pdf", byteSize: 1200 };
const png = { id: "1b6f6f2e-1a2b-4c3d-8e9f-0123456789ab", filename: "plan.png", contentType: "image/png", byteSize: 800 };
const field = (options: PieceJustificativeOptions = {}, mandatory = true) =>
  typed("piece_justificative", options, { libelle: "Justificatif", mandatory });

describe("piece_justificative", () => {
  it("is a list of files written only by the upload endpoints", () => {
    expect(pieceJustificative.writtenByForm).toBe(false);
    expect(pieceJustificative.parseFormInput("forged", {})).toBeNull();
    expect(pieceJustificative.valueSchema.safeParse([pdf, png]).success).toBe(true);
    expect(pieceJustificative.valueSchema.safeParse(["x"]).success).toBe(false);
  });

  it.each([
    ["no file, mandatory", null, field(), { code: "required", params: { libelle: "Justificatif" } }],
    ["empty list, mandatory", [], field(), { code: "required", params: { libelle: "Justificatif" } }],
    ["no file, optional", null, field({}, false), null],
    ["one file", [pdf], field(), null],
    [
      "a file of a family no longer accepted",
      [pdf, png],
      field({ formatFamilies: ["document_texte"] }),
      {
        code: "file_format_not_accepted",
        params: { libelle: "Justificatif", filename: "plan.png" },
      },
    ],
    ["files of the chosen families", [pdf, png], field({ formatFamilies: ["document_texte", "image_scan"] }), null],
  ] as const)("validateForSubmit: %s", (_label, value, descriptor, expected) => {
    expect(pieceJustificative.validateForSubmit(value === null ? null : [...value], descriptor)).toEqual(expected);
  });

  it("blankness, display and API string", () => {
    expect(pieceJustificative.isBlank(null)).toBe(true);
    expect(pieceJustificative.isBlank([])).toBe(true);
    expect(pieceJustificative.isBlank([pdf])).toBe(false);
    expect(pieceJustificative.displayValue([pdf, png], {}, "fr")).toBe("avis.pdf, plan.png");
    expect(pieceJustificative.displayValue(null, {}, "fr")).toBe("");
    expect(pieceJustificative.stringValue([pdf])).toBeNull();
  });

  it("is not prefillable", () => {
    expect(pieceJustificative.prefill([pdf], {})).toBeNull();
    expect(pieceJustificative.prefill("avis.pdf", {})).toBeNull();
  });

  it("options: families of the reference, the model file never comes from the editor", () => {
    expect(pieceJustificative.optionsSchema.safeParse({ formatFamilies: ["tableur", "archive"] }).success).toBe(true);
    expect(pieceJustificative.optionsSchema.safeParse({ formatFamilies: ["executables"] }).success).toBe(false);
    expect(pieceJustificativeAcceptedFiles({}).maxBytes).toBe(200 * 1024 * 1024);
    expect(
      pieceJustificativeAcceptedFiles({ formatFamilies: ["image_scan"] }).formats.every((f) => f.mime.startsWith("image/")),
    ).toBe(true);
  });
});
