import { redirect } from "react-router";
import { NotFoundError } from "../../../server/errors";
import { dossierNumberOfQuery, normalizeText } from "../../../server/domain/instructeur-list/normalize";
import { findInstructeurDossier } from "../../../server/lookups/scoped-dossier";
import { listInstructeurDemarches } from "../../../server/queries/instructeur/demarches";
import { INSTRUCTEUR_TABS } from "../../../server/domain/instructeur-list/tabs";
import { useT, useTn } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/procedures";
import instructeurCss from "./instructeur.css?url";

export const handle = { i18n: ["instructeur", "liste", "notifications"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

/**
 * The démarches the instructeur is assigned to, with the dossier count of each tab (kept counters),
 * narrowed by `?q=` (name or number, accents and case ignored); `?dossier=<n>` opens that dossier
 * when the instructeur may see it.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const params = new URL(request.url).searchParams;
  const wanted = params.get("dossier");
  let notFound: string | null = null;
  if (wanted !== null) {
    const number = dossierNumberOfQuery(wanted);
    const found =
      number === null
        ? null
        : await findInstructeurDossier(db, instructeur.instructeurId, number).catch((error: unknown) => {
            if (error instanceof NotFoundError) return null;
            throw error;
          });
    if (found) throw redirect(`/procedures/${found.dossier.demarcheId}/dossiers/${found.dossier.id}`);
    notFound = wanted.slice(0, 30);
  }
  const q = (params.get("q") ?? "").slice(0, 200);
  const all = await listInstructeurDemarches(db, instructeur.instructeurId);
  const words = normalizeText(q).split(/\s+/).filter(Boolean);
  const demarches =
    words.length === 0
      ? all
      : all.filter((d) => {
          const text = `${d.id} ${normalizeText(d.libelle)}`;
          return words.every((w) => (/^\d+$/.test(w) ? String(d.id) === w || text.includes(w) : text.includes(w)));
        });
  return { demarches, q, notFound, total: all.length };
}

export default function Procedures({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const { demarches, q, notFound, total } = loaderData;
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
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <form method="get" action="/procedures" className="fr-col-12 fr-col-md-6">
          <div className="fr-search-bar">
            <label className="fr-label" htmlFor="recherche-demarche">
              {t("liste.procedures.searchLabel")}
              <span className="fr-hint-text">{t("liste.procedures.searchHint")}</span>
            </label>
            <input className="fr-input" type="search" id="recherche-demarche" name="q" defaultValue={q} maxLength={200} />
            <button type="submit" className="fr-btn" title={t("liste.search.submit")}>
              {t("liste.search.submit")}
            </button>
          </div>
        </form>
        <form method="get" action="/procedures" className="fr-col-12 fr-col-md-6">
          <div className={`fr-search-bar${notFound ? " fr-input-group--error" : ""}`}>
            <label className="fr-label" htmlFor="acces-dossier">
              {t("liste.acces.label")}
              <span className="fr-hint-text">{t("liste.acces.hint")}</span>
            </label>
            <input
              className="fr-input"
              type="search"
              inputMode="numeric"
              id="acces-dossier"
              name="dossier"
              defaultValue={notFound ?? ""}
              aria-describedby={notFound ? "acces-dossier-error" : undefined}
            />
            <button type="submit" className="fr-btn" title={t("liste.acces.submit")}>
              {t("liste.acces.submit")}
            </button>
          </div>
          {notFound ? (
            <p className="fr-error-text" id="acces-dossier-error">
              {t("liste.recherche.notFound", { number: notFound })}
            </p>
          ) : null}
        </form>
      </div>
      {demarches.length === 0 && total > 0 ? (
        <p>{t("liste.procedures.noMatch", { q })}</p>
      ) : demarches.length === 0 ? (
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
