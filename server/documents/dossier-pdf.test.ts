import { describe, expect, it } from "vitest";
import { readPdf } from "../../tests/support/pdf-text";
import type { ChampDescriptor } from "../domain/champs/definition";
import { champValue, constant, eq } from "../domain/conditions/ast";
import { buildDossierDocument, type DossierDocumentInput, formItems } from "../domain/documents/dossier-document";
import { buildFormTree } from "../domain/form/tree";
import { hiddenKeys } from "../domain/form/visibility";
import { dossierPdfOptions, drawDossier } from "./dossier-pdf";
import { pdfBytes } from "./pdf";

const field = (stableId: number, type: ChampDescriptor["type"], libelle: string, extra: Partial<ChampDescriptor> = {}) => ({
  stableId,
  type,
  libelle,
  description: null,
  mandatory: false,
  options: {},
  parentStableId: null as number | null,
  ...extra,
});

// A section, a yes/no, a text shown only when it is yes, a file field, a block of two rows.
const descriptors = buildFormTree([
  field(1, "header_section", "Votre projet", { options: { level: 1 } }),
  field(2, "yes_no", "Avez-vous un financement ?"),
  field(3, "text", "Nom du financeur", { condition: eq(champValue(2), constant(true)) }),
  field(4, "textarea", "Description du projet"),
  field(5, "piece_justificative", "Budget prévisionnel"),
  field(6, "repetition", "Membres du bureau"),
  { ...field(7, "text", "Nom du membre"), parentStableId: 6 },
  { ...field(8, "integer_number", "Âge du membre"), parentStableId: 6 },
]);

const values: Record<string, unknown> = {
  "2": "false",
  "3": "Banque secrète",
  "4": "Un jardin partagé en pied d’immeuble",
  "5": [
    { id: "0c4f4a36-0f3b-4b36-9f6c-2b1f0d1e1a11", filename: "budget-2026.pdf", contentType: "application/pdf", byteSize: 1536 },
  ],
  "6": ["ra", "rb"],
  "7|ra": "Camille Martin",
  "8|ra": 34,
  "7|rb": "Dominique Durand",
  "8|rb": 51,
};

function input(): DossierDocumentInput {
  return {
    number: 4242,
    demarche: { number: 12, libelle: "Subvention aux associations de quartier", forIndividual: true },
    state: "en_instruction",
    usagerEmail: "camille@exemple.fr",
    identity: { civilite: "Mme", nom: "Martin", prenom: "Camille" },
    dates: { deposeAt: new Date("2026-03-12T13:05:00Z"), enInstructionAt: new Date("2026-03-14T09:00:00Z"), processedAt: null },
    motivation: null,
    form: { descriptors, values, hidden: [...hiddenKeys(descriptors, new Map(Object.entries(values)))] },
  };
}

describe("dossier document", () => {
  it("lists the visible fields in order, rows under their block, files with their size, and leaves the hidden field out", () => {
    const items = formItems(input().form, "fr");
    expect(items.map((i) => i.kind)).toEqual([
      "section",
      "field",
      "field",
      "field",
      "block",
      "row",
      "field",
      "field",
      "row",
      "field",
      "field",
    ]);
    expect(items).not.toContainEqual(expect.objectContaining({ label: "Nom du financeur" }));
    expect(items).toContainEqual({
      kind: "field",
      label: "Budget prévisionnel",
      text: "",
      files: [{ filename: "budget-2026.pdf", size: "1,5 Ko" }],
      inRow: false,
    });
    expect(items).toContainEqual({ kind: "field", label: "Avez-vous un financement ?", text: "Non", files: [], inRow: false });
  });

  it("shows the field hidden by its condition once the condition holds", () => {
    const shown = { ...values, "2": "true" };
    const items = formItems(
      { descriptors, values: shown, hidden: [...hiddenKeys(descriptors, new Map(Object.entries(shown)))] },
      "fr",
    );
    expect(items).toContainEqual(expect.objectContaining({ label: "Nom du financeur", text: "Banque secrète" }));
  });

  it("is drawn as an A4 PDF whose text holds the identity, labels and values, with its title and language", async () => {
    const document = buildDossierDocument(input(), "fr", new Date("2026-03-20T10:00:00Z"));
    const bytes = await pdfBytes((doc) => drawDossier(doc, document, "fr"), dossierPdfOptions(document, "fr"));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pdf = await readPdf(bytes);
    for (const text of [
      "Dossier n° 4242",
      "Subvention aux associations de quartier",
      "Personne physique",
      "Martin",
      "Camille",
      "12 mars 2026 à 14:05",
      "Votre projet",
      "Avez-vous un financement ?",
      "Un jardin partagé en pied d’immeuble",
      "budget-2026.pdf (1,5 Ko)",
      "Membres du bureau – ligne 2",
      "Dominique Durand",
      "51",
      "Page 1 sur 1",
    ]) {
      expect(pdf.text).toContain(text);
    }
    expect(pdf.text).not.toContain("Nom du financeur");
    expect(pdf.text).not.toContain("Banque secrète");
    expect(pdf.info.Title).toBe("Dossier n° 4242");
    expect(bytes.toString("latin1")).toContain("/Lang (fr-FR)");
    expect(bytes.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+Marianne/);
  });

  it("numbers every page when the form is long", async () => {
    const many = buildFormTree(Array.from({ length: 120 }, (_, i) => field(100 + i, "text", `Question ${i + 1}`)));
    const manyValues = Object.fromEntries(many.map((d) => [String(d.stableId), `Réponse ${d.stableId}`]));
    const document = buildDossierDocument(
      { ...input(), form: { descriptors: many, values: manyValues, hidden: [] } },
      "en",
      new Date(),
    );
    const pdf = await readPdf(await pdfBytes((doc) => drawDossier(doc, document, "en"), dossierPdfOptions(document, "en")));
    expect(pdf.pages).toBeGreaterThan(2);
    expect(pdf.text).toContain(`Page ${pdf.pages} of ${pdf.pages}`);
    expect(pdf.text).toContain("Question 120");
  });
});
