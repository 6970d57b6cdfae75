import { data } from "react-router";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { getDemarcheOverview } from "../../../server/queries/admin/demarches";
import { loadDemarcheAdministrateurs } from "../../../server/queries/admin/administrateurs";
import { countDemarcheLabels } from "../../../server/queries/admin/labels";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/procedure";
import { demarcheIdOf } from "./admin.server";
import { CHECKLIST_CODES } from "../../../server/domain/demarches/publication-checklist";
import { serviceOfDemarche } from "../../../server/lookups/own-service";
import { Breadcrumb, Notice, PageTitle, StateBadge, useDynamicT, useFormatDate, useFormatNumber } from "./ui/layout";

const NOTICES = ["created", "updated", "closed"] as const;
type NoticeKey = (typeof NOTICES)[number];
/** Notices of the lifecycle and clone pages (their strings are in the `cycle` namespace). */
const CYCLE_NOTICES = ["cloned", "restored"] as const;
type CycleNoticeKey = (typeof CYCLE_NOTICES)[number];

/** Nothing to post here; out of scope is still a 404 (never a 405 that would confirm the démarche exists). */
export const handle = {
  i18n: [
    "admin",
    "attestations",
    "avis",
    "champs",
    "conditions",
    "fichiers",
    "notifications",
    "equipe",
    "statistiques",
    "exports",
    "modeles",
    "webhooks",
    "cycle",
    "presentation",
    "entreprise",
  ],
};

export async function action({ context, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  await findAdministrableDemarche(services(context).db, admin.administrateurId, demarcheIdOf(params));
  throw data({ status: 405 }, { status: 405 });
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db, config } = services(context);
  const overview = await getDemarcheOverview(db, admin.administrateurId, demarcheIdOf(params));
  const notice = new URL(request.url).searchParams.get("notice");
  const { demarche } = overview;
  return {
    demarche: {
      id: demarche.id,
      libelle: demarche.libelle,
      state: demarche.state,
      path: demarche.path,
      createdAt: demarche.createdAt,
      publishedAt: demarche.publishedAt,
      closedAt: demarche.closedAt,
      allowExpertReview: overview.demarche.allowExpertReview,
      opendata: overview.demarche.opendata,
      autoArchiveOn: overview.demarche.autoArchiveOn,
      hiddenAt: overview.demarche.hiddenAt,
      audience: overview.demarche.forIndividual ? ("particuliers" as const) : ("personnes_morales" as const),
    },
    champsCount: overview.champsCount,
    annotationsCount: overview.annotationsCount,
    instructeursCount: overview.instructeursCount,
    dossiersCount: overview.dossiersCount,
    labelsCount: await countDemarcheLabels(db, demarche.id),
    administrateursCount: (await loadDemarcheAdministrateurs(db, admin.administrateurId, demarche.id)).administrateurs.length,
    testDossiersCount: overview.testDossiersCount,
    blockers: overview.blockers,
    service: await serviceOfDemarche(db, demarche.id).then((s) => s && { nom: s.nom, organisme: s.organisme }),
    draftChanged: overview.draftChanged,
    appUrl: config.appUrl,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as NoticeKey) : null,
    cycleNotice: (CYCLE_NOTICES as readonly string[]).includes(notice ?? "") ? (notice as CycleNoticeKey) : null,
  };
}

type Status = "done" | "todo" | "info";
const STATUS_BADGE: Record<Status, string> = { done: "fr-badge--success", todo: "fr-badge--warning", info: "fr-badge--info" };

function ChecklistItem({
  title,
  status,
  statusLabel,
  children,
  href,
  linkLabel,
}: {
  title: string;
  status: Status;
  statusLabel: string;
  children: React.ReactNode;
  href: string;
  linkLabel: string;
}) {
  return (
    <li className="fr-col-12 fr-col-md-6">
      <div className="fr-card fr-card--no-arrow">
        <div className="fr-card__body">
          <div className="fr-card__content">
            <h2 className="fr-card__title fr-h5">{title}</h2>
            <div className="fr-card__desc">{children}</div>
            <div className="fr-card__start">
              <p className={`fr-badge fr-badge--sm ${STATUS_BADGE[status]}`}>{statusLabel}</p>
            </div>
          </div>
          <div className="fr-card__footer">
            <a className="fr-btn fr-btn--secondary fr-btn--sm" href={href}>
              {linkLabel}
            </a>
          </div>
        </div>
      </div>
    </li>
  );
}

