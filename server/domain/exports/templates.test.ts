import { describe, expect, it } from "vitest";
import { FIXED_TAGS } from "../tags";
import {
  resolveTemplateColumns,
  templateColumnCatalogue,
  validateTabularTemplate,
  validateZipTemplate,
  zipItemCatalogue,
} from "./templates";

const catalogue = templateColumnCatalogue((c) => c, [{ stableId: 7, libelle: "Montant" }]);
const zipCatalogue = zipItemCatalogue([{ stableId: 9, libelle: "Devis" }]);

describe("export templates", () => {
  it("keeps the chosen order and custom headers; an empty header takes the default", () => {
    const { content, refusals } = validateTabularTemplate(
      "Commission",
      [
        { id: "field/7", libelle: "Somme" },
        { id: "dossier/number", libelle: "" },
      ],
      catalogue,
    );
    expect(refusals).toEqual([]);
    expect(content?.columns).toEqual([
      { id: "field/7", libelle: "Somme" },
      { id: "dossier/number", libelle: "number" },
    ]);
  });

  it("refuses no name, no column, unknown and duplicate columns", () => {
    expect(validateTabularTemplate("", [], catalogue).refusals.map((r) => r.code)).toEqual(["name_required", "no_column"]);
    const codes = validateTabularTemplate(
      "x",
      [
        { id: "field/99", libelle: "" },
        { id: "field/7", libelle: "" },
        { id: "field/7", libelle: "" },
      ],
      catalogue,
    ).refusals.map((r) => r.code);
    expect(codes).toEqual(["unknown_column", "duplicate_column"]);
  });

  it("drops the columns of fields that have gone", () => {
    const saved = {
      columns: [
        { id: "field/3", libelle: "Ancien champ" },
        { id: "field/7", libelle: "Somme" },
      ],
    };
    expect(resolveTemplateColumns(saved, catalogue)).toEqual({
      columns: [{ id: "field/7", libelle: "Somme" }],
      dropped: ["Ancien champ"],
    });
  });

  it("zip: the folder must contain the dossier number, names must be distinct, tags must exist", () => {
    const items = [
      { id: "dossier", enabled: true, name: "donnees" },
      { id: "field/9", enabled: true, name: "Donnees" },
      { id: "messages", enabled: false, name: "" },
    ];
    const codes = validateZipTemplate("z", "dossier --nom--", items, zipCatalogue, FIXED_TAGS).refusals.map((r) => r.code);
    expect(codes).toContain("folder_without_number");
    expect(codes).toContain("file_names_not_distinct");
    const unknown = validateZipTemplate("z", "--numéro du dossier-- --inconnu--", [], zipCatalogue, FIXED_TAGS);
    expect(unknown.refusals).toEqual([{ code: "tag_unknown", field: "folder", params: { tag: "inconnu" } }]);
    const ok = validateZipTemplate(
      "z",
      "dossier --numéro du dossier--",
      [{ id: "field/9", enabled: true, name: "devis --numéro du dossier--" }],
      zipCatalogue,
      FIXED_TAGS,
    );
    expect(ok.refusals).toEqual([]);
    expect(ok.content?.items.find((i) => i.id === "field/9")).toEqual({
      id: "field/9",
      enabled: true,
      name: "devis --numéro du dossier--",
    });
  });
});
