/**
 * The service card shown to usagers (on /commencer and every dossier page): who runs the démarche
 * and how to reach them. Routes that show it declare the `presentation` namespace.
 */
import { useT } from "../../lib/i18n";

export interface ServiceCardData {
  nom: string;
  organisme: string;
  email: string;
  telephone: string;
  horaires: string;
  adresse: string;
}

export function ServiceCard({ service, headingLevel = 2 }: { service: ServiceCardData; headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="fr-card fr-card--no-arrow fr-mb-4w" aria-labelledby="service-card-title">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <Heading className="fr-card__title fr-h6" id="service-card-title">
            {t("presentation.card.title")}
          </Heading>
          <div className="fr-card__desc">
            <p className="fr-mb-1w">
              <strong>{service.nom}</strong>
              <br />
              {service.organisme}
            </p>
            <dl className="fr-text--sm">
              <dt className="fr-text--bold">{t("presentation.card.email")}</dt>
              <dd className="fr-ml-0 fr-mb-1w">
                <a href={`mailto:${service.email}`}>{service.email}</a>
              </dd>
              <dt className="fr-text--bold">{t("presentation.card.telephone")}</dt>
              <dd className="fr-ml-0 fr-mb-1w">
                <a href={`tel:${service.telephone.replace(/[^+0-9]/g, "")}`}>{service.telephone}</a>
              </dd>
              <dt className="fr-text--bold">{t("presentation.card.horaires")}</dt>
              <dd className="fr-ml-0 fr-mb-1w" style={{ whiteSpace: "pre-line" }}>
                {service.horaires}
              </dd>
              <dt className="fr-text--bold">{t("presentation.card.adresse")}</dt>
              <dd className="fr-ml-0 fr-mb-0" style={{ whiteSpace: "pre-line" }}>
                {service.adresse}
              </dd>
            </dl>
          </div>
        </div>
      </div>
    </section>
  );
}
