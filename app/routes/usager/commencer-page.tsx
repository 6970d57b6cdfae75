/** The page of /commencer/:path and /commencer/test/:path (see commencer.server.ts). */
import { CsrfInput } from "../../components/csrf-input";
import { DossierStateBadge } from "../../components/usager/dossier-state-badge";
import { ServiceCard } from "../../components/usager/service-card";
import { useT } from "../../lib/i18n";
import type { CommencerData } from "./commencer.server";
import { commencerPath } from "./commencer-paths";
import { PrefillNotice } from "./prefill-notice";

function isHttpUrl(value: string) {
  return /^https?:\/\/\S+$/i.test(value);
}

function isEmail(value: string) {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function TextOrLink({ value }: { value: string }) {
  if (isHttpUrl(value)) {
    return (
      <a href={value} target="_blank" rel="noopener noreferrer">
        {value}
      </a>
    );
  }
  if (isEmail(value)) return <a href={`mailto:${value}`}>{value}</a>;
  return <span style={{ whiteSpace: "pre-line" }}>{value}</span>;
}

export function CommencerPage({ data }: { data: CommencerData }) {
  const t = useT();
  const here = commencerPath(data.path, data.test);
  const signInHref = `/users/sign_in?redirect_to=${encodeURIComponent(here)}`;
  const signUpHref = `/users/sign_up?redirect_to=${encodeURIComponent(here)}`;
  const brouillons = data.dossiers.filter((d) => d.state === "brouillon");
  return (
    <>
      <title>
        {t("usager.pageTitle", {
          title: data.open ? data.demarche.libelle : t(`usager.commencer.${data.closedReason ?? "closed"}.title`),
        })}
      </title>
      {data.test ? (
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <p className="fr-alert__title">{t("usager.commencer.test.banner")}</p>
          <p>{t("usager.commencer.test.bannerDetail")}</p>
        </div>
      ) : null}
      {data.demarche.logoUrl ? (
        <img
          src={data.demarche.logoUrl}
          alt={t("presentation.commencer.logoAlt")}
          className="fr-mb-2w"
          style={{ maxWidth: "200px", maxHeight: "200px" }}
          data-testid="demarche-logo"
        />
      ) : null}
      <h1>{data.demarche.libelle}</h1>

      {data.open ? null : (
        <div className="fr-alert fr-alert--info fr-mb-4w">
          <h2 className="fr-alert__title">{t(`usager.commencer.${data.closedReason ?? "closed"}.title`)}</h2>
          <p>{t(`usager.commencer.${data.closedReason ?? "closed"}.body`)}</p>
          {data.closingDetails ? (
            <>
              <h3 className="fr-h6 fr-mt-2w fr-mb-1v">{t("cycle.commencer.detailsTitle")}</h3>
              <p style={{ whiteSpace: "pre-line" }}>{data.closingDetails}</p>
            </>
          ) : null}
        </div>
      )}

      {data.open && data.estimatedMinutes !== null ? (
        <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-3w">
          <span className="fr-icon-time-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
          {t("usager.commencer.estimatedDuration", { minutes: data.estimatedMinutes })}
        </p>
      ) : null}

      <div
        className="fr-mb-4w"
        style={{ whiteSpace: "pre-line" }}
        // Sanitized on save and again by the loader (renderRichText): limited tags, no script.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized HTML
        dangerouslySetInnerHTML={{ __html: data.demarche.descriptionHtml }}
      />
      {data.demarche.targetAudienceHtml ? (
        <section className="fr-mb-4w" aria-labelledby="public-vise">
          <h2 id="public-vise" className="fr-h5">
            {t("presentation.commencer.targetAudience")}
          </h2>
          <div
            style={{ whiteSpace: "pre-line" }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized HTML
            dangerouslySetInnerHTML={{ __html: data.demarche.targetAudienceHtml }}
          />
        </section>
      ) : null}
      {data.demarche.piecesHtml ? (
        <section className="fr-mb-4w" aria-labelledby="pieces-a-fournir">
          <h2 id="pieces-a-fournir" className="fr-h5">
            {t("presentation.commencer.pieces")}
          </h2>
          <div
            style={{ whiteSpace: "pre-line" }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized HTML
            dangerouslySetInnerHTML={{ __html: data.demarche.piecesHtml }}
          />
        </section>
      ) : null}

      {data.prefill?.kind === "rate_limited" ? <PrefillNotice prefill={data.prefill} /> : null}

      {data.open ? (
        data.signedIn ? (
          <form method="post" action={here} className="fr-mb-4w">
            <CsrfInput />
            <button type="submit" className="fr-btn fr-btn--lg fr-icon-arrow-right-line fr-btn--icon-right">
              {data.dossiers.length > 0 ? t("usager.commencer.startNew") : t("usager.commencer.start")}
            </button>
          </form>
        ) : data.prefill?.kind === "dossier" ? (
          <PrefillNotice prefill={data.prefill} />
        ) : (
          <div className="fr-mb-4w">
            <p>{t("usager.commencer.anonymousExplanation")}</p>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <a className="fr-btn" href={signInHref}>
                  {t("usager.commencer.signInToStart")}
                </a>
              </li>
              <li>
                <a className="fr-btn fr-btn--secondary" href={signUpHref}>
                  {t("usager.commencer.signUpToStart")}
                </a>
              </li>
            </ul>
          </div>
        )
      ) : data.signedIn ? (
        <p>
          <a className="fr-link" href="/dossiers">
            {t("usager.commencer.myDossiersLink")}
          </a>
        </p>
      ) : null}

      {data.dossiers.length > 0 ? (
        <section className="fr-mb-4w" aria-labelledby="mes-dossiers-demarche">
          <h2 id="mes-dossiers-demarche">{t("usager.commencer.myDossiers")}</h2>
          <ul className="fr-raw-list">
            {[...brouillons, ...data.dossiers.filter((d) => d.state !== "brouillon")].map((dossier) => (
              <li key={dossier.id} className="fr-mb-2w">
                <a
                  className="fr-link"
                  href={dossier.state === "brouillon" ? `/dossiers/${dossier.id}/brouillon` : `/dossiers/${dossier.id}`}
                >
                  {t("usager.dossierNumber", { number: dossier.id })}
                  {" – "}
                  {dossier.state === "brouillon" ? t("usager.commencer.resume") : t("usager.commencer.view")}
                </a>{" "}
                <DossierStateBadge state={dossier.state} small />{" "}
                <span className="fr-text--sm fr-text-mention--grey">
                  {t("usager.commencer.updatedAt", { date: dossier.updatedAt })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.service ? <ServiceCard service={data.service} /> : null}

      <section aria-labelledby="informations-demarche">
        <h2 id="informations-demarche">{t("usager.commencer.presentation")}</h2>
        <dl>
          {data.demarche.lienNotice || data.demarche.noticeFile ? (
            <>
              <dt className="fr-text--bold">{t("presentation.commencer.notice")}</dt>
              {data.demarche.lienNotice ? (
                <dd className="fr-mb-2w fr-ml-0">
                  <TextOrLink value={data.demarche.lienNotice} />
                </dd>
              ) : null}
              {data.demarche.noticeFile ? (
                <dd className="fr-mb-2w fr-ml-0">
                  <a className="fr-link fr-link--download" href={data.demarche.noticeFile.url} download>
                    {t("presentation.commencer.noticeDownload")}
                    <span className="fr-link__detail">{`${data.demarche.noticeFile.filename} – ${data.demarche.noticeFile.size}`}</span>
                  </a>
                </dd>
              ) : null}
            </>
          ) : null}
          {data.demarche.cadreJuridique || data.demarche.deliberationFile ? (
            <>
              <dt className="fr-text--bold">{t("usager.commencer.cadreJuridique")}</dt>
              {data.demarche.cadreJuridique ? (
                <dd className="fr-mb-2w fr-ml-0">
                  <TextOrLink value={data.demarche.cadreJuridique} />
                </dd>
              ) : null}
              {data.demarche.deliberationFile ? (
                <dd className="fr-mb-2w fr-ml-0">
                  <a className="fr-link fr-link--download" href={data.demarche.deliberationFile.url} download>
                    {t("presentation.commencer.deliberation")}
                    <span className="fr-link__detail">{`${data.demarche.deliberationFile.filename} – ${data.demarche.deliberationFile.size}`}</span>
                  </a>
                </dd>
              ) : null}
            </>
          ) : null}
          {data.demarche.lienDpo ? (
            <>
              <dt className="fr-text--bold">{t("usager.commencer.dpo")}</dt>
              <dd className="fr-mb-2w fr-ml-0">
                <TextOrLink value={data.demarche.lienDpo} />
              </dd>
            </>
          ) : null}
          <dt className="fr-text--bold">{t("usager.commencer.dureeConservation")}</dt>
          <dd className="fr-mb-2w fr-ml-0">
            {t("usager.commencer.dureeConservationValue", { months: data.demarche.dureeConservation })}
          </dd>
        </dl>
      </section>
    </>
  );
}
