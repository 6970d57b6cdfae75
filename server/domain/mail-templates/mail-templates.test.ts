import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATE_KINDS, type TagDemarcheContext, type TagDossierData, validateTemplateTags } from "../tags";
import { checkMailTemplateInput, defaultMailTemplate, renderMailTemplate, sanitizeMailBody } from "./mail-templates";

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

const DATA: TagDossierData = {
  number: 7,
  state: "en_construction",
  deposeAt: new Date("2026-05-02T08:00:00Z"),
  enInstructionAt: null,
  processedAt: null,
  updatedAt: null,
  motivation: null,
  demarche: { libelle: "Subvention <2026>", serviceName: null },
  individual: { civilite: "M.", nom: "O'Brien", prenom: "Jean" },
  entreprise: null,
  groupeInstructeur: null,
  links: { dossier: "https://guichet.test/dossiers/7" },
  champs: new Map([["1", "Amis & <voisins>"]]),
};

describe("default templates", () => {
  it("are valid for their template in both languages and say what the built-in e-mails say", () => {
    for (const kind of MAIL_TEMPLATE_KINDS) {
      for (const locale of ["fr", "en"] as const) {
        const { subject, body } = defaultMailTemplate(kind, locale);
        expect(validateTemplateTags(`${subject}\n${body}`, DEMARCHE, kind)).toEqual([]);
        expect(subject).toContain("--numéro du dossier--");
        expect(body).toContain("--lien dossier--");
      }
    }
    expect(defaultMailTemplate("initiated", "fr").subject).toBe(
      "Votre dossier n° --numéro du dossier-- a bien été déposé (--libellé démarche--)",
    );
    expect(defaultMailTemplate("refused", "fr").body).toContain("Motif du refus :\n--motivation--");
  });
});

describe("checkMailTemplateInput", () => {
  it("names each bad tag with its field", () => {
    const result = checkMailTemplateInput(
      { subject: "Dossier --numéro du dossier-- --motivation--", body: "Bonjour --tag inconnu--" },
      DEMARCHE,
      "initiated",
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        { code: "tag_unavailable", field: "subject", params: { tag: "--motivation--" } },
        { code: "tag_unknown", field: "body", params: { tag: "--tag inconnu--" } },
      ],
    });
  });

  it("requires a subject and a body, and strips scripts from HTML", () => {
    const empty = checkMailTemplateInput({ subject: " ", body: "<p> </p>" }, DEMARCHE, "initiated");
    expect(empty.ok ? [] : empty.refusals.map((r) => r.code)).toEqual(["subject_required", "body_required"]);
    expect(sanitizeMailBody('<p onclick="x()">Bonjour<script>alert(1)</script> <a href="javascript:x">lien</a></p>')).toBe(
      "<p>Bonjour <a>lien</a></p>",
    );
    const ok = checkMailTemplateInput({ subject: "Objet\nsur deux lignes", body: "Texte l'été & co" }, DEMARCHE, "initiated");
    expect(ok).toEqual({ ok: true, value: { subject: "Objet sur deux lignes", body: "Texte l'été & co" } });
  });
});

describe("renderMailTemplate", () => {
  it("escapes values in the HTML, keeps them as they are in the text, and turns plain text into paragraphs", () => {
    const rendered = renderMailTemplate(
      {
        subject: "N° --numéro du dossier-- – --libellé démarche--",
        body: "Bonjour --prénom-- --nom--,\n\nVotre association « --Nom de l'association-- » & vous.\n--lien dossier--",
      },
      DEMARCHE,
      "initiated",
      DATA,
      "fr",
    );
    expect(rendered.subject).toBe("N° 7 – Subvention <2026>");
    expect(rendered.html).toBe(
      "<p>Bonjour Jean O&#39;Brien,</p>\n<p>Votre association « Amis &amp; &lt;voisins&gt; » &amp; vous.<br>https://guichet.test/dossiers/7</p>",
    );
    expect(rendered.text).toBe(
      "Bonjour Jean O'Brien,\n\nVotre association « Amis & <voisins> » & vous.\nhttps://guichet.test/dossiers/7",
    );
  });

  it("renders sanitized HTML bodies, tags in links included, and falls back to the default subject", () => {
    const rendered = renderMailTemplate(
      { subject: "--Nom de l'association--", body: '<p>Voir <a href="--lien dossier--">le dossier</a><script>x</script></p>' },
      DEMARCHE,
      "initiated",
      { ...DATA, champs: new Map() },
      "fr",
    );
    expect(rendered.subject).toBe("Votre dossier n° 7 a bien été déposé (Subvention <2026>)");
    expect(rendered.html).toBe('<p>Voir <a href="https://guichet.test/dossiers/7">le dossier</a></p>');
    expect(rendered.text).toBe("Voir le dossier");
  });
});
