import { describe, expect, it } from "vitest";
import { pieceJustificativeEditor } from "./piece-justificative";

const template = {
  id: "0b6f6f2e-1a2b-4c3d-8e9f-0123456789ab",
  filename: "modele.pdf",
  contentType: "application/pdf",
  byteSize: 42,
};
const form = (entries: Array<[string, string]>) => ({
  get: (name: string) => entries.find(([k]) => k === name)?.[1] ?? null,
  getAll: (name: string) => entries.filter(([k]) => k === name).map(([, v]) => v),
});

describe("piece_justificative options editor", () => {
  it("shows the stored families and the model file", () => {
    expect(pieceJustificativeEditor.fromOptions({ formatFamilies: ["tableur", "nope"], template })).toEqual({
      formatFamilies: ["tableur"],
      templateId: template.id,
      templateFilename: "modele.pdf",
      templateByteSize: "42",
    });
  });

  it("keeps the ticked families of the reference and nothing else", () => {
    const values = pieceJustificativeEditor.fromForm(
      form([
        ["formatFamilies", "image_scan"],
        ["formatFamilies", "executables"],
        ["formatFamilies", "image_scan"],
        ["template", "forged"],
      ]),
    );
    expect(pieceJustificativeEditor.toOptions(values)).toEqual({ ok: true, options: { formatFamilies: ["image_scan"] } });
  });

  it("no family ticked: no restriction", () => {
    expect(pieceJustificativeEditor.toOptions(pieceJustificativeEditor.fromForm(form([])))).toEqual({ ok: true, options: {} });
  });
});
