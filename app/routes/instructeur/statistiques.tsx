/**
 * A démarche's statistics for its instructeurs (`/procedures/:id/statistiques`): charts rendered on
 * the server with their data tables. Another instructeur's démarche is a 404.
 */
import { demarcheStatistics } from "../../../server/queries/demarche-statistics";
import { findInstructeurDemarche } from "../../../server/queries/instructeur/demarches";
import { DemarcheStatisticsView, statFormatters } from "../../components/stats/demarche-statistics";
import { useLocale, useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import type { Route } from "./+types/statistiques";

export const handle = { i18n: ["instructeur", "statistiques"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const demarche = await findInstructeurDemarche(db, instructeur.instructeurId, idParam(params.id));
  return { demarche, stats: await demarcheStatistics(db, demarche.id, new Date(), { cacheRecent: true }) };
}

export default function InstructeurStatistiques({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = statFormatters(useLocale());
  const { demarche, stats } = loaderData;
  return (
    <>
      <title>{t("instructeur.pageTitle", { title: t("statistiques.pageTitle", { libelle: demarche.libelle }) })}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
          {t("statistiques.back")}
        </a>
      </p>
      <h1>{t("statistiques.pageTitle", { libelle: demarche.libelle })}</h1>
      <p>{t("statistiques.lead", { date: f.date(stats.today) })}</p>
      <DemarcheStatisticsView stats={stats} />
    </>
  );
}
