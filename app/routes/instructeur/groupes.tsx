/**
 * « Mes groupes » of a démarche (instructeur), when its administrateurs allow self-management: the
 * instructeur's own groupes, each leading to its instructeurs. Otherwise 404.
 */
import { listManagedGroupes } from "../../../server/queries/instructeur/managed-groupes";
import { useT, useTn } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import type { Route } from "./+types/groupes";
import { PageTitle, useFormatNumber } from "../admin/ui/layout";

export const handle = { i18n: ["admin", "groupes"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  return listManagedGroupes(services(context).db, instructeur.instructeurId, idParam(params.id));
}

export default function ManagedGroupes({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const formatNumber = useFormatNumber();
  const { demarche, groupes } = loaderData;
  const title = t("groupes.self.title");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} />
      <p className="fr-mt-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
          {demarche.libelle}
        </a>
      </p>
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("groupes.self.lead")}</p>
      <ul>
        {groupes.map((g) => (
          <li key={g.id}>
            <a href={`/procedures/${demarche.id}/groupes/${g.id}`}>{g.label}</a>
            {g.closed ? ` (${t("groupes.closedBadge")})` : ""} —{" "}
            {tn("groupes.groupe.instructeursTitle", g.instructeurs, { count: formatNumber(g.instructeurs) })}
          </li>
        ))}
      </ul>
    </>
  );
}
