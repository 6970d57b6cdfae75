import { describe, expect, it } from "vitest";
import {
  availableTags,
  demarcheTags,
  FIXED_TAGS,
  formatTagDate,
  type MAIL_TEMPLATE_KINDS,
  parseTags,
  renderTemplateTags,
  type TagDemarcheContext,
  type TagDossierData,
  tagText,
  validateTemplateTags,
} from ".";

type Field = TagDemarcheContext["fields"][number];

function field(stableId: number, overrides: Partial<Field> = {}): Field {
  return {
    stableId,
    type: "text",
    libelle: `Champ ${stableId}`,
    description: null,
    mandatory: true,
    private: false,
    options: {},
    condition: null,
    parentStableId: null,
    ...overrides,
  };
}

const DEMARCHE: TagDemarcheContext = {
  forIndividual: true,
  routingEnabled: false,
  fields: [
    field(1, { libelle: "Nom de l'association" }),
    field(2, { libelle: "Section", type: "header_section" }),
    field(3, { libelle: "Justificatif", type: "piece_justificative" }),
    field(4, { libelle: "Membres", type: "repetition" }),
    field(5, { libelle: "Prénom du membre", parentStableId: 4 }),
    field(6, { libelle: "Âge", type: "integer_number", parentStableId: 4 }),
    field(7, { libelle: "Catégorie", type: "linked_drop_down_list", options: {} }),
    field(8, { libelle: "Avis  du -- service", private: true, type: "textarea" }),
  ],
};

function data(overrides: Partial<TagDossierData> = {}): TagDossierData {
  return {
    number: 42,
    state: "en_construction",
    deposeAt: new Date("2026-03-14T23:30:00Z"),
    enInstructionAt: new Date("2026-03-20T10:00:00Z"),
    processedAt: new Date("2026-04-01T10:00:00Z"),
    updatedAt: new Date("2026-04-01T10:00:00Z"),
    motivation: "Dossier complet",
    demarche: { libelle: "Subvention 2026", serviceName: "Mairie de Lyon" },
    individual: { civilite: "Mme", nom: "Dupont", prenom: "Camille" },
    entreprise: null,
    groupeInstructeur: null,
    links: { dossier: "https://guichet.test/dossiers/42", attestation: null },
    champs: new Map<string, never>(),
    ...overrides,
  } as TagDossierData;
}

describe("parseTags", () => {
  it("finds each --libellé--, normalising whitespace, and ignores lone dashes", () => {
    const found = parseTags("Bonjour --prénom--  --nom--, n° --numéro  du\tdossier--. a - b -- c\n--x\n--");
    expect(found.map((t) => t.libelle)).toEqual(["prénom", "nom", "numéro du dossier"]);
    expect(found[0]).toMatchObject({ raw: "--prénom--", index: 8 });
  });

  it("writes a field's -- as __ in its tag", () => {
    expect(tagText("Avis  du -- service")).toBe("--Avis du __ service--");
  });
});

describe("availability", () => {
  const libelles = (kind: (typeof MAIL_TEMPLATE_KINDS)[number]) => availableTags(DEMARCHE, kind).map((t) => t.libelle);

  it("offers dossier, identity, démarche and public field tags in the accusé de réception, not decision ones", () => {
    const tags = libelles("initiated");
    expect(tags).toEqual(
      expect.arrayContaining([
        "numéro du dossier",
        "date de dépôt",
        "lien dossier",
        "civilité",
        "nom",
        "prénom",
        "libellé démarche",
      ]),
    );
    expect(tags).toEqual(expect.arrayContaining(["Nom de l'association", "Membres", "Catégorie", "Catégorie/primaire"]));
    for (const missing of [
      "motivation",
      "date de décision",
      "lien attestation",
      "date de passage en instruction",
      "Avis du __ service",
    ]) {
      expect(tags).not.toContain(missing);
    }
  });

  it("gives no tag to layout, files nor repetition children", () => {
    const all = demarcheTags(DEMARCHE).map((t) => t.libelle);
    for (const none of ["Section", "Justificatif", "Prénom du membre", "Âge"]) expect(all).not.toContain(none);
  });

  it("offers annotations once instruction began, motivation and decision date in decisions only", () => {
    expect(libelles("received")).toContain("Avis du __ service");
    expect(libelles("received")).not.toContain("motivation");
    expect(libelles("closed")).toEqual(expect.arrayContaining(["motivation", "date de décision", "lien attestation"]));
    expect(libelles("without_continuation")).not.toContain("lien attestation");
    expect(libelles("without_continuation")).toContain("lien document justificatif");
  });

  it("keeps mail-only tags out of attestations", () => {
    const tags = availableTags(DEMARCHE, "attestation_acceptation").map((t) => t.libelle);
    expect(tags).toContain("motivation");
    expect(tags).not.toContain("lien dossier");
    expect(tags).not.toContain("lien attestation");
  });

  it("has entreprise tags for personnes morales, groupe instructeur with routing, SVA/SVR date for those démarches", () => {
    const morale = availableTags({ ...DEMARCHE, forIndividual: false, routingEnabled: true, svaSvr: true }, "initiated").map(
      (t) => t.libelle,
    );
    expect(morale).toEqual(
      expect.arrayContaining(["SIREN", "raison sociale", "groupe instructeur", "date prévisionnelle SVA/SVR"]),
    );
    expect(morale).not.toContain("civilité");
    expect(libelles("initiated")).not.toContain("SIREN");
    expect(libelles("initiated")).not.toContain("groupe instructeur");
  });

  it("lets a fixed tag win over a field of the same libellé, and the registry be extended", () => {
    const tags = availableTags({ ...DEMARCHE, fields: [field(9, { libelle: "nom" })] }, "initiated");
    expect(tags.filter((t) => t.libelle === "nom").map((t) => t.id)).toEqual(["individual_nom"]);
    expect(new Set(FIXED_TAGS.map((t) => t.id)).size).toBe(FIXED_TAGS.length);
    expect(new Set(FIXED_TAGS.map((t) => t.libelle)).size).toBe(FIXED_TAGS.length);
  });
});

