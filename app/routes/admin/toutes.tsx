/**
 * /admin/procedures/toutes: « Toutes les démarches », the platform's published and closed démarches
 * for administrateurs to find one to clone, with search, filters (administration, state) and pages.
 * A GET form: filters are in the URL (works without JavaScript, shareable).
 */
import { z } from "zod";
import { CATALOGUE_PAGE_SIZE, CATALOGUE_STATES } from "../../../server/domain/demarches/lifecycle";
import { listCatalogue } from "../../../server/queries/admin/lifecycle";
import { DsfrTable } from "../../components/dsfr/table";
import { InputField, SelectField } from "../../components/dsfr/fields";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/toutes";
import { Breadcrumb, PageTitle, StateBadge, useFormatDate } from "./ui/layout";

export const handle = { i18n: ["admin", "cycle"] };

const ZFilters = z.object({
  q: z.string().trim().max(200).catch(""),
  state: z.enum(CATALOGUE_STATES).nullable().catch(null),
  administration: z.string().trim().max(255).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  currentAdministrateur(context);
  const params = new URL(request.url).searchParams;
  const filters = ZFilters.parse({
    q: params.get("q") ?? "",
    state: params.get("state") || null,
    administration: params.get("administration") || null,
    page: params.get("page") ?? "1",
  });
  const result = await listCatalogue(services(context).db, filters);
  return { filters, ...result, pages: Math.max(1, Math.ceil(result.total / CATALOGUE_PAGE_SIZE)) };
}

export default function Toutes({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const formatDate = useFormatDate();
  const { filters, rows, total, pages, administrations } = loaderData;
  const title = t("cycle.catalogue.title");
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    if (filters.q) p.set("q", filters.q);
    if (filters.state) p.set("state", filters.state);
    if (filters.administration) p.set("administration", filters.administration);
    p.set("page", String(page));
    return `/admin/procedures/toutes?${p}`;
  };
  return (
    <>
      <PageTitle title={filters.page > 1 ? `${title} (${t("cycle.catalogue.pageOf", { page: filters.page, pages })})` : title} />
      <Breadcrumb current={title} />
      <h1>{title}</h1>
      <p>{t("cycle.catalogue.lead")}</p>
      <form method="get" action="/admin/procedures/toutes" className="fr-mb-4w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-5">
            <InputField id="q" name="q" type="search" label={t("cycle.catalogue.search")} defaultValue={filters.q} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              id="administration"
              name="administration"
              label={t("cycle.catalogue.administration")}
              hint={t("cycle.catalogue.administrationHint")}
              defaultValue={filters.administration ?? ""}
            >
              <option value="">{t("cycle.catalogue.all")}</option>
              {administrations.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField id="state" name="state" label={t("cycle.catalogue.state")} defaultValue={filters.state ?? ""}>
              <option value="">{t("cycle.catalogue.all")}</option>
              {CATALOGUE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.states.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        <button type="submit" className="fr-btn">
          {t("cycle.catalogue.submit")}
        </button>
      </form>
      <p role="status">{tn("cycle.catalogue.count", total)}</p>
      {rows.length === 0 ? null : (
        <DsfrTable caption={title} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("admin.dashboard.columns.number")}</th>
              <th scope="col">{t("admin.dashboard.columns.libelle")}</th>
              <th scope="col">{t("cycle.catalogue.administration")}</th>
              <th scope="col">{t("admin.dashboard.columns.state")}</th>
              <th scope="col">{t("admin.dashboard.columns.publishedAt")}</th>
              <th scope="col">{t("cycle.corbeille.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{d.id}</td>
                <th scope="row">
                  {d.state === "publiee" && d.path ? <a href={`/commencer/${d.path}`}>{d.libelle}</a> : d.libelle}
                </th>
                <td>{d.administration}</td>
                <td>
                  <StateBadge state={d.state} small />
                </td>
                <td>{formatDate(d.publishedAt)}</td>
                <td>
                  <a className="fr-btn fr-btn--sm fr-btn--secondary" href={`/admin/procedures/${d.id}/cloner`}>
                    {t("cycle.catalogue.clone")}
                    <span className="fr-sr-only"> {t("cycle.catalogue.cloneLabel", { libelle: d.libelle })}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
      {pages > 1 ? (
        <nav className="fr-pagination" aria-label={t("cycle.catalogue.pagination")}>
          <ul className="fr-pagination__list">
            {filters.page > 1 ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
                  href={pageHref(filters.page - 1)}
                >
                  {t("cycle.catalogue.previous")}
                </a>
              </li>
            ) : null}
            <li>
              <span className="fr-pagination__link" aria-current="page">
                {t("cycle.catalogue.pageOf", { page: filters.page, pages })}
              </span>
            </li>
            {filters.page < pages ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
                  href={pageHref(filters.page + 1)}
                >
                  {t("cycle.catalogue.next")}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