export default function Procedure({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const dt = useDynamicT();
  const { demarche, blockers, appUrl, notice } = loaderData;
  const serviceOk = !blockers.includes("service_missing") && !blockers.includes("service_siret_invalid");
  const websiteOk = !blockers.includes("lien_site_web_missing");
  /** The presentation's checklist (service, instructeur, website) the publication refuses without. */
  const missing = blockers.filter((b) => (CHECKLIST_CODES as readonly string[]).includes(b));
  const base = `/admin/procedures/${demarche.id}`;
  const formOk = !blockers.includes("no_champ") && !blockers.includes("champ_invalid") && !blockers.includes("condition_invalid");
  const instructeursOk = loaderData.instructeursCount > 0;
  const testUrl = `${appUrl}/commencer/test/${demarche.path ?? ""}`;
  const publicUrl = `${appUrl}/commencer/${demarche.path ?? ""}`;
  return (
    <>
      <PageTitle title={demarche.libelle} />
      <Breadcrumb current={demarche.libelle} />
      {notice ? <Notice kind="success" title={t(`admin.overview.notices.${notice}`)} /> : null}
      {loaderData.cycleNotice ? <Notice kind="success" title={t(`cycle.notices.${loaderData.cycleNotice}`)} /> : null}
      {demarche.autoArchiveOn && (demarche.state === "publiee" || demarche.state === "brouillon") ? (
        <Notice kind="info">
          <p>{t("cycle.notices.closingDate", { date: formatDate(`${demarche.autoArchiveOn}T12:00:00Z`) })}</p>
        </Notice>
      ) : null}
      <div className="fr-mb-4w">
        <StateBadge state={demarche.state} />
        <h1 className="fr-mt-1w">{demarche.libelle}</h1>
        <p className="fr-text--sm fr-mb-0">
          {t("admin.overview.number", { number: demarche.id })}
          {" · "}
          {t("admin.overview.createdAt", { date: formatDate(demarche.createdAt) })}
          {demarche.publishedAt ? ` · ${t("admin.overview.publishedAt", { date: formatDate(demarche.publishedAt) })}` : null}
          {demarche.closedAt ? ` · ${t("admin.overview.closedAt", { date: formatDate(demarche.closedAt) })}` : null}
        </p>
      </div>

      {demarche.state === "brouillon" ? (
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title fr-h5">{t("admin.overview.testLinkTitle")}</h2>
          <p className="fr-callout__text">{t("admin.overview.testLinkBody")}</p>
          <p>
            <a className="fr-link" href={testUrl}>
              {testUrl}
            </a>
          </p>
          <p className="fr-text--sm fr-mb-0">
            {t("admin.overview.testDossiers", { count: formatNumber(loaderData.testDossiersCount) })}
          </p>
        </div>
      ) : (
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title fr-h5">
            {demarche.state === "publiee" ? t("admin.overview.publicLinkTitle") : t("admin.overview.closedLinkTitle")}
          </h2>
          {demarche.state === "publiee" ? (
            <p>
              <a className="fr-link" href={publicUrl}>
                {publicUrl}
              </a>
            </p>
          ) : (
            <p className="fr-callout__text">{t("admin.overview.closedLinkBody")}</p>
          )}
          <p className="fr-text--sm fr-mb-0">{t("admin.overview.dossiers", { count: formatNumber(loaderData.dossiersCount) })}</p>
        </div>
      )}

      <h2>{t("admin.overview.checklistTitle")}</h2>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
        <ChecklistItem
          title={t("admin.overview.checklist.presentation.title")}
          status={websiteOk ? "done" : "todo"}
          statusLabel={websiteOk ? t("admin.overview.status.done") : t("admin.overview.status.todo")}
          href={`${base}/edit`}
          linkLabel={t("admin.overview.checklist.presentation.link")}
        >
          <p>{t("admin.overview.checklist.presentation.body")}</p>
          {websiteOk ? null : <p>{t("admin.publication.errors.lien_site_web_missing")}</p>}
        </ChecklistItem>
        <ChecklistItem
          title={t("presentation.service.overviewTitle")}
          status={serviceOk ? "done" : "todo"}
          statusLabel={serviceOk ? t("admin.overview.status.done") : t("admin.overview.status.todo")}
          href={`${base}/service`}
          linkLabel={t("presentation.service.overviewLink")}
        >
          <p>
            {loaderData.service && serviceOk
              ? `${loaderData.service.nom} – ${loaderData.service.organisme}`
              : blockers.includes("service_siret_invalid")
                ? t("admin.publication.errors.service_siret_invalid")
                : t("presentation.service.noneChosen")}
          </p>
        </ChecklistItem>
        <ChecklistItem
          title={t("entreprise.audience.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/public`}
          linkLabel={t("entreprise.audience.link")}
        >
          <p>{t(`entreprise.audience.current.${demarche.audience}`)}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("admin.overview.checklist.form.title")}
          status={formOk ? "done" : "todo"}
          statusLabel={formOk ? t("admin.overview.status.done") : t("admin.overview.status.todo")}
          href={`${base}/champs`}
          linkLabel={t("admin.overview.checklist.form.link")}
        >
          <p>
            {blockers.includes("no_champ")
              ? t("admin.overview.checklist.form.empty")
              : t("admin.overview.checklist.form.count", { count: formatNumber(loaderData.champsCount) })}
            {blockers.includes("champ_invalid") ? ` ${t("admin.overview.checklist.form.invalid")}` : ""}
            {blockers.includes("condition_invalid") ? ` ${t("admin.publication.errors.condition_invalid")}` : ""}
          </p>
          {loaderData.draftChanged ? <p>{t("admin.overview.checklist.form.draftChanged")}</p> : null}
        </ChecklistItem>
        <ChecklistItem
          title={t("admin.overview.checklist.annotations.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/annotations`}
          linkLabel={t("admin.overview.checklist.annotations.link")}
        >
          <p>
            {loaderData.annotationsCount > 0
              ? t("admin.overview.checklist.annotations.count", { count: formatNumber(loaderData.annotationsCount) })
              : t("admin.overview.checklist.annotations.empty")}
          </p>
        </ChecklistItem>
        <ChecklistItem
          title={t("conditions.ineligibilite.title")}
          status={blockers.includes("ineligibilite_invalid") ? "todo" : "info"}
          statusLabel={
            blockers.includes("ineligibilite_invalid") ? t("admin.overview.status.todo") : t("admin.overview.status.optional")
          }
          href={`${base}/ineligibilite`}
          linkLabel={t("conditions.ineligibilite.overviewLink")}
        >
          <p>
            {blockers.includes("ineligibilite_invalid")
              ? t("conditions.ineligibilite.incomplete")
              : t("conditions.ineligibilite.overviewBody")}
          </p>
        </ChecklistItem>
        <ChecklistItem
          title={t("notifications.labels.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/labels`}
          linkLabel={t("notifications.labels.overviewLink")}
        >
          <p>
            {loaderData.labelsCount > 0
              ? tn("notifications.labels.overviewBody", loaderData.labelsCount)
              : t("notifications.labels.none")}
          </p>
        </ChecklistItem>
        <ChecklistItem
          title={t("modeles.overview.title")}
          status={blockers.includes("mail_template_invalid") ? "todo" : "info"}
          statusLabel={
            blockers.includes("mail_template_invalid") ? t("admin.overview.status.todo") : t("admin.overview.status.optional")
          }
          href={`${base}/emails`}
          linkLabel={t("modeles.overview.link")}
        >
          <p>{t("modeles.overview.body")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("attestations.title")}
          status={blockers.some((b) => b.startsWith("attestation_")) ? "todo" : "info"}
          statusLabel={
            blockers.some((b) => b.startsWith("attestation_"))
              ? t("admin.overview.status.todo")
              : t("admin.overview.status.optional")
          }
          href={`${base}/attestations`}
          linkLabel={t("attestations.overview.link")}
        >
          <p>{t("attestations.overview.body")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("admin.overview.checklist.instructeurs.title")}
          status={instructeursOk ? "done" : "todo"}
          statusLabel={instructeursOk ? t("admin.overview.status.done") : t("admin.overview.status.todo")}
          href={`${base}/instructeurs`}
          linkLabel={t("admin.overview.checklist.instructeurs.link")}
        >
          <p>
            {instructeursOk
              ? t("admin.overview.checklist.instructeurs.count", { count: formatNumber(loaderData.instructeursCount) })
              : t("admin.overview.checklist.instructeurs.empty")}
          </p>
        </ChecklistItem>
        <ChecklistItem
          title={t("avis.admin.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/experts`}
          linkLabel={t("avis.admin.overviewLink")}
        >
          <p>
            {t("avis.admin.overviewBody", {
              status: demarche.allowExpertReview ? t("avis.admin.enabled") : t("avis.admin.disabled"),
            })}
          </p>
        </ChecklistItem>
        <ChecklistItem
          title={t("admin.special.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/procedures-speciales`}
          linkLabel={t("admin.special.overviewLink")}
        >
          <p>{t("admin.special.overviewBody")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("equipe.administrateurs.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/administrateurs`}
          linkLabel={t("equipe.administrateurs.overviewLink")}
        >
          <p>{tn("equipe.administrateurs.overviewBody", loaderData.administrateursCount)}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("equipe.historique.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/historique`}
          linkLabel={t("equipe.historique.overviewLink")}
        >
          <p>{t("equipe.historique.overviewBody")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("statistiques.title")}
          status="info"
          statusLabel={t(demarche.opendata ? "statistiques.admin.public" : "statistiques.admin.private")}
          href={`${base}/statistiques`}
          linkLabel={t("statistiques.admin.link")}
        >
          <p>{t("statistiques.admin.body")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("exports.archives.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/archives`}
          linkLabel={t("exports.archives.overviewLink")}
        >
          <p>{t("exports.archives.overviewBody")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("webhooks.title")}
          status="info"
          statusLabel={t("admin.overview.status.optional")}
          href={`${base}/webhooks`}
          linkLabel={t("webhooks.overviewLink")}
        >
          <p>{t("webhooks.overviewBody")}</p>
        </ChecklistItem>
        <ChecklistItem
          title={t("admin.overview.checklist.publication.title")}
          status={demarche.state === "brouillon" ? "todo" : demarche.state === "publiee" ? "done" : "info"}
          statusLabel={t(`admin.states.${demarche.state}`)}
          href={`${base}/publication`}
          linkLabel={
            demarche.state === "publiee"
              ? t("admin.overview.checklist.publication.manage")
              : t("admin.overview.checklist.publication.link")
          }
        >
          <p>
            {demarche.state === "brouillon"
              ? blockers.length > 0
                ? t("admin.overview.checklist.publication.blocked")
                : t("admin.overview.checklist.publication.ready")
              : demarche.state === "publiee"
                ? t("admin.overview.checklist.publication.published", { date: formatDate(demarche.publishedAt) })
                : t("admin.overview.checklist.publication.closed", { date: formatDate(demarche.closedAt) })}
          </p>
          {demarche.state === "brouillon" && missing.length > 0 ? (
            <ul data-testid="missing-before-publication">
              {missing.map((code) => (
                <li key={code}>{dt(`admin.publication.errors.${code}`)}</li>
              ))}
            </ul>
          ) : null}
        </ChecklistItem>
      </ul>
      <p>
        <a className="fr-link fr-icon-eye-line fr-link--icon-left" href={`${base}/apercu`}>
          {t("admin.overview.previewLink")}
        </a>
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-file-add-line fr-btn--icon-left" href={`${base}/cloner`}>
            {t("cycle.links.cloner")}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--tertiary fr-icon-close-circle-line fr-btn--icon-left" href={`${base}/fermeture`}>
            {t("cycle.links.fermeture")}
          </a>
        </li>
      </ul>
    </>
  );
}
