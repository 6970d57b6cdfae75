/**
 * The instructeur's dossier list of one démarche (page `procedure.tsx`): tabs with counters, search,
 * typed filters shown as removable chips, the instructeur's columns, sortable headers, keyset
 * pagination. Every control is a link or a plain form (GET for search and filters, POST for the
 * saved columns): all of it works without JavaScript. Tables scroll horizontally on small screens.
 */
import { LabelTags, type LabelTagView } from "../../components/notifications/label-tags";
import { NotificationBadges } from "../../components/notifications/notification-badges";
import type { NotificationType } from "../../../server/domain/notifications/notifications";
import { Form, useLocation } from "react-router";
import { useHydrated } from "../../lib/use-hydrated";
import { BatchActionBar, type BatchFormState, BatchReports, type BatchReportView } from "./batch-panel";
import type { TranslationKey } from "../../../common/i18n";
import type { DossierState } from "../../../server/domain/dossier/states";
import { OPERATORS_BY_TYPE, type FilterOperator } from "../../../server/domain/instructeur-list/filters";
import { INSTRUCTEUR_TABS, type InstructeurTab, type TabCounters } from "../../../server/domain/instructeur-list/tabs";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import { listHref, type ListUrlState } from "./list-url";
import { DossierStateBadge, useDemandeurName } from "./ui";
import { ExportForm, ExportList, ExportReadyBadge, type ExportTemplateChoice, type ExportView } from "./exports-ui";

interface ColumnView {
  id: string;
  label: string;
  type: "text" | "number" | "date" | "boolean" | "enum";
  options: string[] | null;
  sortable: boolean;
}

export interface DossierListData {
  demarche: { id: number; libelle: string; state: string; instructeursSelfManagement?: boolean };
  tab: InstructeurTab;
  url: ListUrlState;
  paged: boolean;
  counters: TabCounters;
  available: ColumnView[];
  displayed: ColumnView[];
  dropped: string[];
  sort: { column: string; label: string; order: "asc" | "desc" };
  sortRefused: boolean;
  filters: Array<{ param: string; column: string; operator: FilterOperator; value: string }>;
  refusals: Array<{ code: string; params: Record<string, string> }>;
  added: {
    column: string | null;
    operator: string;
    value: string;
    refusal: { code: string; params: Record<string, string> };
  } | null;
  rows: Array<{
    id: number;
    state: string;
    civilite: string | null;
    nom: string | null;
    prenom: string | null;
    cells: Record<string, string | null>;
    labels: LabelTagView[];
    badges: NotificationType[];
    avis: { asked: number; answered: number };
    waiting: Array<"attente_correction" | "attente_avis">;
  }>;
  /** The sort menu: notifications first, then every sortable column. */
  sortChoices: Array<{ id: string; label: string }>;
  previousCursor: string | null;
  nextCursor: string | null;
  saved: boolean;
  batches: BatchReportView[];
  batchCreated: boolean;
  batchDismissed: boolean;
  /** The dossier this instructeur just entrusted to a groupe they are not in (it left the list). */
  movedAway: number | null;
  demarcheLabels: Array<{ id: number; name: string }>;
  exports: ExportView[];
  exportTemplates: ExportTemplateChoice[];
  locale: string;
}

const ALL_OPERATORS = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())];

function HiddenState({ url, without = [] }: { url: ListUrlState; without?: Array<keyof ListUrlState> }) {
  return (
    <>
      {url.statut && !without.includes("statut") ? <input type="hidden" name="statut" value={url.statut} /> : null}
      {url.q && !without.includes("q") ? <input type="hidden" name="q" value={url.q} /> : null}
      {without.includes("filtres") ? null : url.filtres.map((f) => <input key={f} type="hidden" name="filtre" value={f} />)}
      {url.tri && !without.includes("tri") ? <input type="hidden" name="tri" value={url.tri} /> : null}
      {url.ordre && !without.includes("ordre") ? <input type="hidden" name="ordre" value={url.ordre} /> : null}
    </>
  );
}

