import { describe, expect, it } from "vitest";
import { renderMail } from "../templates";

const ctx = (locale: "fr" | "en") => ({ locale, appUrl: "https://guichet.example" });

describe("instructeur e-mails", () => {
  it("render every template in French and English, with no translation key left", () => {
    const cases = [
      [
        "dossier_envoye_a_un_collegue",
        { senderEmail: "a@exemple.fr", dossierNumber: 12, demarcheId: 3, demarcheLibelle: "Aide", message: "Regarde" },
      ],
      ["instructeur_nouveau_dossier", { dossierNumber: 12, demarcheId: 3, demarcheLibelle: "Aide" }],
      ["instructeur_nouveau_message", { dossierNumber: 12, demarcheId: 3, demarcheLibelle: "Aide" }],
      ["instructeur_nouvel_avis", { dossierNumber: 12, demarcheId: 3, demarcheLibelle: "Aide" }],
      ["instructeur_recapitulatif_quotidien", { demarches: [{ id: 3, libelle: "Aide", counts: { depose: 2, decide: 1 } }] }],
      ["instructeur_recapitulatif_hebdomadaire", { demarches: [{ id: 3, libelle: "Aide", counts: { message: 1 } }] }],
    ] as const;
    for (const locale of ["fr", "en"] as const) {
      for (const [name, params] of cases) {
        const mail = renderMail(name, params, ctx(locale));
        expect(mail.subject).not.toMatch(/notifications\./);
        expect(mail.text).not.toMatch(/notifications\./);
        expect(mail.text).toContain("https://guichet.example/procedures/");
      }
    }
    const digest = renderMail("instructeur_recapitulatif_quotidien", cases[4][1], ctx("fr"));
    expect(digest.text).toContain("2 nouveaux dossiers déposés");
    expect(digest.text).toContain("1 dossier décidé");
    expect(digest.text).not.toContain("modifié");
    const colleague = renderMail("dossier_envoye_a_un_collegue", cases[0][1], ctx("en"));
    expect(colleague.subject).toBe("a@exemple.fr sent you file no. 12");
    expect(colleague.text).toContain("> Regarde");
  });
});
