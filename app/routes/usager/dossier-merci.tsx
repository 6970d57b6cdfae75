/** /dossiers/:id/merci: confirmation after "Déposer le dossier". Owner only (404 otherwise). */
import { redirect } from "react-router";
import { renderRichText } from "../../../server/domain/demarches/rich-text";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-merci";
import { commencerPath } from "./commencer-paths";
import { dossierIdParam, formatDateTime, noStoreHeaders, readOnlyDossierAction } from "./usager.server";

export const handle = { i18n: ["champs", "fichiers", "usager"] };

export const headers = noStoreHeaders;

/** Nothing to post here: the owner gets 405, anyone else the same 404 as for GET. */
export const action = readOnlyDossierAction;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { dossier, demarche } = await loadUsagerDossier(services(context).db, user.id, id);
  if (dossier.state === "brouillon") throw redirect(`/dossiers/${id}/brouillon`);
  const open = dossier.forTest ? demarche.state === "brouillon" : demarche.state === "publiee";
  return {
    dossierId: dossier.id,
    state: dossier.state,
    demarcheLibelle: demarche.libelle,
    deposeAt: formatDateTime(dossier.deposeAt ?? dossier.updatedAt, requestState(context).locale),
    /** The administrateur's « message de fin de dépôt » (limited HTML, sanitized again here). */
    messageHtml: renderRichText(demarche.messageFinDepot),
    newDossierHref: open && demarche.path ? commencerPath(demarche.path, dossier.forTest) : null,
  };
}

export default function DossierMerci({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { dossierId } = loaderData;
  return (
    <>
      <title>{t("usager.pageTitle", { title: t("usager.merci.title") })}</title>
      <div className="fr-alert fr-alert--success fr-mb-4w">
        <h1 className="fr-alert__title">{t("usager.merci.title")}</h1>
        <p>{t("usager.merci.summary", { number: dossierId, date: loaderData.deposeAt, demarche: loaderData.demarcheLibelle })}</p>
      </div>
      {loaderData.messageHtml ? (
        <div
          className="fr-callout fr-mb-4w"
          data-testid="message-fin-depot"
          style={{ whiteSpace: "pre-line" }}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized HTML
          dangerouslySetInnerHTML={{ __html: loaderData.messageHtml }}
        />
      ) : null}
      <h2>{t("usager.merci.nextTitle")}</h2>
      <ul className="fr-mb-4w">
        <li>{t("usager.merci.nextReceipt")}</li>
        <li>{t("usager.merci.nextInstruction")}</li>
        {loaderData.state === "en_construction" ? <li>{t("usager.merci.nextEdit")}</li> : null}
      </ul>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn" href={`/dossiers/${dossierId}`}>
            {t("usager.merci.viewDossier")}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href="/dossiers">
            {t("usager.merci.myDossiers")}
          </a>
        </li>
      </ul>
      {loaderData.newDossierHref ? (
        <p>
          <a className="fr-link fr-icon-add-line fr-link--icon-left" href={loaderData.newDossierHref}>
            {t("usager.merci.newDossier")}
          </a>
        </p>
      ) : null}
    </>
  );
}
