/**
 * The dossier's « Avis externes » tab: ask experts for their opinion (intent `request`, multipart
 * through the upload layer), read the avis, remind an expert (`remind`, once per 24 hours) or revoke
 * an unanswered request (`revoke`). The dossier is found in the instructeur's scope and this
 * démarche (404 otherwise, nothing changes).
 */
import { data, Form, redirect } from "react-router";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { remindAvis } from "../../../server/operations/avis/remind-avis";
import { revokeAvis } from "../../../server/operations/avis/revoke-avis";
import { loadInstructeurAvisTab } from "../../../server/queries/instructeur/avis";
import { findInstructeurDossierOfDemarche } from "../../../server/queries/instructeur/dossier";
import { AvisFiles } from "../../components/avis/avis-files";
import {
  AvisErrorSummary,
  AvisRequestForm,
  EMPTY_AVIS_REQUEST,
  type AvisRequestFormValues,
} from "../../components/avis/avis-request-form";
import { CsrfInput } from "../../components/csrf-input";
import { avisRefusalMessages, postedFileError, readAvisRequestForm } from "../../lib/avis-form.server";
import { formatDateTime } from "../../lib/dates";
import { useT, useTn } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, notFound, readForm, requestState, services, tFor } from "../../lib/request.server";
import { markDossierSeen } from "../../../server/operations/notifications/mark-dossier-seen";
import type { Route } from "./+types/dossier-avis";
import { DossierTabs } from "./dossier-tabs";
import instructeurCss from "./instructeur.css?url";
import { DossierStateBadge } from "./ui";

