import { describe, expect, it } from "vitest";
import { ZMailLogo } from "./layout";
import { type MailTemplateName, renderMail } from "./templates";

const appUrl = "https://guichet.example.fr";
const logo = { path: "/demarches/12/logo?v=ab12", demarche: "Permis & co" };
const IMG = `<img src="${appUrl}/demarches/12/logo?v=ab12"`;

/** The démarche's e-mails, each with valid parameters: default and customised state e-mails, avis, messagerie, lifecycle. */
const DEMARCHE_MAILS: Array<[MailTemplateName, Record<string, unknown>]> = [
  ["dossier_accepte", { dossierNumber: 5, demarcheLibelle: "Permis & co" }],
  ["dossier_depose", { dossierNumber: 5, demarcheLibelle: "Permis & co" }],
  [
    "dossier_personnalise",
    { dossierNumber: 5, subject: "Votre dossier", html: "<p>Bonjour, votre dossier n° 5 est accepté.</p>", text: "Bonjour" },
  ],
  [
    "avis_request",
    {
      kind: "demande",
      avisId: 3,
      dossierNumber: 5,
      demarcheLibelle: "Permis & co",
      claimantEmail: "instructeur@exemple.fr",
      expertEmail: "expert@exemple.fr",
      invitationToken: null,
    },
  ],
  ["avis_answered", { demarcheId: 12, dossierNumber: 5, demarcheLibelle: "Permis & co", expertEmail: "expert@exemple.fr" }],
  ["avis_decision", { decision: "accepte", dossierNumber: 5, demarcheLibelle: "Permis & co" }],
  ["nouveau_message", { dossierNumber: 5, demarcheLibelle: "Permis & co" }],
  ["dossier_groupe_change", { dossierNumber: 5, demarcheLibelle: "Permis & co", groupeLabel: "Nord" }],
  ["brouillon_reminder", { dossierId: 5, demarcheLibelle: "Permis & co", closingOn: "2030-01-31" }],
  ["demarche_closed", { demarcheLibelle: "Permis & co", closingDetails: null, replacementLibelle: null, replacementPath: null }],
  [
    "dossier_invite",
    { dossierNumber: 5, demarcheLibelle: "Permis & co", inviterEmail: "a@exemple.fr", message: null, hasAccount: true },
  ],
];

describe("the shared layout of a démarche's e-mails", () => {
  it.each(DEMARCHE_MAILS)("%s carries the démarche's logo (HTML only) when given, nothing otherwise", (name, params) => {
    for (const [locale, alt] of [
      ["fr", 'alt="Logo de la démarche « Permis &amp; co »"'],
      ["en", 'alt="Logo of the procedure “Permis &amp; co”"'],
    ] as const) {
      const mail = renderMail(name, params, { locale, appUrl, logo });
      expect(mail.html).toContain(`${IMG} ${alt}`);
      // Right after the body's opening: above the message.
      expect(mail.html).toMatch(/<body[^>]*><p><img /);
      expect(mail.text).not.toContain("/logo");
    }
    expect(renderMail(name, params, { locale: "fr", appUrl }).html).not.toContain("/logo");
  });

  it("a customised template (the administrateur's HTML) gets the logo above it, the template unchanged", () => {
    const html = "<p>Bonjour <strong>Camille</strong>, votre dossier n° 5 est accepté.</p>";
    const mail = renderMail(
      "dossier_personnalise",
      { dossierNumber: 5, subject: "S", html, text: "T" },
      { locale: "fr", appUrl, logo },
    );
    expect(mail.html).toContain(`${IMG} alt="Logo de la démarche « Permis &amp; co »"`);
    expect(mail.html.indexOf(IMG)).toBeLessThan(mail.html.indexOf(html));
  });

  it("accepts only the démarche logo's own path", () => {
    expect(ZMailLogo.safeParse(logo).success).toBe(true);
    for (const path of ["https://evil.example/x.png", '/demarches/12/logo"><script>', "//evil.example/logo"]) {
      expect(ZMailLogo.safeParse({ path, demarche: "P" }).success).toBe(false);
    }
  });
});
