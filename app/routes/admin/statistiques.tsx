/**
 * A démarche's statistics for its administrateurs (`/admin/procedures/:id/statistiques`), the same
 * charts and tables as the instructeurs'. Another administrateur's démarche is a 404.
 */
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { demarcheStatistics } from "../../../server/queries/demarche-statistics";
import { DemarcheStatisticsView, statFormatters } from "../../components/stats/demarche-statistics";
import { useLocale, useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/statistiques";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "statistiques"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheIdOf(params));
  return {
    demarche: {
      id: demarche.id,
      libelle: demarche.libelle,
      path: demarche.path,
      state: demarche.state,
      opendata: demarche.opendata,
    },
    stats: await demarcheStatistics(db, demarche.id, new Date(), { cacheRecent: true }),
  };
}

export default function AdminStatistiques({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = statFormatters(useLocale());
  const { demarche, stats } = loaderData;
  const title = t("statistiques.pageTitle", { libelle: demarche.libelle });
  const isPublic = demarche.opendata && demarche.state !== "brouillon" && demarche.path;
  return (
    <>
      <PageTitle title={title} />
      <Breadcrumb
        segments={[{ label: demarche.libelle, href: `/admin/procedures/${demarche.id}` }]}
        current={t("statistiques.title")}
      />
      <h1>{title}</h1>
      <p>{t("statistiques.lead", { date: f.date(stats.today) })}</p>
      {isPublic ? (
        <p>
          <a className="fr-link" href={`/statistiques/${demarche.path}`}>
            {`/statistiques/${demarche.path}`}
          </a>
          {" · "}
          <a className="fr-link" href={`/api/public/v1/demarches/${demarche.id}/stats`}>
            {t("statistiques.apiLink")}
          </a>
        </p>
      ) : null}
      <DemarcheStatisticsView stats={stats} />
    </>
  );
}