export const handle = { i18n: ["avis", "dossiers", "instructeur", "messagerie"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

const NOTICES = ["requested", "reminded", "revoked"] as const;
type Notice = (typeof NOTICES)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const tab = await loadInstructeurAvisTab(db, {
    instructeurId: instructeur.instructeurId,
    demarcheId: idParam(params.id),
    dossierId: idParam(params.dossierId),
  });
  // Found in the instructeur's scope above: the avis answered until now are no longer news.
  await markDossierSeen(db, instructeur.instructeurId, idParam(params.dossierId), ["avis"]);
  const when = (value: Date | null) => formatDateTime(value, locale, t);
  const query = new URL(request.url).searchParams;
  const notice = query.get("notice");
  return {
    ...tab,
    avis: tab.avis.map((a) => ({
      id: a.id,
      expertEmail: a.expertEmail,
      claimantEmail: a.claimantEmail,
      introduction: a.introduction,
      confidentiel: a.confidentiel,
      questionLabel: a.questionLabel,
      questionAnswer: a.questionAnswer,
      answer: a.answer,
      answeredAt: when(a.answeredAt),
      remindedAt: when(a.remindedAt),
      revoked: a.revokedAt !== null,
      createdAt: when(a.createdAt),
      introductionFiles: a.introductionFiles.map((f) => ({ id: f.id, filename: f.filename })),
      answerFiles: a.answerFiles.map((f) => ({ id: f.id, filename: f.filename })),
    })),
    count: tab.avis.filter((a) => a.revokedAt === null).length,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
    requestedCount: Math.min(100, Number.parseInt(query.get("count") ?? "1", 10) || 1),
  };
}

interface ActionData {
  intent: string;
  errors: Record<string, string>;
  values: AvisRequestFormValues;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  // Scope first: another instructeur gets 404 whatever the form holds.
  await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const page = `/procedures/${demarcheId}/dossiers/${dossierId}/avis`;
  const actor = { instructeurId: instructeur.instructeurId, userId: instructeur.id };
  if (intent === "request") {
    const values = readAvisRequestForm(form);
    const fileError = postedFileError(form);
    const result = await requestAvis(
      db,
      { kind: "instructeur", ...actor, demarcheId, dossierId },
      { ...values, attachmentId: values.keptFileId, locale },
    );
    if (result.ok && !fileError) return redirect(`${page}?notice=requested&count=${result.avisIds.length}`);
    const errors = result.ok ? {} : avisRefusalMessages(result.refusals, t, locale);
    if (fileError) errors.file = fileError;
    // A refused file leaves the request sent (as for the dossier's fields): say so and show the form empty.
    if (result.ok) return data<ActionData>({ intent, errors, values: EMPTY_AVIS_REQUEST }, { status: 422 });
    return data<ActionData>({ intent, errors, values }, { status: 422 });
  }
  if (intent === "remind" || intent === "revoke") {
    const avisId = Number.parseInt(formString(form, "avisId"), 10);
    if (!Number.isSafeInteger(avisId) || avisId <= 0) notFound();
    const target = { demarcheId, dossierId, avisId };
    const result = intent === "remind" ? await remindAvis(db, actor, target) : await revokeAvis(db, actor, target);
    if (result.ok) return redirect(`${page}?notice=${intent === "remind" ? "reminded" : "revoked"}`);
    return data<ActionData>(
      { intent, errors: avisRefusalMessages(result.refusals, t, locale), values: EMPTY_AVIS_REQUEST },
      { status: 422 },
    );
  }
  throw data({ status: 400 }, { status: 400 });
}

const ANCHORS = {
  emails: "avis-emails",
  introduction: "avis-introduction",
  questionLabel: "avis-question-label",
  file: "avis-introduction-file",
};

export default function InstructeurDossierAvis({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const { demarche, dossier, avis, count, notice, canRequest } = loaderData;
  const errors = actionData?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const title = t("avis.instructeur.title", { number: dossier.id });
  const page = `/procedures/${demarche.id}/dossiers/${dossier.id}/avis`;
  return (
    <>
      <title>
        {t(hasErrors ? "instructeur.errorPageTitle" : "instructeur.pageTitle", { title: `${title} · ${demarche.libelle}` })}
      </title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
          {t("instructeur.dossier.breadcrumb")}
        </a>
      </p>
      <p className="fr-mb-1v">{demarche.libelle}</p>
      <h1 className="fr-mb-2w">{title}</h1>
      <div className="fr-mb-3w">
        <DossierStateBadge state={dossier.state} small={false} />
      </div>
      <DossierTabs demarcheId={demarche.id} dossierId={dossier.id} current="avis" counts={{ avis: count }} />

      {notice && !actionData ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>
            {notice === "requested"
              ? tn("avis.instructeur.notices.requested", loaderData.requestedCount, { count: loaderData.requestedCount })
              : t(`avis.instructeur.notices.${notice}`)}
          </p>
        </div>
      ) : null}
      <AvisErrorSummary errors={errors} anchors={actionData?.intent === "request" ? ANCHORS : {}} />

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-7">
          <section aria-labelledby="avis-list" className="fr-mb-4w">
            <h2 id="avis-list" className="fr-h4">
              {t("avis.instructeur.listTitle")}
            </h2>
            {avis.length === 0 ? <p>{t("avis.instructeur.none")}</p> : null}
            <ul className="fr-raw-list">
              {avis.map((a) => (
                <li key={a.id} className="fr-card fr-card--no-arrow fr-mb-2w" data-avis-id={a.id}>
                  <div className="fr-card__body">
                    <div className="fr-card__content">
                      <h3 className="fr-card__title fr-h6">{t("avis.instructeur.to", { email: a.expertEmail })}</h3>
                      <div className="fr-card__start">
                        <ul className="fr-badges-group">
                          <li>
                            <p
                              className={`fr-badge fr-badge--sm ${a.revoked ? "" : a.answeredAt ? "fr-badge--success" : "fr-badge--new"}`}
                            >
                              {a.revoked
                                ? t("avis.instructeur.revoked")
                                : a.answeredAt
                                  ? t("avis.instructeur.answered", { date: a.answeredAt })
                                  : t("avis.instructeur.awaiting")}
                            </p>
                          </li>
                          {a.confidentiel ? (
                            <li>
                              <p className="fr-badge fr-badge--sm fr-badge--warning">{t("avis.instructeur.confidentielBadge")}</p>
                            </li>
                          ) : null}
                        </ul>
                      </div>
                      <div className="fr-card__desc">
                        <p className="fr-text--sm">
                          {t("avis.instructeur.askedBy", { claimant: a.claimantEmail ?? "—", date: a.createdAt ?? "" })}
                        </p>
                        <p className="fr-text--sm fr-mb-1v">{t("avis.instructeur.introductionLabel")}</p>
                        <p className="guichet-multiline">{a.introduction}</p>
                        <AvisFiles files={a.introductionFiles} label={t("avis.instructeur.introductionFile")} />
                        {a.questionLabel ? <p>{t("avis.instructeur.question", { label: a.questionLabel })}</p> : null}
                        {a.answer !== null ? (
                          <>
                            <p className="fr-text--sm fr-mb-1v">{t("avis.instructeur.answerLabel")}</p>
                            <p className="guichet-multiline">{a.answer}</p>
                            {a.questionLabel && a.questionAnswer !== null ? (
                              <p>
                                <strong>
                                  {t("avis.instructeur.answer", {
                                    answer: a.questionAnswer ? t("avis.expert.yes") : t("avis.expert.no"),
                                  })}
                                </strong>
                              </p>
                            ) : null}
                            <AvisFiles files={a.answerFiles} label={t("avis.instructeur.answerFile")} />
                          </>
                        ) : null}
                        {a.remindedAt ? (
                          <p className="fr-text--sm">{t("avis.instructeur.remindedAt", { date: a.remindedAt })}</p>
                        ) : null}
                      </div>
                    </div>
                    {!a.revoked && !a.answeredAt ? (
                      <div className="fr-card__footer">
                        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                          <li>
                            <Form method="post" action={page}>
                              <CsrfInput />
                              <input type="hidden" name="intent" value="remind" />
                              <input type="hidden" name="avisId" value={a.id} />
                              <button
                                type="submit"
                                className="fr-btn fr-btn--sm fr-btn--secondary"
                                title={t("avis.instructeur.remindHint")}
                              >
                                {t("avis.instructeur.remind")}
                              </button>
                            </Form>
                          </li>
                          <li>
                            <Form method="post" action={page}>
                              <CsrfInput />
                              <input type="hidden" name="intent" value="revoke" />
                              <input type="hidden" name="avisId" value={a.id} />
                              <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                                {t("avis.instructeur.revoke")}
                              </button>
                            </Form>
                          </li>
                        </ul>
                        <p className="fr-text--xs fr-mb-0">{t("avis.instructeur.remindHint")}</p>
                      </div>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <div className="fr-col-12 fr-col-lg-5">
          {!demarche.allowExpertReview ? (
            <p className="fr-notice-text">{t("avis.instructeur.disabled")}</p>
          ) : !canRequest ? (
            <p>{t("avis.instructeur.termine")}</p>
          ) : (
            <>
              {demarche.restricted ? (
                <p className="fr-text--sm">
                  {demarche.listedExperts.length > 0
                    ? t("avis.instructeur.restricted", { emails: demarche.listedExperts.join(", ") })
                    : t("avis.instructeur.restrictedEmpty")}
                </p>
              ) : null}
              <AvisRequestForm
                action={page}
                values={actionData?.intent === "request" ? actionData.values : EMPTY_AVIS_REQUEST}
                errors={actionData?.intent === "request" ? errors : {}}
                allowAnnotations
                headingId="avis-request"
                title={t("avis.instructeur.requestTitle")}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
