/** What API Entreprise said about an établissement (usager's confirmation, instructeur's dossier page). */
import type { EtablissementData } from "../../server/domain/entreprises/etablissement";
import { formatSiret } from "../../common/siret";
import { useT } from "../lib/i18n";

export interface EtablissementView {
  siret: string;
  data: EtablissementData | null;
  degraded: boolean;
  notFound: boolean;
}

export function EtablissementCard({
  etablissement,
  headingLevel = 2,
}: {
  etablissement: EtablissementView;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const d = etablissement.data;
  const unknown = t("entreprise.card.unknown");
  const rows: [string, string][] = d
    ? [
        [t("entreprise.card.siret"), formatSiret(d.siret)],
        [t("entreprise.card.raisonSociale"), d.entreprise.raisonSociale || unknown],
        ...(d.enseigne ? ([[t("entreprise.card.enseigne"), d.enseigne]] as [string, string][]) : []),
        [t("entreprise.card.siren"), d.entreprise.siren],
        [t("entreprise.card.formeJuridique"), d.entreprise.formeJuridique ?? unknown],
        [t("entreprise.card.naf"), d.naf ? `${d.naf} – ${d.libelleNaf}` : unknown],
        [t("entreprise.card.adresse"), d.address.label || unknown],
        [
          t("entreprise.card.siege"),
          d.siegeSocial
            ? t("entreprise.card.siegeYes")
            : t("entreprise.card.siegeNo", { siret: formatSiret(d.entreprise.siretSiegeSocial) }),
        ],
        ...(!d.siegeSocial && d.entreprise.siegeAddress
          ? ([[t("entreprise.card.siegeAdresse"), d.entreprise.siegeAddress]] as [string, string][])
          : []),
        [t("entreprise.card.effectif"), d.entreprise.effectifIntitule ?? unknown],
        [t("entreprise.card.tva"), d.entreprise.numeroTvaIntracommunautaire ?? unknown],
        [t("entreprise.card.dateCreation"), d.entreprise.dateCreation ?? unknown],
      ]
    : [[t("entreprise.card.siret"), formatSiret(etablissement.siret)]];
  const association = d?.association;
  return (
    <section className="fr-mb-4w" aria-labelledby="etablissement-title" id="etablissement">
      <Heading id="etablissement-title" className="fr-h4">
        {t("entreprise.card.title")}{" "}
        {etablissement.degraded ? (
          <span className="fr-badge fr-badge--warning fr-badge--sm">{t("entreprise.card.degradedBadge")}</span>
        ) : null}
      </Heading>
      <dl className="fr-mb-2w">
        {rows.map(([label, value]) => (
          <div key={label} className="fr-mb-1w">
            <dt className="fr-text--bold fr-mb-0">{label}</dt>
            <dd className="fr-ml-0">{value}</dd>
          </div>
        ))}
      </dl>
      {association ? (
        <>
          <Heading className="fr-h6">{t("entreprise.card.association")}</Heading>
          <dl>
            {(
              [
                [t("entreprise.card.rna"), association.rna],
                [t("entreprise.card.raisonSociale"), association.titre],
                [t("entreprise.card.objet"), association.objet ?? unknown],
                [t("entreprise.card.dateDeclaration"), association.dateDeclaration ?? unknown],
              ] as [string, string][]
            ).map(([label, value]) => (
              <div key={label} className="fr-mb-1w">
                <dt className="fr-text--bold fr-mb-0">{label}</dt>
                <dd className="fr-ml-0">{value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
