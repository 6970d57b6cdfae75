import { countDossiersByTab } from "../../../server/queries/instructeur/counters";
import { decodeCursor } from "../../../server/queries/instructeur/cursor";
import { findInstructeurDemarche } from "../../../server/queries/instructeur/demarches";
import { listInstructeurDossiers } from "../../../server/queries/instructeur/dossiers";
import { labelsOfDossiers } from "../../../server/queries/instructeur/labels";
import { notificationBadges } from "../../../server/queries/instructeur/notifications";
import { LabelTags } from "../../components/notifications/label-tags";
import { NotificationBadges } from "../../components/notifications/notification-badges";
import { EMPTY_COUNTERS, INSTRUCTEUR_TABS, parseTab, type InstructeurTab } from "../../../server/queries/instructeur/tabs";
import { useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/procedure";
import { formatDate } from "../../lib/dates";
import instructeurCss from "./instructeur.css?url";
import { DossierStateBadge, useDemandeurName } from "./ui";

export const handle = { i18n: ["dossiers", "instructeur", "notifications"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

/** One démarche's dossiers, tab by tab (?statut=), 50 a page with a keyset cursor (?cursor=). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const { db } = services(context);
  const { locale } = requestState(context);
  const demarche = await findInstructeurDemarche(db, instructeur.instructeurId, demarcheId);
  const url = new URL(request.url);
  const tab = parseTab(url.searchParams.get("statut"));
  const cursor = decodeCursor(url.searchParams.get("cursor"));
  const [counters, list] = await Promise.all([
    countDossiersByTab(db, instructeur.instructeurId, [demarche.id]),
    listInstructeurDossiers(db, { instructeurId: instructeur.instructeurId, demarcheId: demarche.id, tab, cursor }),
  ]);
  // Labels and notification badges of the page's dossiers: two indexed queries for the page.
  const pageIds = list.dossiers.map((d) => d.id);
  const [labels, badges] = await Promise.all([
    labelsOfDossiers(db, pageIds),
    notificationBadges(db, instructeur.instructeurId, pageIds),
  ]);
  return {
    demarche,
    tab,
    paged: cursor !== null,
    counters: counters.get(demarche.id) ?? EMPTY_COUNTERS,
    dossiers: list.dossiers.map((d) => ({
      id: d.id,
      state: d.state,
      civilite: d.civilite,
      nom: d.nom,
      prenom: d.prenom,
      deposeAt: formatDate(d.deposeAt, locale),
      updatedAt: formatDate(d.updatedAt, locale),
      labels: labels.get(d.id) ?? [],
      badges: badges.get(d.id) ?? [],
    })),
    previousCursor: list.previousCursor,
    nextCursor: list.nextCursor,
  };
}

function tabHref(demarcheId: number, tab: InstructeurTab, cursor?: string) {
  const query = new URLSearchParams({ statut: tab });
  if (cursor) query.set("cursor", cursor);
  return `/procedures/${demarcheId}?${query}`;
}

export default function Procedure({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const demandeur = useDemandeurName();
  const { demarche, tab, counters, dossiers, previousCursor, nextCursor, paged } = loaderData;
  const tabLabel = t(`instructeur.tabs.${tab}`);
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
        {demarche.state !== "publiee" ? ` · ${t(`instructeur.demarcheStates.${demarche.state}`)}` : ""}
      </p>

      <nav className="fr-tabs fr-mb-3w" aria-label={t("instructeur.procedure.tabsLabel")}>
        <ul className="fr-tabs__list">
          {INSTRUCTEUR_TABS.map((item) => (
            <li key={item}>
              <a className="fr-tabs__tab" href={tabHref(demarche.id, item)} aria-current={item === tab ? "page" : undefined}>
                {t(`instructeur.tabs.${item}`)}&nbsp;
                <span className="fr-badge fr-badge--sm fr-badge--no-icon fr-ml-1v">{counters[item]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {dossiers.length === 0 ? (
        <>
          <p>{paged ? t("instructeur.procedure.emptyPage") : t(`instructeur.procedure.empty.${tab}`)}</p>
          {paged ? (
            <p>
              <a href={tabHref(demarche.id, tab)}>{t("instructeur.procedure.firstPage")}</a>
            </p>
          ) : null}
        </>
      ) : (
        <div className="fr-table">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{t("instructeur.procedure.caption", { tab: tabLabel, count: counters[tab] })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("instructeur.procedure.number")}</th>
                      <th scope="col">{t("instructeur.procedure.demandeur")}</th>
                      <th scope="col">{t("instructeur.procedure.state")}</th>
                      <th scope="col">{t("instructeur.procedure.deposeAt")}</th>
                      <th scope="col">{t("instructeur.procedure.updatedAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dossiers.map((d) => (
                      <tr key={d.id} data-dossier-id={d.id}>
                        <th scope="row">
                          <a
                            href={`/procedures/${demarche.id}/dossiers/${d.id}`}
                            aria-label={t("instructeur.procedure.dossierLink", { number: d.id })}
                          >
                            {d.id}
                          </a>
                          <NotificationBadges types={d.badges} />
                        </th>
                        <td>
                          {demandeur(d) || t("instructeur.notFilled")}
                          <LabelTags labels={d.labels} className="fr-mt-1v" />
                        </td>
                        <td>
                          <DossierStateBadge state={d.state} />
                        </td>
                        <td>{d.deposeAt ?? ""}</td>
                        <td>{d.updatedAt ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}

      {previousCursor || nextCursor ? (
        <nav className="fr-pagination" aria-label={t("instructeur.procedure.pagination")}>
          <ul className="fr-pagination__list">
            {previousCursor ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
                  href={tabHref(demarche.id, tab, previousCursor)}
                  rel="prev"
                >
                  {t("instructeur.procedure.previous")}
                </a>
              </li>
            ) : null}
            {nextCursor ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
                  href={tabHref(demarche.id, tab, nextCursor)}
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
