/**
 * /dossiers/:id/modifications/annuler: confirming « Annuler les modifications » (a page and a POST
 * form, so it works without JavaScript). Confirmed, the usager's changes not yet submitted (their
 * buffer) are dropped; the dossier stays as the administration has it. Owner only (404 otherwise,
 * for GET and POST); without changes to cancel, or not en construction, back to the dossier.
 */
import { Form, redirect } from "react-router";
import { annulerModifications } from "../../../server/operations/dossiers/annuler-modifications";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-annuler-modifications";
import { dossierIdParam, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { dossier, demarche, pendingChanges } = await loadUsagerDossier(services(context).db, user.id, id);
  if (!pendingChanges) throw redirect(`/dossiers/${id}`);
  return { dossierId: dossier.id, demarcheLibelle: demarche.libelle };
}

export async function action({ params, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const result = await annulerModifications(services(context).db, user.id, id);
  throw redirect(result.ok ? `/dossiers/${id}?annule=1` : `/dossiers/${id}`);
}

export default function AnnulerModifications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { dossierId } = loaderData;
  const title = t("usager.annulerModifications.title");
  return (
    <>
      <title>{t("usager.pageTitle", { title: `${title} – ${loaderData.demarcheLibelle}` })}</title>
      <p className="fr-text--sm fr-mb-1w">{loaderData.demarcheLibelle}</p>
      <h1>{title}</h1>
      <p>{t("usager.dossierNumber", { number: dossierId })}</p>
      <div className="fr-alert fr-alert--warning fr-mb-4w">
        <p>{t("usager.annulerModifications.lead")}</p>
      </div>
      <Form method="post">
        <CsrfInput />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn">
              {t("usager.annulerModifications.confirm")}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={`/dossiers/${dossierId}/modifier`}>
              {t("usager.annulerModifications.back")}
            </a>
          </li>
        </ul>
      </Form>
    </>
  );
}
