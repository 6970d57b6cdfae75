/**
 * Platform-wide public statistics (`/stats`, as the reference's): démarches published, dossiers
 * created, submitted and processed, the acceptance rate, and submissions and decisions per month.
 * Read from the statistics rollup and computed at most once an hour per process.
 */
import { parisDate } from "../../../server/queries/demarche-statistics";
import { platformStatistics } from "../../../server/queries/platform-statistics";
import { cachedStatistics, PUBLIC_STATS_TTL_MS } from "../../../server/queries/statistics-cache";
import { BarChart, CHART_COLORS, DataTable } from "../../components/stats/charts";
import { statFormatters } from "../../components/stats/demarche-statistics";
import { useLocale, useT } from "../../lib/i18n";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/stats";

export const handle = { i18n: ["statistiques"] };

export async function loader({ context }: Route.LoaderArgs) {
  const { db } = services(context);
  const now = new Date();
  return {
    stats: await cachedStatistics(db, `platform:${parisDate(now)}`, PUBLIC_STATS_TTL_MS, () => platformStatistics(db, now)),
  };
}

export default function PlatformStats({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = statFormatters(useLocale());
  const { stats } = loaderData;
  const figures = [
    { key: "demarches", label: t("statistiques.platform.demarches"), value: f.number(stats.demarchesPubliees) },
    { key: "tous", label: t("statistiques.platform.tous"), value: f.number(stats.dossiers.tous) },
    { key: "deposes", label: t("statistiques.platform.deposes"), value: f.number(stats.dossiers.deposes) },
    { key: "traites", label: t("statistiques.platform.traites"), value: f.number(stats.dossiers.traites) },
    {
      key: "acceptance",
      label: t("statistiques.platform.acceptance"),
      value: t("statistiques.table.percent", { value: f.decimal(stats.acceptanceRate) }),
    },
  ];
  const months = stats.byMonth.map((m) => f.month(m.month));
  return (
    <>
      <title>{`${t("statistiques.platform.title")} – Guichet`}</title>
      <h1>{t("statistiques.platform.title")}</h1>
      <p>{t("statistiques.platform.lead", { date: f.date(stats.today) })}</p>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
        {figures.map((figure) => (
          <li key={figure.key} className="fr-col-12 fr-col-sm-6 fr-col-md-4">
            <div className="fr-tile fr-tile--no-icon">
              <div className="fr-tile__body">
                <p className="fr-tile__desc fr-mb-1w">{figure.label}</p>
                <p className="fr-h3 fr-m-0" data-figure={figure.key}>
                  {figure.value}
                </p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <section aria-labelledby="stats-platform-months">
        <h2 id="stats-platform-months">{t("statistiques.platform.byMonth")}</h2>
        <BarChart
          title={t("statistiques.platform.byMonth")}
          desc={t("statistiques.platform.byMonthDesc")}
          categories={months}
          series={[
            {
              key: "deposes",
              label: t("statistiques.platform.deposes"),
              color: CHART_COLORS.primary,
              values: stats.byMonth.map((m) => m.deposes),
            },
            {
              key: "traites",
              label: t("statistiques.platform.traites"),
              color: CHART_COLORS.success,
              values: stats.byMonth.map((m) => m.traites),
            },
          ]}
          format={f.number}
        />
        <DataTable
          summary={t("statistiques.table.show")}
          caption={t("statistiques.platform.byMonth")}
          head={[t("statistiques.platform.month"), t("statistiques.platform.deposes"), t("statistiques.platform.traites")]}
          rows={stats.byMonth.map((m) => [f.month(m.month), f.number(m.deposes), f.number(m.traites)])}
        />
      </section>
    </>
  );
}
