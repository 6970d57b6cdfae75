/**
 * /dossiers/:id/supprimer: confirming « Supprimer le dossier » (a page and a POST form, so it works
 * without JavaScript). It says what happens for the dossier's state (purged 2 weeks later, or for a
 * decided dossier once the administration deletes it too) and refuses en instruction. Confirmed, the
 * dossier leaves « Mes dossiers » for « Supprimés récemment », where « Restaurer » brings it back.
 * Owner only: a co-editor or anyone else gets 404 for GET and POST, and nothing changes.
 */
import { data, Form, redirect } from "react-router";
import { type DossierState, isTermine } from "../../../server/domain/dossier/states";
import { decisionHiddenFromUsager } from "../../../server/domain/special/rules";
import { usagerDeletionRefusal } from "../../../server/domain/dossier/usager-deletion";
import { findUsagerDossier } from "../../../server/lookups/scoped-dossier";
import { deleteDossierByUsager } from "../../../server/operations/dossiers/delete-dossier-by-usager";
import { CsrfInput } from "../../components/csrf-input";
import { DossierStateBadge } from "../../components/usager/dossier-state-badge";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-supprimer";
import { dossierIdParam, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["dossiers", "usager"] };

export const headers = noStoreHeaders;

type DeleteRefusal = "delete_en_instruction" | "delete_already_deleted";

async function view(context: Route.LoaderArgs["context"], userId: number, id: number) {
  const { dossier, demarche } = await findUsagerDossier(services(context).db, userId, id);
  // A decision hidden by the accusé de lecture is not revealed here either: shown (and refused) as en instruction.
  const hidden = decisionHiddenFromUsager({
    accuseLecture: demarche.accuseLecture,
    state: dossier.state,
    agreementAt: dossier.accuseLectureAgreementAt,
  });
  const state: DossierState = hidden ? "en_instruction" : dossier.state;
  const refusal = hidden ? "delete_en_instruction" : usagerDeletionRefusal(dossier);
  return { dossierId: dossier.id, demarcheLibelle: demarche.libelle, state, refusal: refusal as DeleteRefusal | null };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  return view(context, user.id, dossierIdParam(params.id));
}

export async function action({ params, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const shown = await view(context, user.id, id);
  if (shown.refusal) return data({ error: shown.refusal }, { status: 422 });
  const result = await deleteDossierByUsager(services(context).db, user.id, id);
  if (result.ok) throw redirect(`/dossiers/supprimes?supprime=${id}`);
  return data({ error: result.refusals[0]?.code as DeleteRefusal }, { status: 422 });
}

export default function SupprimerDossier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { dossierId, state } = loaderData;
  const refusal = actionData?.error ?? loaderData.refusal;
  const title = t("usager.suppression.title", { number: dossierId });
  const consequence = state === "brouillon" ? "brouillon" : state === "en_construction" ? "enConstruction" : "termine";
  return (
    <>
      <title>{t("usager.pageTitle", { title: `${title} – ${loaderData.demarcheLibelle}` })}</title>
      <p className="fr-text--sm fr-mb-1w">{loaderData.demarcheLibelle}</p>
      <h1>{title}</h1>
      <p>
        <DossierStateBadge state={state} />
      </p>
      {refusal ? (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" id="suppression-error">
          <p>{t(`usager.suppression.errors.${refusal}`)}</p>
        </div>
      ) : (
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <p>{t(`usager.suppression.consequence.${consequence}`)}</p>
          {isTermine(state) ? null : <p>{t("usager.suppression.restoreHint")}</p>}
        </div>
      )}
      {refusal ? (
        <a className="fr-btn fr-btn--secondary" href="/dossiers">
          {t("usager.suppression.back")}
        </a>
      ) : (
        <Form method="post">
          <CsrfInput />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="submit" className="fr-btn">
                {t("usager.suppression.confirm")}
              </button>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="/dossiers">
                {t("usager.suppression.cancel")}
              </a>
            </li>
          </ul>
        </Form>
      )}
    </>
  );
}
