import { listAdministrateurDemarches } from "../../../server/queries/admin/demarches";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/procedures";
import { Breadcrumb, PageTitle, StateBadge, useFormatDate, useFormatNumber } from "./ui/layout";
import { DsfrTable } from "../../components/dsfr/table";

/** Tabs of the dashboard, as the reference: en test, publiées, closes (dépubliées go with closes). */
const TABS = ["en-test", "publiees", "closes"] as const;
type Tab = (typeof TABS)[number];

function tabOf(state: string): Tab {
  return state === "brouillon" ? "en-test" : state === "publiee" ? "publiees" : "closes";
}

export const handle = { i18n: ["admin", "champs", "fichiers", "cycle", "presentation"] };

export async function loader({ context, request }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const demarches = await listAdministrateurDemarches(services(context).db, admin.administrateurId);
  const counts = { "en-test": 0, publiees: 0, closes: 0 } satisfies Record<Tab, number>;
  for (const d of demarches) counts[tabOf(d.state)]++;
  // Démarches in the corbeille are listed there (/admin/procedures/corbeille), not in the tabs.
  const requested = new URL(request.url).searchParams.get("statut");
  // Without a choice: the first tab that has something, published first like the reference.
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? "")
    ? (requested as Tab)
    : ((["publiees", "en-test", "closes"] as const).find((t) => counts[t] > 0) ?? "publiees");
  return { tab, counts, demarches: demarches.filter((d) => tabOf(d.state) === tab) };
}

export default function Procedures({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const { tab, counts, demarches } = loaderData;
  const tabLabel = (name: Tab) => t(`admin.dashboard.tabs.${name}`);
  const dateColumn = tab === "en-test" ? "createdAt" : tab === "publiees" ? "publishedAt" : "closedAt";
  return (
    <>
      <PageTitle title={`${t("admin.dashboard.title")} (${tabLabel(tab)})`} />
      <Breadcrumb current={t("admin.breadcrumb.procedures")} dashboard />
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-mb-2w">
        <div className="fr-col">
          <h1 className="fr-mb-0">{t("admin.dashboard.title")}</h1>
        </div>
        <div className="fr-col-12 fr-col-md-auto">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-0">
            <li>
              <a className="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/procedures/new">
                {t("admin.dashboard.create")}
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="/admin/modeles">
                {t("cycle.links.modeles")}
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="/admin/services">
                {t("presentation.service.listTitle")}
              </a>
            </li>
          </ul>
        </div>
      </div>
      <nav aria-label={t("admin.dashboard.tabsLabel")} className="fr-mb-3w">
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {TABS.map((name) => (
            <li key={name}>
              <a
                className={`fr-btn${name === tab ? "" : " fr-btn--secondary"}`}
                href={`/admin/procedures?statut=${name}`}
                aria-current={name === tab ? "page" : undefined}
              >
                {t("admin.dashboard.tabWithCount", { label: tabLabel(name), count: formatNumber(counts[name]) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a className="fr-link fr-mr-3w" href="/admin/procedures/toutes">
          {t("cycle.links.toutes")}
        </a>
        <a className="fr-link fr-icon-delete-line fr-link--icon-left" href="/admin/procedures/corbeille">
          {t("cycle.links.corbeille")}
        </a>
      </p>
      {demarches.length === 0 ? (
        <p>{t(`admin.dashboard.empty.${tab}`)}</p>
      ) : (
        <DsfrTable caption={t("admin.dashboard.caption", { label: tabLabel(tab) })} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("admin.dashboard.columns.number")}</th>
              <th scope="col">{t("admin.dashboard.columns.libelle")}</th>
              <th scope="col">{t("admin.dashboard.columns.state")}</th>
              <th scope="col">{t("admin.dashboard.columns.dossiers")}</th>
              <th scope="col">{t(`admin.dashboard.columns.${dateColumn}`)}</th>
            </tr>
          </thead>
          <tbody>
            {demarches.map((d) => (
              <tr key={d.id}>
                <td>{d.id}</td>
                <th scope="row">
                  <a href={`/admin/procedures/${d.id}`}>{d.libelle}</a>
                </th>
                <td>
                  <StateBadge state={d.state} small />
                </td>
                <td>{formatNumber(d.dossiersCount)}</td>
                <td>{formatDate(d[dateColumn])}</td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
    </>
  );
}
