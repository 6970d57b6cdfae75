import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../common/i18n";
import { MAIL_TEMPLATES } from "../templates";

const DOSSIER_TEMPLATES = [
  "dossier_depose",
  "dossier_passe_en_instruction",
  "dossier_accepte",
  "dossier_refuse",
  "dossier_classe_sans_suite",
  "dossier_repasse_en_instruction",
] as const;
const WITH_MOTIVATION = new Set(["dossier_accepte", "dossier_refuse", "dossier_classe_sans_suite"]);
const appUrl = "https://guichet.example.fr";

function render(name: (typeof DOSSIER_TEMPLATES)[number], locale: (typeof LOCALES)[number], raw: Record<string, unknown>) {
  const template = MAIL_TEMPLATES[name];
  // The job parses the enqueued params with the template's schema, then renders: do the same.
  return template.render(template.params.parse(raw) as never, { locale, appUrl });
}

describe("dossier e-mails", () => {
  for (const name of DOSSIER_TEMPLATES) {
    for (const locale of LOCALES) {
      it(`${name} renders in ${locale} with the number, the démarche and the link to the dossier`, () => {
        const mail = render(name, locale, {
          dossierNumber: 4217,
          demarcheLibelle: "Subvention  aux\nassociations",
          motivation: null,
        });
        expect(mail.subject).toContain("4217");
        expect(mail.subject).toContain("Subvention aux associations");
        expect(mail.subject).not.toMatch(/\n/);
        expect(mail.text).toContain("4217");
        expect(mail.text).toContain(`${appUrl}/dossiers/4217`);
        expect(mail.html).toContain(`href="${appUrl}/dossiers/4217"`);
        expect(mail.text).not.toMatch(/\{\w+\}/);
        expect(mail.subject).not.toMatch(/\{\w+\}|mail\.dossier/);
      });
    }
  }

  it("writes French in fr and English in en", () => {
    const params = { dossierNumber: 7, demarcheLibelle: "Permis", motivation: null };
    expect(render("dossier_depose", "fr", params).subject).toMatch(/Votre dossier n° 7 a bien été déposé/);
    expect(render("dossier_depose", "en", params).subject).toMatch(/Your file no\. 7 has been submitted/);
    expect(render("dossier_refuse", "fr", params).subject).toMatch(/refusé/);
    expect(render("dossier_refuse", "en", params).subject).toMatch(/refused/);
  });

  for (const name of WITH_MOTIVATION) {
    it(`${name} quotes the motivation, escaped in the HTML version`, () => {
      const motivation = `<script>alert("x")</script> & <b>gras</b>\nDeuxième ligne`;
      const mail = render(name as (typeof DOSSIER_TEMPLATES)[number], "fr", {
        dossierNumber: 12,
        demarcheLibelle: "D",
        motivation,
      });
      expect(mail.text).toContain(`> <script>alert("x")</script> & <b>gras</b>\n> Deuxième ligne`);
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("<b>gras");
      expect(mail.html).toContain(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;<br>Deuxième ligne",
      );
      expect(mail.html).toContain("<blockquote");
    });
  }

  it("leaves the motivation out when there is none, or for e-mails that do not carry one", () => {
    expect(render("dossier_accepte", "fr", { dossierNumber: 1, demarcheLibelle: "D", motivation: "   " }).html).not.toContain(
      "<blockquote",
    );
    expect(render("dossier_accepte", "fr", { dossierNumber: 1, demarcheLibelle: "D" }).text).not.toContain("Motif");
    expect(
      render("dossier_passe_en_instruction", "fr", { dossierNumber: 1, demarcheLibelle: "D", motivation: "secret" }).text,
    ).not.toContain("secret");
  });

  it("links a decision to its attestation when the démarche activated one, and only then", () => {
    for (const name of ["dossier_accepte", "dossier_refuse"] as const) {
      for (const locale of LOCALES) {
        const mail = render(name, locale, { dossierNumber: 7, demarcheLibelle: "D", attestation: true });
        expect(mail.text).toContain(`${appUrl}/dossiers/7/attestation`);
        expect(mail.html).toContain(`href="${appUrl}/dossiers/7/attestation"`);
      }
      expect(render(name, "fr", { dossierNumber: 7, demarcheLibelle: "D" }).text).not.toContain("/attestation");
    }
    expect(
      render("dossier_classe_sans_suite", "fr", { dossierNumber: 7, demarcheLibelle: "D", attestation: true }).text,
    ).not.toContain("/attestation");
  });

  it("escapes the démarche title in the HTML version", () => {
    const mail = render("dossier_depose", "fr", {
      dossierNumber: 3,
      demarcheLibelle: `<img src=x onerror="alert(1)">`,
      motivation: null,
    });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("refuses parameters without a dossier number", () => {
    expect(MAIL_TEMPLATES.dossier_accepte.params.safeParse({ demarcheLibelle: "D" }).success).toBe(false);
  });
});
