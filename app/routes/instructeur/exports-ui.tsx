/**
 * The export form (« Télécharger les dossiers »: format, archived dossiers, period; the list's tab,
 * filters, sort and search go as hidden fields) and the list of the instructeur's exports with
 * their state, progress and download link. Plain POST form and links: no JavaScript needed.
 */
import type { TranslationKey } from "../../../common/i18n";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import type { ListUrlState } from "./list-url";

export const EXPORT_FORMAT_CHOICES = ["xlsx", "ods", "csv", "json", "zip"] as const;

export interface ExportView {
  id: number;
  format: string;
  state: "pending" | "generated" | "failed" | "purged";
  byteSize: number | null;
  processedCount: number;
  totalCount: number | null;
  createdAt: string;
  tab: string;
}

export interface ExportTemplateChoice {
  id: number;
  name: string;
  kind: string;
}

export interface ExportFormValues {
  modele?: string;
  format: string;
  archives: boolean;
  periode: string;
}

export interface ExportFormErrors {
  modele?: string;
  format?: string;
  statut?: string;
  form?: string;
}

function HiddenListState({ url, tab }: { url: ListUrlState; tab: string }) {
  return (
    <>
      <input type="hidden" name="statut" value={tab} />
      {url.q ? <input type="hidden" name="q" value={url.q} /> : null}
      {url.filtres.map((f) => (
        <input key={f} type="hidden" name="filtre" value={f} />
      ))}
      {url.tri ? <input type="hidden" name="tri" value={url.tri} /> : null}
      {url.ordre ? <input type="hidden" name="ordre" value={url.ordre} /> : null}
    </>
  );
}