describe("validateTemplateTags", () => {
  it("names unknown and unavailable tags precisely, once each", () => {
    const text = "--numéro du dossier-- --tag inconnu-- --motivation-- --Avis du __ service-- --tag inconnu--";
    expect(validateTemplateTags(text, DEMARCHE, "initiated")).toEqual([
      { code: "tag_unknown", tag: "tag inconnu" },
      { code: "tag_unavailable", tag: "motivation" },
      { code: "tag_unavailable", tag: "Avis du __ service" },
    ]);
    expect(validateTemplateTags("--motivation-- --Avis du __ service-- --tdc1--", DEMARCHE, "refused")).toEqual([]);
  });
});

describe("renderTemplateTags", () => {
  const champs = new Map<string, unknown>([
    ["1", "Les <Amis> & co"],
    ["4", ["r1", "r2"]],
    ["5|r1", "Léa"],
    ["6|r1", "31"],
    ["5|r2", "Jo"],
    ["7", { primary: "Sport", secondary: "Football" }],
    ["8", "Très bien\nà valider"],
  ]);

  it("substitutes values and escapes them in HTML, line breaks as <br>", () => {
    const html = renderTemplateTags(
      "<p>Dossier n° --numéro du dossier-- de --prénom-- --nom-- : --Nom de l'association--, déposé le --date de dépôt--</p>",
      DEMARCHE,
      "initiated",
      data({ champs: champs as TagDossierData["champs"] }),
      { locale: "fr", format: "html" },
    );
    expect(html).toBe("<p>Dossier n° 42 de Camille Dupont : Les &lt;Amis&gt; &amp; co, déposé le 15/03/2026</p>");
    const annotation = renderTemplateTags(
      "--Avis du __ service--",
      DEMARCHE,
      "closed",
      data({ champs: champs as TagDossierData["champs"] }),
      {
        locale: "fr",
        format: "html",
      },
    );
    expect(annotation).toBe("Très bien<br>à valider");
  });

  it("leaves values as they are in text, renders repetitions row by row and sub-tags", () => {
    const d = data({ champs: champs as TagDossierData["champs"] });
    const text = renderTemplateTags("--Nom de l'association--|--Catégorie/secondaire--|--Membres--", DEMARCHE, "initiated", d, {
      locale: "fr",
      format: "text",
    });
    expect(text).toBe("Les <Amis> & co|Football|Prénom du membre : Léa\nÂge : 31\n\nPrénom du membre : Jo\nÂge : ");
  });

  it("keeps unavailable and unknown tags as written, and never lets a value inject markup", () => {
    const d = data({ motivation: "<script>alert(1)</script>", champs: new Map() });
    expect(renderTemplateTags("--motivation-- --inconnu--", DEMARCHE, "initiated", d, { locale: "fr", format: "html" })).toBe(
      "--motivation-- --inconnu--",
    );
    expect(renderTemplateTags("--motivation--", DEMARCHE, "refused", d, { locale: "fr", format: "html" })).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt;",
    );
  });

  it("formats dates in Paris time and empty values as nothing", () => {
    expect(formatTagDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(formatTagDate(null)).toBe("");
    expect(
      renderTemplateTags("[--Nom de l'association--]", DEMARCHE, "initiated", data(), { locale: "en", format: "text" }),
    ).toBe("[]");
  });
});
