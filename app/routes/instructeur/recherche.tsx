/**
 * The header's search (the reference's `/recherche?q=`): a dossier number the user may see opens
 * that dossier (an instructeur's dossier page, an expert's avis); anything else is a full-text
 * search, accents and case ignored, across every démarche the instructeur follows, most relevant
 * first, 30 a page (keyset). An expert (without an instructeur profile) searches the dossiers of
 * their avis, by number and by the text they may read (never the annotations privées unless their
 * avis shows them); each row opens their avis.
 */
import { redirect } from "react-router";
import { NotFoundError } from "../../../server/errors";
import type { DossierState } from "../../../server/domain/dossier/states";
import {
  dossierNumberOfQuery,
  SEARCH_MATCH_LIMIT,
  SEARCH_MAX_LENGTH,
  searchQuery,
} from "../../../server/domain/instructeur-list/normalize";
import { findInstructeurDossier } from "../../../server/lookups/scoped-dossier";
import { findExpertAvisOfDossier } from "../../../server/lookups/expert-avis-of-dossier";
import { decodeCursor } from "../../../server/queries/instructeur/cursor";
import { searchExpertDossiers } from "../../../server/queries/expert-recherche";
import { RECHERCHE_RANKED_LIMIT } from "../../../server/domain/instructeur-list/normalize";
import { RECHERCHE_SORT, searchInstructeurDossiers } from "../../../server/queries/instructeur/recherche";
import { formatDate } from "../../lib/dates";
import { useT, useTn } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { notFound, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/recherche";
import instructeurCss from "./instructeur.css?url";
import { DossierStateBadge, useDemandeurName } from "./ui";

export const handle = { i18n: ["dossiers", "instructeur", "liste"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  if (user.instructeurId === null && user.expertId === null) notFound();
  const { db } = services(context);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, SEARCH_MAX_LENGTH);
  const number = dossierNumberOfQuery(q);
  if (number !== null && user.instructeurId !== null) {
    const found = await findInstructeurDossier(db, user.instructeurId, number).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (found) throw redirect(`/procedures/${found.dossier.demarcheId}/dossiers/${found.dossier.id}`);
  }
  if (number !== null && user.expertId !== null) {
    const avisId = await findExpertAvisOfDossier(db, user.expertId, number);
    if (avisId !== null) throw redirect(`/avis/${avisId}`);
  }
  const query = searchQuery(q);
  const expert = user.instructeurId === null;
  const empty = {
    expert,
    q,
    searched: query !== null,
    rows: [],
    total: 0,
    capped: false,
    rankedOnly: false,
    previousCursor: null,
    nextCursor: null,
  };
  if (query === null) return empty;
  const cursor = decodeCursor(params.get("cursor"), RECHERCHE_SORT);
  const result =
    user.instructeurId !== null
      ? await searchInstructeurDossiers(db, { instructeurId: user.instructeurId, query, cursor })
      : await searchExpertDossiers(db, { expertId: user.expertId as number, query, cursor });
  const { locale } = requestState(context);
  const rows = result.rows.map((row) => ({ ...row, deposeAt: formatDate(row.deposeAt, locale) ?? "" }));
  return { expert, q, searched: true, ...result, rows };
}

export default function Recherche({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const demandeur = useDemandeurName();
  const { expert, q, searched, rows, total, capped, rankedOnly, previousCursor, nextCursor } = loaderData;
  const href = (cursor: string) => `/recherche?${new URLSearchParams({ q, cursor }).toString()}`;
  return (
    <>
      <title>{t("instructeur.pageTitle", { title: t("liste.recherche.title") })}</title>
      <h1>{t("liste.recherche.title")}</h1>
      <p className="fr-text--lead">{t(expert ? "liste.recherche.leadExpert" : "liste.recherche.lead")}</p>
      <form method="get" action="/recherche" className="fr-mb-4w">
        <div className="fr-search-bar">
          <label className="fr-label" htmlFor="recherche-globale">
            {t("liste.search.label")}
            <span className="fr-hint-text">{t("liste.search.hint")}</span>
          </label>
          <input
            className="fr-input"
            type="search"
            id="recherche-globale"
            name="q"
            defaultValue={q}
            maxLength={SEARCH_MAX_LENGTH}
          />
          <button type="submit" className="fr-btn" title={t("liste.search.submit")}>
            {t("liste.search.submit")}
          </button>
        </div>
      </form>
      {!searched ? (
        <p>{t("liste.recherche.none")}</p>
      ) : rows.length === 0 ? (
        <p id="recherche-vide">{t("liste.recherche.empty", { q })}</p>
      ) : (
        <>
          {total !== null ? (
            <p id="recherche-total">
              {capped ? t("liste.recherche.capped", { count: SEARCH_MATCH_LIMIT }) : tn("liste.recherche.count", total, { q })}
            </p>
          ) : null}
          {rankedOnly ? <p id="recherche-classes">{t("liste.recherche.rankedOnly", { count: RECHERCHE_RANKED_LIMIT })}</p> : null}
          <div className="fr-table">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table>
                    <caption>{t("liste.recherche.resultsCaption", { q })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("liste.columns.self/id")}</th>
                        <th scope="col">{t("liste.recherche.demarche")}</th>
                        <th scope="col">{t("liste.columns.individual/identite")}</th>
                        <th scope="col">{t("liste.columns.user/email")}</th>
                        <th scope="col">{t("liste.columns.self/state")}</th>
                        <th scope="col">{t("liste.columns.self/depose_at")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.id} data-dossier-id={row.id}>
                          <th scope="row">
                            <a
                              href={
                                row.avisId !== null ? `/avis/${row.avisId}` : `/procedures/${row.demarcheId}/dossiers/${row.id}`
                              }
                            >
                              {t("liste.recherche.dossierNumber", { number: row.id })}
                            </a>
                          </th>
                          <td>
                            {row.avisId !== null ? (
                              row.demarcheLibelle
                            ) : (
                              <a href={`/procedures/${row.demarcheId}`}>{row.demarcheLibelle}</a>
                            )}
                          </td>
                          <td>
                            {demandeur({ civilite: row.civilite as "M." | "Mme" | null, nom: row.nom, prenom: row.prenom }) ||
                              t("instructeur.notFilled")}
                          </td>
                          <td>{row.email ?? ""}</td>
                          <td>
                            <DossierStateBadge state={row.state as DossierState} />
                            {row.archived ? (
                              <p className="fr-badge fr-badge--sm fr-mt-1v">{t("liste.recherche.archived")}</p>
                            ) : null}
                          </td>
                          <td>{row.deposeAt}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
        </>
      )}
      {previousCursor || nextCursor ? (
        <nav className="fr-pagination" aria-label={t("instructeur.procedure.pagination")}>
          <ul className="fr-pagination__list">
            {previousCursor ? (
              <li>
                <a
                  className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
                  href={href(previousCursor)}
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
                  href={href(nextCursor)}
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
