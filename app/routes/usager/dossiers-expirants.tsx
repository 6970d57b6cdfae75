/**
 * /dossiers/expirants, « Brouillons expirant bientôt »: the usager's brouillons whose stored expiry
 * date falls within the notice period (2 weeks), soonest first, each with « Conserver plus
 * longtemps » (POST, works without JavaScript): the usager's extension, which adds the démarche's
 * durée de conservation (at most the brouillon's 3 months, `extend-conservation`). Another usager's
 * number (or a co-editor's) gets 404 and nothing changes.
 */
import { SmallAlert } from "../../components/dsfr/alert";
import { DsfrTable } from "../../components/dsfr/table";
import { data, Form, redirect } from "react-router";
import { extendConservationByUsager } from "../../../server/operations/retention/extend-conservation";
import { listExpiringBrouillons } from "../../../server/queries/usager/list-dossiers";
import { CsrfInput } from "../../components/csrf-input";
import { TestBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossiers-expirants";
import { MesDossiersTabs, NoSearchResult, useFiltered, useFilterQuery } from "./mes-dossiers-tabs";
import { mesDossiersFilter } from "./mes-dossiers.server";
import { dossierIdParam, formatDate, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["conservation", "dossiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const { locale } = requestState(context);
  const url = new URL(request.url);
  const rows = await listExpiringBrouillons(services(context).db, user.id, mesDossiersFilter(url).filter);
  const extended = url.searchParams.get("conserve");
  return {
    extended: extended && /^\d{1,10}$/.test(extended) ? Number(extended) : null,
    dossiers: rows.map((d) => ({
      id: d.id,
      forTest: d.forTest,
      demarcheLibelle: d.demarcheLibelle,
      expiresOn: d.expiredAt ? formatDate(d.expiredAt, locale) : "",
    })),
  };
}

type ExtendError = "expiry_never" | "expiry_not_close" | "expiry_deleted";

export async function action({ request, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const form = await readForm(request);
  const id = dossierIdParam(formString(form, "dossier"));
  const result = await extendConservationByUsager(services(context).db, user.id, id);
  if (result.ok) throw redirect(`/dossiers/expirants?conserve=${id}`);
  return data({ dossierId: id, error: result.refusals[0]?.code as ExtendError }, { status: 422 });
}

export default function DossiersExpirants({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const filtered = useFiltered();
  const query = useFilterQuery();
  return (
    <>
      <title>{t("usager.pageTitle", { title: t("usager.expirants.title") })}</title>
      <h1>{t("usager.mesDossiers.title")}</h1>
      <MesDossiersTabs current="expirants" />
      <h2>{t("usager.expirants.title")}</h2>
      {loaderData.extended ? (
        <SmallAlert kind="success">{t("usager.expirants.extended", { number: loaderData.extended })}</SmallAlert>
      ) : null}
      {actionData ? (
        <SmallAlert kind="error" id="extend-error">
          {t("usager.expirants.extendFailed", {
            number: actionData.dossierId,
            reason: t(`conservation.errors.${actionData.error}`),
          })}
        </SmallAlert>
      ) : null}
      <p>{t("usager.expirants.intro")}</p>
      {loaderData.dossiers.length === 0 ? (
        filtered ? (
          <NoSearchResult />
        ) : (
          <p>{t("usager.expirants.empty")}</p>
        )
      ) : (
        <DsfrTable
          caption={t("usager.expirants.caption")}
          captionHidden
          columns={[
            t("usager.mesDossiers.number"),
            t("usager.mesDossiers.demarche"),
            t("usager.expirants.expiresOn"),
            t("usager.mesDossiers.action"),
          ]}
        >
          <tbody>
            {loaderData.dossiers.map((dossier) => (
              <tr key={dossier.id}>
                <td>
                  <a className="fr-link" href={`/dossiers/${dossier.id}/brouillon`}>
                    {dossier.id}
                  </a>
                </td>
                <td>
                  {dossier.demarcheLibelle} {dossier.forTest ? <TestBadge small /> : null}
                </td>
                <td>{dossier.expiresOn}</td>
                <td>
                  <Form method="post" action={`/dossiers/expirants${query}`}>
                    <CsrfInput />
                    <input type="hidden" name="dossier" value={dossier.id} />
                    <button
                      type="submit"
                      className="fr-btn fr-btn--sm fr-btn--secondary"
                      aria-describedby={actionData?.dossierId === dossier.id ? "extend-error" : undefined}
                    >
                      {t("usager.expirants.extend")}
                      <span className="fr-sr-only"> {t("usager.expirants.extendSrOnly", { number: dossier.id })}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
    </>
  );
}
