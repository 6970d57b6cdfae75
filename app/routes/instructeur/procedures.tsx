import { listInstructeurDemarches } from "../../../server/queries/instructeur/demarches";
import { INSTRUCTEUR_TABS } from "../../../server/queries/instructeur/tabs";
import { useT, useTn } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/procedures";
import instructeurCss from "./instructeur.css?url";

export const handle = { i18n: ["instructeur", "notifications"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

/** The démarches the instructeur is assigned to, with the dossier count of each tab. */
export async function loader({ context }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarches = await listInstructeurDemarches(services(context).db, instructeur.instructeurId);
  return { demarches };
}

export default function Procedures({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const { demarches } = loaderData;
  return (
    <>
      <title>{t("instructeur.pageTitle", { title: t("instructeur.procedures.title") })}</title>
      <h1>{t("instructeur.procedures.title")}</h1>
      <p className="fr-text--lead">{t("instructeur.procedures.lead")}</p>
      <p>
        <a className="fr-link fr-icon-notification-3-line fr-link--icon-left" href="/procedures/notifications">
          {t("notifications.preferences.link")}
        </a>
      </p>
      {demarches.length === 0 ? (
        <p>{t("instructeur.procedures.empty")}</p>
      ) : (
        <div className="fr-table">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{t("instructeur.procedures.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("instructeur.procedures.demarche")}</th>
                      {INSTRUCTEUR_TABS.map((tab) => (
                        <th scope="col" key={tab} className="fr-cell--right">
                          {t(`instructeur.tabs.${tab}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {demarches.map((d) => (
                      <tr key={d.id} data-demarche-id={d.id}>
                        <th scope="row">
                          <a href={`/procedures/${d.id}`}>{d.libelle}</a>
                          <br />
                          <span className="fr-text--sm">
                            {t("instructeur.demarcheNumber", { number: d.id })}
                            {d.state !== "publiee" ? ` · ${t(`instructeur.demarcheStates.${d.state}`)}` : ""}
                          </span>
                        </th>
                        {INSTRUCTEUR_TABS.map((tab) => (
                          <td key={tab} className="fr-cell--right" data-tab={tab}>
                            <a
                              href={`/procedures/${d.id}?statut=${tab}`}
                              aria-label={tn("instructeur.procedures.counterLink", d.counters[tab], {
                                tab: t(`instructeur.tabs.${tab}`),
                                demarche: d.libelle,
                              })}
                            >
                              {d.counters[tab]}
                            </a>
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
      )}
    </>
  );
}
