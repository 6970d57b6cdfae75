/**
 * The monthly archives page, shared by the administrateur's (`/admin/procedures/:id/archives`, the
 * whole démarche) and the instructeur's (`/procedures/:id/archives`, their groupes): each month with
 * dossiers decided, their count and the archive's estimated size; a button asks for the month's zip
 * (generated in the background, e-mailed when ready), then a download link while it is kept
 * (4 days). Plain forms: works without JavaScript (POST + redirect).
 */
import type { ReactNode } from "react";
import { Form } from "react-router";
import type { Locale } from "../../../../common/i18n/types";
import { archiveMonthLabel } from "../../../../server/domain/archives/archives";
import { formatByteSize } from "../../../../server/domain/files/byte-size";
import { CsrfInput } from "../../../components/csrf-input";
import { useLocale, useT, useTn } from "../../../lib/i18n";
import { ErrorSummary, Notice, PageTitle, useDynamicT, useFormatDate } from "./layout";

export const ARCHIVE_NOTICES = ["requested", "reused"] as const;
export type ArchiveNotice = (typeof ARCHIVE_NOTICES)[number];

export function archiveNoticeOf(url: string): ArchiveNotice | null {
  const notice = new URL(url).searchParams.get("notice");
  return (ARCHIVE_NOTICES as readonly string[]).includes(notice ?? "") ? (notice as ArchiveNotice) : null;
}

interface MonthRow {
  month: string;
  count: number;
  bytes: number;
  tooLarge: boolean;
  archive: {
    id: number;
    state: "pending" | "generated" | "failed" | "purged";
    processed: number;
    total: number;
    byteSize: number | null;
    expiresAt: string;
  } | null;
}

/** The loader's rows with their sizes written for the reader. */
export function archiveMonthViews(months: MonthRow[], locale: Locale) {
  return months.map((m) => ({
    ...m,
    size: formatByteSize(m.bytes, locale),
    archive: m.archive && {
      ...m.archive,
      size: m.archive.byteSize === null ? null : formatByteSize(m.archive.byteSize, locale),
    },
  }));
}

export interface ArchiveActionData {
  month: string;
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string | number>>;
}

export function ArchivesPage({
  title,
  breadcrumb,
  lead,
  months,
  notice,
  actionData,
  downloadHref,
}: {
  title: string;
  breadcrumb: ReactNode;
  lead: string;
  months: ReturnType<typeof archiveMonthViews>;
  notice: ArchiveNotice | null;
  actionData: ArchiveActionData | undefined;
  downloadHref: (archiveId: number) => string;
}) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const monthLabel = (month: string) => archiveMonthLabel(month, locale);
  const errorCode = actionData?.errors.month ?? actionData?.errors.form;
  const errorText = errorCode ? dt(`exports.archives.errors.${errorCode}`, actionData?.errorParams.month) : null;
  const errorTarget =
    actionData && months.some((m) => m.month === actionData.month) ? `generate-${actionData.month}` : "archives";
  return (
    <>
      <PageTitle title={title} error={errorText !== null} />
      {breadcrumb}
      <h1>{title}</h1>
      <p className="fr-text--lead">{lead}</p>
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
                                  href={downloadHref(archive.id)}
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

/** The page of an archive link that no longer (or not yet) leads to a file: answered with status 404. */
export function ArchiveUnavailable({ archivesHref }: { archivesHref: string }) {
  const t = useT();
  return (
    <div className="fr-py-4w" data-testid="archive-unavailable">
      <title>{`${t("exports.archives.expired.title")} – Guichet`}</title>
      <h1>{t("exports.archives.expired.title")}</h1>
      <p className="fr-text--lead">{t("exports.archives.expired.body")}</p>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={archivesHref}>
          {t("exports.archives.title")}
        </a>
      </p>
    </div>
  );
}
