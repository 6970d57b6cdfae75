/** Who filed the dossier and when it changed state, at the top of the instructeur's dossier page. */
import type { DossierState } from "../../../server/domain/dossier/states";
import { EtablissementCard, type EtablissementView } from "../../components/etablissement-card";
import { useT } from "../../lib/i18n";
import { useDemandeurName } from "./ui";

export interface DossierSummaryData {
  state: DossierState;
  civilite: "M." | "Mme" | null;
  nom: string | null;
  prenom: string | null;
  usagerEmail: string | null;
  /** Filed by a mandataire for the person above (the reference's `for_tiers`). */
  forTiers?: boolean;
  mandataireFirstName?: string | null;
  mandataireLastName?: string | null;
  beneficiaireEmail?: string | null;
  motivation: string | null;
  deposeAt: string | null;
  enConstructionAt: string | null;
  enInstructionAt: string | null;
  processedAt: string | null;
  updatedAt: string | null;
}

/** `etablissement`: a personne morale's SIRET and what API Entreprise said of it (null for particuliers). */
export function DossierSummary({
  dossier,
  etablissement,
}: {
  dossier: DossierSummaryData;
  etablissement: EtablissementView | null;
}) {
  const t = useT();
  const identity = useDemandeurName()(dossier);
  return (
    <>
      <section aria-labelledby="identite" className="fr-mb-4w">
        <h2 id="identite">{t("instructeur.dossier.identity")}</h2>
        <p className="fr-mb-1v">
          <span className="fr-text--bold">{identity || t("instructeur.notFilled")}</span>
        </p>
        <p>
          {dossier.usagerEmail ? <a href={`mailto:${dossier.usagerEmail}`}>{dossier.usagerEmail}</a> : t("instructeur.notFilled")}
        </p>
        {dossier.forTiers ? (
          <p>
            {t("entreprise.mandataire.shown", {
              prenom: dossier.mandataireFirstName ?? "",
              nom: dossier.mandataireLastName ?? "",
            })}
            {dossier.beneficiaireEmail ? (
              <>
                <br />
                {t("entreprise.mandataire.shownEmail", { email: dossier.beneficiaireEmail })}
              </>
            ) : null}
          </p>
        ) : null}
        {etablissement ? <EtablissementCard etablissement={etablissement} headingLevel={3} /> : null}
      </section>

      <section aria-labelledby="dates" className="fr-mb-4w">
        <h2 id="dates">{t("instructeur.dossier.dates")}</h2>
        <ul>
          {(
            [
              ["deposeAt", dossier.deposeAt],
              ["enConstructionAt", dossier.state === "en_construction" ? dossier.enConstructionAt : null],
              [
                "enInstructionAt",
                dossier.state === "brouillon" || dossier.state === "en_construction" ? null : dossier.enInstructionAt,
              ],
              ["processedAt", dossier.processedAt],
              ["updatedAt", dossier.updatedAt],
            ] as const
          )
            .filter(([, value]) => value)
            .map(([key, value]) => (
              <li key={key}>
                {t(`instructeur.dossier.${key}`)} {value}
              </li>
            ))}
        </ul>
        {dossier.motivation ? (
          <>
            <h3 className="fr-h6 fr-mb-1v">{t("instructeur.dossier.motivation")}</h3>
            <blockquote className="guichet-multiline fr-mb-0">{dossier.motivation}</blockquote>
          </>
        ) : null}
      </section>
    </>
  );
}