export function DossierList({
  data,
  columnsAction,
  batchAction,
}: {
  data: DossierListData;
  columnsAction: { columnsRefusal: { code: string; params: Record<string, string | number> } | null; posted: string[] } | null;
  batchAction: BatchFormState | null;
}) {
  const t = useT();
  const tn = useTn();
  const demandeur = useDemandeurName();
  const { demarche, tab, counters, url, rows, displayed, sort } = data;
  const tabLabel = t(`instructeur.tabs.${tab}`);
  const href = (changes: Partial<ListUrlState> & { cursor?: string } = {}) => listHref(demarche.id, url, changes);
  const chosen = new Set(columnsAction ? columnsAction.posted : displayed.map((c) => c.id));
  const cell = (column: ColumnView, row: DossierListData["rows"][number]) => {
    if (column.id === "individual/identite") {
      return (
        demandeur({ civilite: row.civilite as "M." | "Mme" | null, nom: row.nom, prenom: row.prenom }) ||
        t("instructeur.notFilled")
      );
    }
    if (column.id === "self/state") {
      return (
        <>
          <DossierStateBadge state={row.state as DossierState} />
          {row.waiting.map((w) => (
            <p
              key={w}
              className={`fr-badge fr-badge--sm fr-badge--no-icon fr-mt-1v ${w === "attente_correction" ? "fr-badge--warning" : "fr-badge--info"}`}
              data-waiting={w}
            >
              {t(`liste.waiting.${w}`)}
            </p>
          ))}
        </>
      );
    }
    if (column.id === "labels/label_id") return <LabelTags labels={row.labels} />;
    if (column.id === "avis/answers") {
      if (row.avis.asked === 0) return "";
      return (
        <>
          <span aria-hidden="true">{row.cells[column.id]}</span>
          <span className="fr-sr-only">
            {tn("liste.avisCell", row.avis.asked, { answered: row.avis.answered, asked: row.avis.asked })}
          </span>
        </>
      );
    }
    return row.cells[column.id] ?? "";
  };
  const labelsAsColumn = displayed.some((c) => c.id === "labels/label_id");
  const location = useLocation();
  const hydrated = useHydrated();
  const pageSelected = new URLSearchParams(location.search).get("selection") === "page";
  const checked = new Set(batchAction?.values.dossierIds ?? (pageSelected ? rows.map((r) => r.id) : []));
  const selectPageHref = `${location.pathname}?${(() => {
    const query = new URLSearchParams(location.search);
    query.set("selection", "page");
    return query.toString();
  })()}`;
  const refusalText = (r: { code: string; params: Record<string, string> }) =>
    t(`liste.filters.refusals.${r.code}` as TranslationKey, r.params);
  return (
    <>
      <title>{t("instructeur.pageTitle", { title: `${tabLabel} · ${demarche.libelle}` })}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/procedures">
          {t("instructeur.procedure.backToList")}
        </a>
      </p>
      <h1>{demarche.libelle}</h1>
      <p>
        {t("instructeur.demarcheNumber", { number: demarche.id })}
        {demarche.state !== "publiee" ? ` · ${t(`instructeur.demarcheStates.${demarche.state}` as TranslationKey)}` : ""}
        {" · "}
        <a className="fr-link fr-icon-bar-chart-box-line fr-link--icon-left" href={`/procedures/${demarche.id}/statistiques`}>
          {t("instructeur.procedure.statistics")}
        </a>
        {" · "}
        <a className="fr-link fr-icon-archive-line fr-link--icon-left" href={`/procedures/${demarche.id}/archives`}>
          {t("instructeur.procedure.archives")}
        </a>
        {demarche.instructeursSelfManagement ? (
          <>
            {" · "}
            <a className="fr-link fr-icon-team-line fr-link--icon-left" href={`/procedures/${demarche.id}/groupes`}>
              {t("groupes.self.link")}
            </a>
          </>
        ) : null}
      </p>
      <section className="fr-mb-3w" aria-labelledby="exports-title" data-testid="exports-section">
        <details>
          <summary className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" id="exports-title">
            {t("exports.menu")}
          </summary>
          <div className="fr-p-2w">
            <ExportForm demarcheId={demarche.id} url={url} tab={tab} templates={data.exportTemplates} />
          </div>
        </details>
        <ExportReadyBadge exports={data.exports} />
        {data.exports.length > 0 ? (
          <div className="fr-mt-2w">
            <ExportList demarcheId={demarche.id} exports={data.exports} locale={data.locale} />
            <a className="fr-link fr-text--sm" href={`/procedures/${demarche.id}/exports`}>
              {t("exports.list.title")}
            </a>
          </div>
        ) : null}
      </section>

      {data.batchCreated ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status" data-testid="batch-created">
          <p>{t("liste.batch.created")}</p>
        </div>
      ) : null}
      {data.movedAway !== null ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t("groupes.instructeur.movedAway", { number: data.movedAway })}</p>
        </div>
      ) : null}
      {data.batchDismissed ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" role="status">
          <p>{t("liste.batch.dismissed")}</p>
        </div>
      ) : null}
      <BatchReports batches={data.batches} refreshHref={`${location.pathname}${location.search}`} />
      {data.saved ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t("liste.display.saved")}</p>
        </div>
      ) : null}
      {data.dropped.length > 0 ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="status" data-testid="dropped-columns">
          <p>{tn("liste.display.dropped", data.dropped.length, { columns: data.dropped.join(", ") })}</p>
        </div>
      ) : null}
      {data.sortRefused ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="status">
          <p>{t("liste.sort.refused")}</p>
        </div>
      ) : null}
      {data.refusals.length > 0 ? (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert" data-testid="filter-refusals">
          <p>{t("liste.filters.refused")}</p>
          <ul>
            {data.refusals.map((r) => (
              <li key={`${r.code}-${JSON.stringify(r.params)}`}>{refusalText(r)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <nav className="fr-tabs fr-mb-3w" aria-label={t("instructeur.procedure.tabsLabel")}>
        <ul className="fr-tabs__list">
          {INSTRUCTEUR_TABS.map((item) => (
            <li key={item}>
              <a
                className="fr-tabs__tab"
                href={listHref(demarche.id, { ...url, statut: item })}
                aria-current={item === tab ? "page" : undefined}
              >
                {t(`instructeur.tabs.${item}`)}&nbsp;
                <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-ml-1v">{counters[item]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action={`/procedures/${demarche.id}`} className="fr-mb-3w">
        <HiddenState url={url} without={["q"]} />
        <div className="fr-search-bar" id="recherche-dossiers">
          <label className="fr-label" htmlFor="recherche-q">
            {t("liste.search.label")}
            <span className="fr-hint-text">{t("liste.search.hint")}</span>
          </label>
          <input
            className="fr-input"
            type="search"
            id="recherche-q"
            name="q"
            defaultValue={url.q}
            maxLength={200}
            placeholder={t("liste.search.submit")}
          />
          <button type="submit" className="fr-btn" title={t("liste.search.submit")}>
            {t("liste.search.submit")}
          </button>
        </div>
        {url.q ? (
          <p className="fr-mt-1w">
            <a className="fr-link" href={href({ q: "" })}>
              {t("liste.search.clear")}
            </a>
          </p>
        ) : null}
      </form>

      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <details className="instructeur-list__panel" open={data.added !== null}>
            <summary className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-filter-line fr-btn--icon-left">
              {t("liste.filters.title")}
            </summary>
            <form method="get" action={`/procedures/${demarche.id}`} className="fr-mt-2w" noValidate>
              <HiddenState url={url} />
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="ajout-colonne">
                  {t("liste.filters.column")}
                </label>
                <select className="fr-select" id="ajout-colonne" name="ajout_colonne" defaultValue={data.added?.column ?? ""}>
                  {data.available.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="ajout-operateur">
                  {t("liste.filters.operator")}
                </label>
                <select
                  className="fr-select"
                  id="ajout-operateur"
                  name="ajout_operateur"
                  defaultValue={data.added?.operator ?? "contains"}
                >
                  {ALL_OPERATORS.map((op) => (
                    <option key={op} value={op}>
                      {t(`liste.filters.operators.${op}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className={`fr-input-group${data.added ? " fr-input-group--error" : ""}`}>
                <label className="fr-label" htmlFor="ajout-valeur">
                  {t("liste.filters.value")}
                  <span className="fr-hint-text" id="ajout-valeur-hint">
                    {t("liste.filters.valueHint")}
                  </span>
                </label>
                <input
                  className={`fr-input${data.added ? " fr-input--error" : ""}`}
                  id="ajout-valeur"
                  name="ajout_valeur"
                  defaultValue={data.added?.value ?? ""}
                  aria-describedby={data.added ? "ajout-valeur-hint ajout-valeur-error" : "ajout-valeur-hint"}
                />
                {data.added ? (
                  <p className="fr-error-text" id="ajout-valeur-error">
                    {refusalText(data.added.refusal)}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="fr-btn fr-btn--sm">
                {t("liste.filters.add")}
              </button>
            </form>
          </details>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <details className="instructeur-list__panel" open={columnsAction !== null}>
            <summary className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-settings-5-line fr-btn--icon-left">
              {t("liste.display.title")}
            </summary>
            <Form method="post" action={href({})} className="fr-mt-2w">
              <CsrfInput />
              <fieldset
                className={`fr-fieldset${columnsAction?.columnsRefusal ? " fr-fieldset--error" : ""}`}
                aria-labelledby={columnsAction?.columnsRefusal ? "colonnes-legend colonnes-error" : "colonnes-legend"}
              >
                <legend className="fr-fieldset__legend fr-text--regular" id="colonnes-legend">
                  {t("liste.display.legend")}
                </legend>
                {data.available.map((c) => (
                  <div className="fr-fieldset__element" key={c.id}>
                    <div className="fr-checkbox-group fr-checkbox-group--sm">
                      <input
                        type="checkbox"
                        id={`colonne-${c.id}`}
                        name="colonnes"
                        value={c.id}
                        defaultChecked={chosen.has(c.id)}
                      />
                      <label className="fr-label" htmlFor={`colonne-${c.id}`}>
                        {c.label}
                      </label>
                    </div>
                  </div>
                ))}
                {columnsAction?.columnsRefusal ? (
                  <div className="fr-messages-group" aria-live="polite">
                    <p className="fr-message fr-message--error" id="colonnes-error">
                      {t(
                        `liste.columnRefusals.${columnsAction.columnsRefusal.code}` as TranslationKey,
                        columnsAction.columnsRefusal.params,
                      )}
                    </p>
                  </div>
                ) : null}
              </fieldset>
              <button type="submit" className="fr-btn fr-btn--sm">
                {t("liste.display.submit")}
              </button>
            </Form>
          </details>
        </div>
      </div>

      <form
        method="get"
        action={`/procedures/${demarche.id}`}
        className="fr-mb-2w instructeur-list__sort"
        data-testid="sort-menu"
      >
        <HiddenState url={url} without={["tri", "ordre"]} />
        <div className="fr-select-group">
          <label className="fr-label" htmlFor="tri-colonne">
            {t("liste.sort.menu")}
          </label>
          <select className="fr-select" id="tri-colonne" name="tri" defaultValue={sort.column}>
            {data.sortChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="fr-select-group">
          <label className="fr-label" htmlFor="tri-ordre">
            {t("liste.sort.order")}
          </label>
          <select className="fr-select" id="tri-ordre" name="ordre" defaultValue={sort.order}>
            <option value="desc">{t("liste.sort.desc")}</option>
            <option value="asc">{t("liste.sort.asc")}</option>
          </select>
        </div>
        <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
          {t("liste.sort.apply")}
        </button>
      </form>

      {data.filters.length > 0 ? (
        <section aria-labelledby="filtres-actifs" className="fr-mb-2w">
          <h2 id="filtres-actifs" className="fr-text--md fr-mb-1w">
            {t("liste.filters.active")}
          </h2>
          <ul className="fr-tags-group" data-testid="filter-chips">
            {data.filters.map((f) => {
              const text = `${f.column} ${t(`liste.filters.operators.${f.operator}`)}${f.value ? ` ${f.value}` : ""}`;
              return (
                <li key={f.param}>
                  <a
                    className="fr-tag fr-tag--sm fr-icon-close-line fr-tag--icon-left"
                    href={href({ filtres: url.filtres.filter((p) => p !== f.param) })}
                    aria-label={t("liste.filters.remove", { filter: text })}
                  >
                    {text}
                  </a>
                </li>
              );
            })}
            <li>
              <a className="fr-link fr-link--sm" href={href({ filtres: [] })}>
                {t("liste.filters.removeAll")}
              </a>
            </li>
          </ul>
        </section>
      ) : null}

      {rows.length === 0 ? (
        <>
          <p>
            {data.paged
              ? t("instructeur.procedure.emptyPage")
              : url.q || data.filters.length > 0
                ? t("liste.recherche.empty", { q: url.q || data.filters.map((f) => f.value).join(", ") })
                : t(`instructeur.procedure.empty.${tab}`)}
          </p>
          {data.paged ? (
            <p>
              <a href={href()}>{t("instructeur.procedure.firstPage")}</a>
            </p>
          ) : null}
        </>
      ) : (
        <Form
          method="post"
          action={href({})}
          id="lot-form"
          data-testid="batch-form"
          // Multipart for the decisions' justificatif (server/http/uploads/batch-form-uploads.ts).
          encType="multipart/form-data"
          // A new URL (the redirect after a batch starts) clears the ticked boxes; a refusal keeps them.
          key={location.search}
        >
          <CsrfInput />
          <BatchActionBar labels={data.demarcheLabels} state={batchAction} />
          <div className="fr-table fr-table--no-caption-top">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table>
                    <caption>
                      {t("instructeur.procedure.caption", { tab: tabLabel, count: counters[tab] })}
                      {" · "}
                      {t("liste.sort.caption", { column: sort.label, order: t(`liste.sort.${sort.order}`) })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" className="instructeur-list__select">
                          {hydrated ? (
                            <div className="fr-checkbox-group fr-checkbox-group--sm">
                              <input
                                type="checkbox"
                                id="lot-tout"
                                defaultChecked={pageSelected}
                                onChange={(event) => {
                                  const form = event.currentTarget.form;
                                  for (const box of form?.querySelectorAll<HTMLInputElement>('input[name="dossiers"]') ?? []) {
                                    box.checked = event.currentTarget.checked;
                                  }
                                }}
                              />
                              <label className="fr-label" htmlFor="lot-tout">
                                <span className="fr-sr-only">{t("liste.batch.selectPage")}</span>
                              </label>
                            </div>
                          ) : (
                            <a href={selectPageHref} className="fr-link fr-text--xs" data-testid="select-page">
                              {t("liste.batch.selectPage")}
                            </a>
                          )}
                        </th>
                        <SortHeader
                          column={{ id: "self/id", label: t("instructeur.procedure.number"), sortable: true }}
                          data={data}
                          href={href}
                        />
                        {displayed
                          .filter((c) => c.id !== "self/id")
                          .map((c) => (
                            <SortHeader key={c.id} column={c} data={data} href={href} />
                          ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.id} data-dossier-id={row.id}>
                          <td className="instructeur-list__select">
                            <div className="fr-checkbox-group fr-checkbox-group--sm">
                              <input
                                type="checkbox"
                                id={`lot-dossier-${row.id}`}
                                name="dossiers"
                                value={row.id}
                                defaultChecked={checked.has(row.id)}
                              />
                              <label className="fr-label" htmlFor={`lot-dossier-${row.id}`}>
                                <span className="fr-sr-only">{t("liste.batch.selectRow", { number: row.id })}</span>
                              </label>
                            </div>
                          </td>
                          <th scope="row">
                            <a
                              href={`/procedures/${demarche.id}/dossiers/${row.id}`}
                              aria-label={t("instructeur.procedure.dossierLink", { number: row.id })}
                            >
                              {row.id}
                            </a>
                            <NotificationBadges types={row.badges} />
                            {labelsAsColumn ? null : <LabelTags labels={row.labels} className="fr-mt-1v" />}
                          </th>
                          {displayed
                            .filter((c) => c.id !== "self/id")
                            .map((c) => (
                              <td key={c.id} data-column={c.id}>
                                {cell(c, row)}
                              </td>
                            ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </Form>
      )}

      {data.previousCursor || data.nextCursor ? (
        <nav className="fr-pagination" aria-label={t("instructeur.procedure.pagination")}>
          <ul className="fr-pagination__list">
            {data.previousCursor ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
                  href={href({ cursor: data.previousCursor })}
                  rel="prev"
                >
                  {t("instructeur.procedure.previous")}
                </a>
              </li>
            ) : null}
            {data.nextCursor ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
                  href={href({ cursor: data.nextCursor })}
                  rel="next"
                >
                  {t("instructeur.procedure.next")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

function SortHeader({
  column,
  data,
  href,
}: {
  column: { id: string; label: string; sortable: boolean };
  data: DossierListData;
  href: (changes: Partial<ListUrlState>) => string;
}) {
  const t = useT();
  const current = data.sort.column === column.id;
  if (!column.sortable) return <th scope="col">{column.label}</th>;
  const next = current && data.sort.order === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={current ? (data.sort.order === "asc" ? "ascending" : "descending") : undefined}>
      <a
        href={href({ tri: column.id, ordre: next })}
        title={t(next === "asc" ? "liste.sort.ascending" : "liste.sort.descending", { column: column.label })}
        data-sort-link={column.id}
      >
        {column.label}
        {current ? (data.sort.order === "asc" ? " ▲" : " ▼") : ""}
      </a>
    </th>
  );
}
