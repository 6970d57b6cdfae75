/** /dossiers/invites, « Invité »: the dossiers other usagers shared with the signed-in user. */
import { DsfrTable } from "../../components/dsfr/table";
import { listInvitedDossiers } from "../../../server/queries/usager/partage";
import { DossierStateBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossiers-invites";
import { MesDossiersTabs, NoSearchResult, useFiltered } from "./mes-dossiers-tabs";
import { mesDossiersFilter } from "./mes-dossiers.server";
import { formatDateTime, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["dossiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const { locale } = requestState(context);
  const rows = await listInvitedDossiers(services(context).db, user.id, mesDossiersFilter(new URL(request.url)).filter);
  return {
    left: new URL(request.url).searchParams.get("notice") === "quitte",
    dossiers: rows.map((d) => ({
      id: d.id,
      state: d.state,
      demarcheLibelle: d.demarcheLibelle,
      ownerEmail: d.ownerEmail ?? "",
      updatedAt: formatDateTime(d.updatedAt, locale),
    })),
  };
}

export default function DossiersInvites({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const filtered = useFiltered();
  return (
    <>
      <title>{t("usager.pageTitle", { title: t("usager.partage.invites.title") })}</title>
      <h1>{t("usager.mesDossiers.title")}</h1>
      <MesDossiersTabs current="invites" />
      <h2>{t("usager.partage.invites.title")}</h2>
      {loaderData.left ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("usager.partage.notices.quitte")}</p>
        </div>
      ) : null}
      {loaderData.dossiers.length === 0 ? (
        filtered ? (
          <NoSearchResult />
        ) : (
          <p>{t("usager.partage.invites.empty")}</p>
        )
      ) : (
        <DsfrTable
          caption={t("usager.partage.invites.title")}
          captionHidden
          columns={[
            t("usager.mesDossiers.number"),
            t("usager.mesDossiers.demarche"),
            t("usager.partage.invites.owner"),
            t("usager.mesDossiers.state"),
            t("usager.mesDossiers.updatedAt"),
            t("usager.mesDossiers.action"),
          ]}
        >
          <tbody>
            {loaderData.dossiers.map((dossier) => (
              <tr key={dossier.id}>
                <td>{dossier.id}</td>
                <td>{dossier.demarcheLibelle}</td>
                <td>{dossier.ownerEmail}</td>
                <td>
                  <DossierStateBadge state={dossier.state} small />
                </td>
                <td>{dossier.updatedAt}</td>
                <td>
                  <a
                    className="fr-link"
                    href={dossier.state === "brouillon" ? `/dossiers/${dossier.id}/brouillon` : `/dossiers/${dossier.id}`}
                  >
                    {t("usager.mesDossiers.view")}
                    <span className="fr-sr-only"> {t("usager.mesDossiers.actionSrOnly", { number: dossier.id })}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
    </>
  );
}
