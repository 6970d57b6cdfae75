import { describe, expect, it } from "vitest";
import type { TagDemarcheContext, TagDossierData } from "../tags";
import {
  attestationKindForState,
  attestationTemplateProblems,
  checkAttestationTemplateInput,
  defaultAttestationTemplate,
  mentionsAttestationLink,
  renderAttestationTemplate,
  sanitizeAttestationText,
} from "./attestations";

const DEMARCHE: TagDemarcheContext = {
  forIndividual: true,
  routingEnabled: false,
  fields: [
    {
      stableId: 1,
      type: "text",
      libelle: "Nom de l'association",
      description: null,
      mandatory: true,
      private: false,
      options: {},
      condition: null,
      parentStableId: null,
    },
  ],
};

const DATA = {
  number: 42,
  state: "accepte",
  deposeAt: new Date("2026-03-14T10:00:00Z"),
  enInstructionAt: new Date("2026-03-20T10:00:00Z"),
  processedAt: new Date("2026-04-01T10:00:00Z"),
  updatedAt: new Date("2026-04-01T10:00:00Z"),
  motivation: "Dossier complet",
  demarche: { libelle: "Subvention 2026", serviceName: null },
  individual: { civilite: "Mme", nom: "Dupont <b>", prenom: "Camille" },
  entreprise: null,
  groupeInstructeur: null,
  links: { dossier: "https://guichet.test/dossiers/42", attestation: null },
  champs: new Map([["1", "US Brive"]]),
} as unknown as TagDossierData;

const input = (overrides: Record<string, unknown> = {}) => ({
  title: "Attestation n° --numéro du dossier--",
  body: "Madame --nom-- : --Nom de l'association-- est acceptée.\n\n--motivation--",
  footer: "Mairie de Brive",
  ...overrides,
});

describe("checkAttestationTemplateInput", () => {
  it("accepts known tags available in an acceptance attestation", () => {
    expect(checkAttestationTemplateInput(input(), DEMARCHE, "acceptation")).toEqual({ ok: true, value: input() });
  });

  it("names an unknown tag and a mail-only tag (unavailable) in the field where they are", () => {
    const result = checkAttestationTemplateInput(
      input({ title: "Titre --tag inconnu--", body: "Voir --lien attestation--" }),
      DEMARCHE,
      "acceptation",
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        { code: "tag_unknown", field: "title", params: { tag: "--tag inconnu--" } },
        { code: "tag_unavailable", field: "body", params: { tag: "--lien attestation--" } },
      ],
    });
  });

  it("requires title and body, bounds the footer to 190 characters", () => {
    const result = checkAttestationTemplateInput({ title: "  ", body: 12, footer: "x".repeat(191) }, DEMARCHE, "refus");
    expect(result.ok ? [] : result.refusals.map((r) => [r.code, r.field])).toEqual([
      ["title_required", "title"],
      ["body_required", "body"],
      ["footer_too_long", "footer"],
    ]);
  });

  it("removes markup and scripts, keeps the text and line breaks", () => {
    expect(sanitizeAttestationText("<p>Bonjour <b>Camille</b></p><script>alert(1)</script>\r\nSuite & fin")).toBe(
      "Bonjour Camille\nSuite & fin",
    );
    const result = checkAttestationTemplateInput(input({ title: "<img src=x onerror=alert(1)>Titre" }), DEMARCHE, "acceptation");
    expect(result.ok && result.value.title).toBe("Titre");
  });
});

describe("rendering", () => {
  it("replaces the tags with the dossier's values, as plain text", () => {
    const rendered = renderAttestationTemplate(input(), DEMARCHE, "acceptation", DATA, "fr");
    expect(rendered.title).toBe("Attestation n° 42");
    expect(rendered.body).toBe("Madame Dupont <b> : US Brive est acceptée.\n\nDossier complet");
  });

  it("offers default texts whose tags are valid", () => {
    for (const kind of ["acceptation", "refus"] as const) {
      const template = defaultAttestationTemplate(kind, "fr");
      expect(attestationTemplateProblems(template, DEMARCHE, kind)).toEqual([]);
      expect(renderAttestationTemplate(template, DEMARCHE, kind, DATA, "fr").title).toContain("42");
    }
  });

  it("knows which decision has which attestation, and spots the link tag in an e-mail", () => {
    expect([
      attestationKindForState("accepte"),
      attestationKindForState("refuse"),
      attestationKindForState("sans_suite"),
    ]).toEqual(["acceptation", "refus", null]);
    expect(mentionsAttestationLink("Téléchargez-la : --lien  attestation--")).toBe(true);
    expect(mentionsAttestationLink("--lien dossier--")).toBe(false);
  });
});
