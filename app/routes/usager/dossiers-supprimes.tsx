/**
 * /dossiers/supprimes, « Supprimés récemment »: the usager's dossiers they deleted, or hidden by
 * expiry, and not yet purged, each with « Restaurer » (POST, works without JavaScript): a dossier
 * they deleted is un-hidden within the grace period (`restore-dossier-by-usager`); an expired one
 * gets the usager's « Conserver plus longtemps », which adds the démarche's durée de conservation and
 * un-hides it. Another usager's number (or a co-editor's) gets 404 and nothing changes (the
 * operations' owner scope).
 */
import { SmallAlert } from "../../components/dsfr/alert";
import { DsfrTable } from "../../components/dsfr/table";
import { data, Form, redirect } from "react-router";
import { usagerPurgeDate } from "../../../server/domain/dossier/usager-deletion";
import { restoreDossierByUsager } from "../../../server/operations/dossiers/restore-dossier-by-usager";
import { extendConservationByUsager } from "../../../server/operations/retention/extend-conservation";
import { listRecentlyDeletedDossiers } from "../../../server/queries/usager/list-dossiers";
import { CsrfInput } from "../../components/csrf-input";
import { DossierStateBadge, TestBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossiers-supprimes";
import { MesDossiersTabs, NoSearchResult, useFiltered } from "./mes-dossiers-tabs";
import { mesDossiersFilter } from "./mes-dossiers.server";
import { dossierIdParam, formatDate, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["conservation", "dossiers", "usager"] };

export const headers = noStoreHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const { locale } = requestState(context);
  const rows = await listRecentlyDeletedDossiers(services(context).db, user.id, mesDossiersFilter(new URL(request.url)).filter);
  const params = new URL(request.url).searchParams;
  const number = (name: string) => {
    const raw = params.get(name);
    return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
  };
  return {
    restored: number("restaure"),
    deleted: number("supprime"),
    undeleted: number("retabli"),
    dossiers: rows.map((d) => {
      const purgeOn = usagerPurgeDate(d);
      return {
        id: d.id,
        state: d.state,
        forTest: d.forTest,
        demarcheLibelle: d.demarcheLibelle,
        byUser: d.hiddenByUserAt !== null,
        purgeOn: purgeOn ? formatDate(purgeOn, locale) : null,
      };
    }),
  };
}

type RestoreError = "expiry_never" | "expiry_not_close" | "expiry_deleted" | "restore_not_deleted" | "restore_too_late";

export async function action({ request, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const form = await readForm(request);
  const id = dossierIdParam(formString(form, "dossier"));
  const { db } = services(context);
  // Deleted by the usager: un-hidden; hidden by expiry: extended (which un-hides it).
  const byUser = formString(form, "motif") === "usager";
  const result = byUser ? await restoreDossierByUsager(db, user.id, id) : await extendConservationByUsager(db, user.id, id);
  if (result.ok) throw redirect(byUser ? `/dossiers/supprimes?retabli=${id}` : `/dossiers/supprimes?restaure=${id}`);
  return data({ dossierId: id, error: result.refusals[0]?.code as RestoreError }, { status: 422 });
}

export default function DossiersSupprimes({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const filtered = useFiltered();
  return (
    <>
      <title>{t("usager.pageTitle", { title: t("conservation.recentlyDeleted.title") })}</title>
      <h1>{t("usager.mesDossiers.title")}</h1>
      <MesDossiersTabs current="supprimes" />
      <h2>{t("conservation.recentlyDeleted.title")}</h2>
      {loaderData.restored ? (
        <SmallAlert kind="success">{t("conservation.recentlyDeleted.restored", { number: loaderData.restored })}</SmallAlert>
      ) : null}
      {loaderData.undeleted ? (
        <SmallAlert kind="success">{t("conservation.recentlyDeleted.undeleted", { number: loaderData.undeleted })}</SmallAlert>
      ) : null}
      {loaderData.deleted ? (
        <SmallAlert kind="success">{t("conservation.recentlyDeleted.deleted", { number: loaderData.deleted })}</SmallAlert>
      ) : null}
      {actionData ? (
        <SmallAlert kind="error" id="restore-error">
          {t("conservation.recentlyDeleted.restoreFailed", {
            number: actionData.dossierId,
            reason: t(`conservation.errors.${actionData.error}`),
          })}
        </SmallAlert>
      ) : null}
      <p>{t("conservation.recentlyDeleted.intro")}</p>
      {loaderData.dossiers.length === 0 ? (
        filtered ? (
          <NoSearchResult />
        ) : (
          <p>{t("conservation.recentlyDeleted.empty")}</p>
        )
      ) : (
        <DsfrTable
          caption={t("conservation.recentlyDeleted.caption")}
          captionHidden
          columns={[
            t("conservation.recentlyDeleted.number"),
            t("conservation.recentlyDeleted.demarche"),
            t("conservation.recentlyDeleted.state"),
            t("conservation.recentlyDeleted.purgeOn"),
            t("conservation.recentlyDeleted.action"),
          ]}
        >
          <tbody>
            {loaderData.dossiers.map((dossier) => (
              <tr key={dossier.id}>
                <td>{dossier.id}</td>
                <td>
                  {dossier.demarcheLibelle} {dossier.forTest ? <TestBadge small /> : null}
                </td>
                <td>
                  <DossierStateBadge state={dossier.state} small />
                </td>
                <td>{dossier.purgeOn ?? t("conservation.recentlyDeleted.purgeWithAdministration")}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="dossier" value={dossier.id} />
                    <input type="hidden" name="motif" value={dossier.byUser ? "usager" : "expiration"} />
                    <button
                      type="submit"
                      className="fr-btn fr-btn--sm fr-btn--secondary"
                      aria-describedby={actionData?.dossierId === dossier.id ? "restore-error" : undefined}
                    >
                      {t("conservation.recentlyDeleted.restore")}
                      <span className="fr-sr-only">
                        {" "}
                        {t("conservation.recentlyDeleted.restoreSrOnly", { number: dossier.id })}
                      </span>
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
