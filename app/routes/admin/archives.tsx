/**
 * A démarche's monthly archives (`/admin/procedures/:id/archives`, the reference's « Archives »
 * page): each month with dossiers decided, their count and the archive's estimated size; a button
 * asks for the month's zip (generated in the background, e-mailed when ready), then a download
 * link while it is kept (4 days). Works without JavaScript (POST + redirect); another
 * administrateur's démarche is a 404 and changes nothing.
 */
import { data, Form, redirect } from "react-router";
import { formatByteSize } from "../../../server/domain/files/byte-size";
import { monthDate } from "../../../server/domain/archives/archives";
import { requestArchive } from "../../../server/operations/archives/request-archive";
import { loadArchivesPage } from "../../../server/queries/admin/archives";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { useLocale, useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/archives";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT, useFormatDate } from "./ui/layout";

export const handle = { i18n: ["admin", "exports", "fichiers"] };

const NOTICES = ["requested", "reused"] as const;
type NoticeKey = (typeof NOTICES)[number];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { locale } = requestState(context);
  const page = await loadArchivesPage(services(context).db, admin.administrateurId, demarcheIdOf(params));
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    demarche: page.demarche,
    months: page.months.map((m) => ({
      ...m,
      size: formatByteSize(m.bytes, locale),
      archive: m.archive && {
        ...m.archive,
        size: m.archive.byteSize === null ? null : formatByteSize(m.archive.byteSize, locale),
      },
    })),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as NoticeKey) : null,
  };
}

interface ActionData {
  month: string;
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string | number>>;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  await loadArchivesPage(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const month = formString(form, "month");
  const result = await requestArchive(db, admin.administrateurId, demarcheId, month, requestState(context).locale);
  if (!result.ok) return data<ActionData>({ month, ...refusalsByField(result.refusals) }, { status: 422 });
  return redirect(`/admin/procedures/${demarcheId}/archives?notice=${result.reused ? "reused" : "requested"}#mois-${month}`);
}

function useMonthLabel() {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (month: string) => format.format(monthDate(month));
}

export default function Archives({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const formatDate = useFormatDate();
  const monthLabel = useMonthLabel();
  const { demarche, months, notice } = loaderData;
  const title = t("exports.archives.pageTitle", { libelle: demarche.libelle });
  const errorCode = actionData?.errors.month ?? actionData?.errors.form;
  const errorText = errorCode ? dt(`exports.archives.errors.${errorCode}`, actionData?.errorParams.month) : null;
  const errorTarget =
    actionData && months.some((m) => m.month === actionData.month) ? `generate-${actionData.month}` : "archives";
  return (
    <>
      <PageTitle title={title} error={errorText !== null} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={t("exports.archives.title")} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("exports.archives.lead")}</p>
      <p>{t("exports.archives.limits")}</p>
      {notice ? <Notice kind="success" title={t(`exports.archives.notices.${notice}`)} /> : null}
      <ErrorSummary errors={errorText ? [{ fieldId: errorTarget, label: "", message: errorText }] : []} />
      {months.length === 0 ? (
        <p id="archives">{t("exports.archives.empty")}</p>
      ) : (
        <div className="fr-table fr-table--no-caption" id="archives">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{t("exports.archives.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("exports.archives.columns.month")}</th>
                      <th scope="col">{t("exports.archives.columns.count")}</th>
                      <th scope="col">{t("exports.archives.columns.size")}</th>
                      <th scope="col">{t("exports.archives.columns.archive")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {months.map((m) => {
                      const label = monthLabel(m.month);
                      const archive = m.archive;
                      const errorHere = errorText && actionData?.month === m.month;
                      const askForm = (text: string) => (
                        <Form method="post" className="fr-mt-1w">
                          <CsrfInput />
                          <input type="hidden" name="month" value={m.month} />
                          <button
                            type="submit"
                            className="fr-btn fr-btn--sm fr-btn--secondary"
                            id={`generate-${m.month}`}
                            title={t("exports.archives.generateLabel", { month: label })}
                            aria-describedby={errorHere ? `generate-${m.month}-error` : undefined}
                          >
                            {text}
                          </button>
                          {errorHere ? (
                            <p className="fr-error-text" id={`generate-${m.month}-error`}>
                              {errorText}
                            </p>
                          ) : null}
                        </Form>
                      );
                      return (
                        <tr key={m.month} id={`mois-${m.month}`} data-month={m.month}>
                          <th scope="row">{label}</th>
                          <td>{tn("exports.archives.count", m.count)}</td>
                          <td>{m.size}</td>
                          <td>
                            {m.tooLarge ? (
                              <p className="fr-badge fr-badge--warning fr-badge--sm">{t("exports.archives.tooLarge")}</p>
                            ) : archive?.state === "generated" ? (
                              <>
                                <a
                                  className="fr-link fr-icon-download-line fr-link--icon-left"
                                  href={`/admin/procedures/${demarche.id}/archives/${archive.id}/fichier`}
                                  aria-label={t("exports.archives.downloadLabel", { month: label, size: archive.size ?? "" })}
                                  download
                                >
                                  {t("exports.archives.download")}
                                </a>
                                <p className="fr-text--xs fr-mb-0">
                                  {t("exports.archives.expires", { date: formatDate(archive.expiresAt) })}
                                </p>
                              </>
                            ) : archive?.state === "pending" ? (
                              <p className="fr-badge fr-badge--info fr-badge--sm">
                                {t("exports.archives.pending", { done: archive.processed, total: archive.total })}
                              </p>
                            ) : archive?.state === "failed" ? (
                              <>
                                <p className="fr-badge fr-badge--error fr-badge--sm">{t("exports.archives.failed")}</p>
                                {askForm(t("exports.archives.regenerate"))}
                              </>
                            ) : (
                              askForm(t("exports.archives.generate"))
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