export function ExportForm({
  demarcheId,
  url,
  tab,
  values,
  errors = {},
  idPrefix = "export",
  templates = [],
}: {
  templates?: readonly ExportTemplateChoice[];
  demarcheId: number;
  url: ListUrlState;
  tab: string;
  values?: ExportFormValues;
  errors?: ExportFormErrors;
  idPrefix?: string;
}) {
  const t = useT();
  const chosen = values ?? { format: "xlsx", archives: false, periode: "tout" };
  const tabLabel = t(`instructeur.tabs.${tab}` as TranslationKey);
  const formatError = errors.format ?? errors.statut;
  return (
    <form method="post" action={`/procedures/${demarcheId}/exports`} data-testid="export-form">
      <CsrfInput />
      <HiddenListState url={url} tab={tab} />
      {errors.form ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{errors.form}</p>
        </div>
      ) : null}
      <p className="fr-text--sm">{t("exports.form.scope", { tab: tabLabel })}</p>
      <div className={`fr-select-group${errors.modele ? " fr-select-group--error" : ""}`}>
        <label className="fr-label" htmlFor={`${idPrefix}-modele`}>
          {t("exports.templates.choose")}
          <span className="fr-hint-text">{t("exports.templates.chooseHint")}</span>
        </label>
        <select
          className="fr-select"
          id={`${idPrefix}-modele`}
          name="modele"
          defaultValue={chosen.modele ?? ""}
          aria-describedby={errors.modele ? `${idPrefix}-modele-error` : undefined}
        >
          <option value="">{t("exports.templates.none")}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {`${tpl.name} (${tpl.kind.toUpperCase()})`}
            </option>
          ))}
        </select>
        {errors.modele ? (
          <p className="fr-error-text" id={`${idPrefix}-modele-error`}>
            {errors.modele}
          </p>
        ) : null}
        <p className="fr-text--sm fr-mt-1v">
          <a className="fr-link fr-text--sm" href={`/procedures/${demarcheId}/modeles-export`}>
            {t("exports.templates.manage")}
          </a>
        </p>
      </div>
      <fieldset
        className={`fr-fieldset${formatError ? " fr-fieldset--error" : ""}`}
        aria-labelledby={`${idPrefix}-format-legend${formatError ? ` ${idPrefix}-format-error` : ""}`}
        role={formatError ? "group" : undefined}
      >
        <legend className="fr-fieldset__legend fr-text--regular" id={`${idPrefix}-format-legend`}>
          {t("exports.form.legend")}
        </legend>
        {EXPORT_FORMAT_CHOICES.map((format) => (
          <div className="fr-fieldset__element" key={format}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`${idPrefix}-format-${format}`}
                name="format"
                value={format}
                defaultChecked={chosen.format === format}
              />
              <label className="fr-label" htmlFor={`${idPrefix}-format-${format}`}>
                {t(`exports.form.formats.${format}`)}
              </label>
            </div>
          </div>
        ))}
        {formatError ? (
          <div className="fr-messages-group" id={`${idPrefix}-format-error`} aria-live="polite">
            <p className="fr-message fr-message--error">{formatError}</p>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="fr-fieldset" aria-labelledby={`${idPrefix}-periode-legend`}>
        <legend className="fr-fieldset__legend fr-text--regular" id={`${idPrefix}-periode-legend`}>
          {t("exports.form.periode.legend")}
        </legend>
        {(["tout", "30j"] as const).map((periode) => (
          <div className="fr-fieldset__element fr-fieldset__element--inline" key={periode}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`${idPrefix}-periode-${periode}`}
                name="periode"
                value={periode}
                defaultChecked={chosen.periode === periode}
              />
              <label className="fr-label" htmlFor={`${idPrefix}-periode-${periode}`}>
                {t(`exports.form.periode.${periode}`)}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      {tab === "traites" || tab === "tous" ? (
        <div className="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id={`${idPrefix}-archives`} name="archives" value="on" defaultChecked={chosen.archives} />
          <label className="fr-label" htmlFor={`${idPrefix}-archives`}>
            {t("exports.form.archives")}
          </label>
        </div>
      ) : null}
      <button type="submit" className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left">
        {t("exports.form.submit")}
      </button>
    </form>
  );
}

/** « 2 exports prêts »: the instructeur's generated exports waiting on the list (the export menu's badge). */
export function ExportReadyBadge({ exports }: { exports: readonly ExportView[] }) {
  const tn = useTn();
  const ready = exports.filter((e) => e.state === "generated").length;
  if (ready === 0) return null;
  return (
    <span className="fr-badge fr-badge--success fr-badge--sm fr-ml-1w" data-testid="exports-ready-badge">
      {tn("exports.ready", ready, { count: ready })}
    </span>
  );
}

function formatSize(bytes: number, locale: string): string {
  const units = ["o", "ko", "Mo", "Go"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

export function ExportList({ demarcheId, exports, locale }: { demarcheId: number; exports: ExportView[]; locale: string }) {
  const t = useT();
  const tn = useTn();
  if (exports.length === 0) return <p data-testid="exports-empty">{t("exports.list.empty")}</p>;
  return (
    <ul className="fr-raw-list" data-testid="exports-list">
      {exports.map((e) => {
        const date = new Intl.DateTimeFormat(locale, {
          dateStyle: "short",
          timeStyle: "short",
          timeZone: "Europe/Paris",
        }).format(new Date(e.createdAt));
        const format = e.format.toUpperCase();
        return (
          <li key={e.id} className="fr-mb-2w" data-export-id={e.id} data-state={e.state}>
            <p className="fr-mb-1v">
              <strong>{format}</strong> · {t("exports.list.requestedAt", { date })} ·{" "}
              {t(`instructeur.tabs.${e.tab}` as TranslationKey)} ·{" "}
              <span
                className={`fr-badge fr-badge--sm fr-badge--no-icon${e.state === "generated" ? " fr-badge--success" : e.state === "failed" ? " fr-badge--error" : " fr-badge--info"}`}
              >
                {t(`exports.list.states.${e.state}`)}
              </span>
            </p>
            {e.state === "pending" && e.totalCount !== null ? (
              <p className="fr-text--sm fr-mb-1v" data-testid="export-progress">
                {tn("exports.list.progress", e.totalCount, {
                  done: new Intl.NumberFormat(locale).format(e.processedCount),
                  count: new Intl.NumberFormat(locale).format(e.totalCount),
                })}
              </p>
            ) : null}
            {e.state === "failed" ? <p className="fr-text--sm fr-mb-1v">{t("exports.list.failedHint")}</p> : null}
            {e.state === "generated" ? (
              <a
                className="fr-link fr-icon-download-line fr-link--icon-left"
                href={`/procedures/${demarcheId}/exports/${e.id}/fichier`}
                download
                aria-label={t("exports.list.downloadLabel", { format, date, size: formatSize(e.byteSize ?? 0, locale) })}
              >
                {t("exports.list.download")} ({formatSize(e.byteSize ?? 0, locale)})
              </a>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Rows of `listOwnExports` as the pages send them. */
export function exportViews(
  rows: ReadonlyArray<{
    id: number;
    format: string;
    state: string;
    byteSize: number | null;
    processedCount: number;
    totalCount: number | null;
    createdAt: Date;
    scope: unknown;
  }>,
): ExportView[] {
  return rows.map((r) => ({
    id: r.id,
    format: r.format,
    state: r.state as ExportView["state"],
    byteSize: r.byteSize,
    processedCount: r.processedCount,
    totalCount: r.totalCount,
    createdAt: r.createdAt.toISOString(),
    tab: (r.scope as { statut?: string } | null)?.statut ?? "tous",
  }));
}
