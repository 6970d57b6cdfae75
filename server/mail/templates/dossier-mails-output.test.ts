import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../common/i18n";
import { MAIL_TEMPLATES } from "../templates";

// The rendered dossier e-mails, recorded before they became one table-driven definition: any change
// of subject, text or HTML shows here.
const NAMES = [
  "dossier_depose",
  "dossier_passe_en_instruction",
  "dossier_accepte",
  "dossier_refuse",
  "dossier_classe_sans_suite",
  "dossier_repasse_en_instruction",
] as const;

describe("dossier e-mails, rendered", () => {
  for (const name of NAMES) {
    for (const locale of LOCALES) {
      for (const motivation of [null, "Pièce manquante : justificatif de domicile."]) {
        it(`${name} in ${locale}, ${motivation ? "with" : "without"} a motivation`, () => {
          const template = MAIL_TEMPLATES[name];
          const params = template.params.parse({
            dossierNumber: 4217,
            demarcheLibelle: "Subvention aux associations",
            motivation,
          });
          expect(template.render(params, { locale, appUrl: "https://guichet.example.fr" })).toMatchSnapshot();
        });
      }
    }
  }
});
