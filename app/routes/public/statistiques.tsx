/**
 * Public statistics of a published opendata démarche (`/statistiques/:path`), the data of
 * `GET /api/public/v1/demarches/:id/stats` as charts and tables. Other démarches: 404.
 */
import { demarcheStatistics, findOpendataDemarche, parisDate } from "../../../server/queries/demarche-statistics";
import { cachedStatistics, PUBLIC_STATS_TTL_MS } from "../../../server/queries/statistics-cache";
import { DemarcheStatisticsView, statFormatters } from "../../components/stats/demarche-statistics";
import { useLocale, useT } from "../../lib/i18n";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/statistiques";

export const handle = { i18n: ["statistiques"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const demarche = await findOpendataDemarche(db, { path: String(params.path ?? "").slice(0, 200) });
  const now = new Date();
  const stats = await cachedStatistics(db, `page:${demarche.id}:${parisDate(now)}`, PUBLIC_STATS_TTL_MS, () =>
    demarcheStatistics(db, demarche.id, now, { cacheRecent: true }),
  );
  return { demarche, stats };
}

export default function PublicStatistiques({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = statFormatters(useLocale());
  const { demarche, stats } = loaderData;
  const title = t("statistiques.pageTitle", { libelle: demarche.libelle });
  return (
    <>
      <title>{`${title} – Guichet`}</title>
      <h1>{title}</h1>
      <p>{t("statistiques.publicLead", { libelle: demarche.libelle, date: f.date(stats.today) })}</p>
      <p>
        <a className="fr-link" href={`/api/public/v1/demarches/${demarche.id}/stats`}>
          {t("statistiques.apiLink")}
        </a>
      </p>
      <DemarcheStatisticsView stats={stats} />
    </>
  );
}
