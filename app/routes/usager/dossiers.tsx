/**
 * /dossiers, "Mes dossiers": every dossier of the signed-in user, most recently updated first,
 * by pages of 25 with a "Dossiers suivants" link (keyset cursor, so deep pages stay fast).
 */
import { DsfrTable } from "../../components/dsfr/table";
import { decodeCursor } from "../../../server/queries/usager/cursor";
import { listUsagerDossiers } from "../../../server/queries/usager/list-dossiers";
import { pendingCorrections } from "../../../server/queries/pending-corrections";
import { Form } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossiers";
import { MesDossiersTabs, NoSearchResult, useFiltered, useFilterQuery } from "./mes-dossiers-tabs";
import { mesDossiersFilter } from "./mes-dossiers.server";
import { formatDateTime, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["dossiers", "messagerie", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const url = new URL(request.url);
  const cursor = decodeCursor(url.searchParams.get("cursor"));
  const { filter } = mesDossiersFilter(url);
  const { locale } = requestState(context);
  const page = await listUsagerDossiers(services(context).db, user.id, { cursor, filter });
  const corrections = await pendingCorrections(
    services(context).db,
    page.dossiers.map((d) => d.id),
  );
  return {
    isFirstPage: cursor === null,
    nextCursor: page.nextCursor,
    dossiers: page.dossiers.map((d) => ({
      id: d.id,
      state: d.state,
      forTest: d.forTest,
      pendingChanges: d.pendingChanges,
      correction: corrections.has(d.id),
      demarcheLibelle: d.demarcheLibelle,
      updatedAt: formatDateTime(d.updatedAt, locale),
    })),
  };
}

export default function MesDossiers({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { dossiers } = loaderData;
  const query = useFilterQuery();
  const filtered = useFiltered();
  return (
    <>
      <title>{t("usager.pageTitle", { title: t("usager.mesDossiers.title") })}</title>
      <h1>{t("usager.mesDossiers.title")}</h1>
      <MesDossiersTabs current="mine" />
      {dossiers.length === 0 && loaderData.isFirstPage && filtered ? (
        <NoSearchResult />
      ) : dossiers.length === 0 && loaderData.isFirstPage ? (
        <div className="fr-callout">
          <h2 className="fr-callout__title">{t("usager.mesDossiers.empty.title")}</h2>
          <p className="fr-callout__text">{t("usager.mesDossiers.empty.body")}</p>
        </div>
      ) : (
        <DsfrTable
          caption={t("usager.mesDossiers.caption")}
          captionHidden
          columns={[
            t("usager.mesDossiers.number"),
            t("usager.mesDossiers.demarche"),
            t("usager.mesDossiers.state"),
            t("usager.mesDossiers.updatedAt"),
            t("usager.mesDossiers.action"),
          ]}
        >
          <tbody>
            {dossiers.map((dossier) => {
              const brouillon = dossier.state === "brouillon";
              return (
                <tr key={dossier.id}>
                  <td>{dossier.id}</td>
                  <td>
                    {dossier.demarcheLibelle} {dossier.forTest ? <TestBadge small /> : null}
                  </td>
                  <td>
                    <DossierStateBadge state={dossier.state} small />
                    {dossier.pendingChanges ? (
                      <p className="fr-badge fr-badge--sm fr-badge--warning fr-mt-1v" data-testid="modifications-non-deposees">
                        {t("usager.pendingChanges.title")}
                      </p>
                    ) : null}
                    {dossier.correction ? (
                      <p className="fr-badge fr-badge--warning fr-badge--sm fr-mt-1v">{t("messagerie.correction.bannerTitle")}</p>
                    ) : null}
                  </td>
                  <td>{dossier.updatedAt}</td>
                  <td>
                    {/* One column of links, the main one first; duplicate is a form (it creates a brouillon). */}
                    <ul className="fr-raw-list">
                      <li>
                        <a className="fr-link" href={brouillon ? `/dossiers/${dossier.id}/brouillon` : `/dossiers/${dossier.id}`}>
                          {brouillon
                            ? t("usager.mesDossiers.resume")
                            : dossier.pendingChanges
                              ? t("usager.mesDossiers.submitChanges")
                              : t("usager.mesDossiers.view")}
                          <span className="fr-sr-only">
                            {" "}
                            {dossier.pendingChanges && !brouillon
                              ? t("usager.mesDossiers.submitChangesSrOnly", { number: dossier.id })
                              : t("usager.mesDossiers.actionSrOnly", { number: dossier.id })}
                          </span>
                        </a>
                      </li>
                      {dossier.forTest ? null : (
                        <li className="fr-mt-1w">
                          <Form method="post" action={`/dossiers/${dossier.id}/dupliquer`}>
                            <CsrfInput />
                            <button type="submit" className="fr-link fr-link--sm">
                              {t("usager.duplication.action")}
                              <span className="fr-sr-only"> {t("usager.duplication.actionSrOnly", { number: dossier.id })}</span>
                            </button>
                          </Form>
                        </li>
                      )}
                      {dossier.state === "en_instruction" ? null : (
                        <li className="fr-mt-1w">
                          <a className="fr-link fr-link--sm" href={`/dossiers/${dossier.id}/supprimer`}>
                            {t("usager.listActions.delete")}
                            <span className="fr-sr-only"> {t("usager.listActions.deleteSrOnly", { number: dossier.id })}</span>
                          </a>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DsfrTable>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {loaderData.nextCursor ? (
          <li>
            <a
              className="fr-btn fr-btn--secondary"
              href={`/dossiers${query === "" ? "?" : `${query}&`}cursor=${encodeURIComponent(loaderData.nextCursor)}`}
            >
              {t("usager.mesDossiers.next")}
            </a>
          </li>
        ) : null}
        {!loaderData.isFirstPage ? (
          <li>
            <a className="fr-btn fr-btn--tertiary" href={`/dossiers${query}`}>
              {t("usager.mesDossiers.first")}
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
