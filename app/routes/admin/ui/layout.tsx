/**
 * Building blocks shared by the administrateur's pages, in plain DSFR markup: breadcrumb, page
 * title, state badge, error summary and notices.
 */
import type { TranslationKey, TranslationParams } from "../../../../common/i18n";
import { useLocale, useT } from "../../../lib/i18n";

import type { DemarcheState } from "../../../../server/domain/demarches/states";

export type { DemarcheState };

export interface Crumb {
  label: string;
  href: string;
}

/** DSFR breadcrumb: Accueil › Mes démarches › … › current page (the dashboard itself: Accueil › Mes démarches). */
export function Breadcrumb({
  segments = [],
  current,
  dashboard = false,
}: {
  segments?: Crumb[];
  current: string;
  dashboard?: boolean;
}) {
  const t = useT();
  const all: Crumb[] = [
    { label: t("admin.breadcrumb.home"), href: "/" },
    ...(dashboard ? [] : [{ label: t("admin.breadcrumb.procedures"), href: "/admin/procedures" }]),
    ...segments,
  ];
  return (
    <nav className="fr-breadcrumb" aria-label={t("admin.breadcrumb.label")}>
      <button type="button" className="fr-breadcrumb__button" aria-expanded="false" aria-controls="admin-breadcrumb">
        {t("admin.breadcrumb.show")}
      </button>
      <div className="fr-collapse" id="admin-breadcrumb">
        <ol className="fr-breadcrumb__list">
          {all.map((crumb) => (
            <li key={crumb.href}>
              <a className="fr-breadcrumb__link" href={crumb.href}>
                {crumb.label}
              </a>
            </li>
          ))}
          <li>
            {/* biome-ignore lint/a11y/useValidAnchor: DSFR's breadcrumb marks the current page as a link without href. */}
            <a className="fr-breadcrumb__link" aria-current="page">
              {current}
            </a>
          </li>
        </ol>
      </div>
    </nav>
  );
}

/** The breadcrumb segment of a démarche's overview, for its sub-pages. */
export function demarcheCrumb(demarche: { id: number; libelle: string }): Crumb {
  return { label: demarche.libelle, href: `/admin/procedures/${demarche.id}` };
}

/** `<title>`: "Erreur – " first when the page shows a form error (screen readers announce it on load). */
export function PageTitle({ title, error = false }: { title: string; error?: boolean }) {
  const t = useT();
  return <title>{`${error ? `${t("admin.errorTitlePrefix")} – ` : ""}${title} – ${t("common.appName")}`}</title>;
}

const BADGE_CLASS: Record<DemarcheState, string> = {
  brouillon: "fr-badge--new",
  publiee: "fr-badge--success",
  close: "fr-badge--warning",
  depubliee: "fr-badge--info",
};

export function StateBadge({ state, small = false }: { state: DemarcheState; small?: boolean }) {
  const t = useT();
  return <p className={`fr-badge ${BADGE_CLASS[state]}${small ? " fr-badge--sm" : ""}`}>{t(`admin.states.${state}`)}</p>;
}

export interface SummaryError {
  /** id of the field to focus (the link target). */
  fieldId: string;
  label: string;
  message: string;
}

/** Errors of a form, at its top, each a link to its field. */
export function ErrorSummary({ errors, id = "error-summary" }: { errors: SummaryError[]; id?: string }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" id={id} tabIndex={-1}>
      <h2 className="fr-alert__title">{t("admin.errorSummaryTitle")}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`}>{error.label ? `${error.label} : ${error.message}` : error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({
  kind,
  title,
  children,
}: {
  kind: "success" | "info" | "error" | "warning";
  title?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={`fr-alert fr-alert--${kind} fr-mb-4w`} role={kind === "error" ? "alert" : "status"}>
      {title ? <h2 className="fr-alert__title">{title}</h2> : null}
      {children}
    </div>
  );
}

/** Dates as people read them, in Paris time (same text on the server and in the browser). */
export function useFormatDate() {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "Europe/Paris" });
  return (value: Date | string | null | undefined) => (value ? format.format(new Date(value)) : "");
}

export function useFormatNumber() {
  const locale = useLocale();
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  return (value: number) => format.format(value);
}

/** Translates a key computed at run time (error codes sent by the server); numbers are formatted. */
export function useDynamicT() {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (key: string, params?: TranslationParams) =>
    t(
      key as TranslationKey,
      params &&
        Object.fromEntries(
          Object.entries(params).map(([name, value]) => [name, typeof value === "number" ? formatNumber(value) : value]),
        ),
    );
}
