/**
 * /dossiers/:id/dupliquer: « Dupliquer » (POST from « Mes dossiers », works without JavaScript):
 * a new brouillon of the démarche's current form with the values that still fit, then its page.
 * A GET goes back to the dossier. Owner only: a co-editor or anyone else gets 404 and nothing is
 * created; a refusal (test dossier, démarche closed) is shown with a way back.
 */
import { data, redirect } from "react-router";
import { findUsagerDossier } from "../../../server/lookups/scoped-dossier";
import { duplicateDossier } from "../../../server/operations/dossiers/duplicate-dossier";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-dupliquer";
import { dossierIdParam, noStoreHeaders } from "./usager.server";

export const handle = { i18n: ["usager"] };

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  await findUsagerDossier(services(context).db, user.id, id);
  throw redirect(`/dossiers/${id}`);
}

type DuplicateRefusal = "duplicate_test" | "duplicate_demarche_closed";

export async function action({ params, context }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const result = await duplicateDossier(services(context).db, user.id, id);
  if (result.ok) throw redirect(`/dossiers/${result.dossierId}/brouillon?duplique=${id}`);
  return data({ dossierId: id, error: result.refusals[0]?.code as DuplicateRefusal }, { status: 422 });
}

export default function DupliquerDossier({ actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t("usager.duplication.action");
  return (
    <>
      <title>{t("usager.errorPageTitle", { title })}</title>
      <h1>{title}</h1>
      {actionData ? (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <p>{t(`usager.duplication.errors.${actionData.error}`)}</p>
        </div>
      ) : null}
      <a className="fr-btn fr-btn--secondary" href="/dossiers">
        {t("usager.suppression.back")}
      </a>
    </>
  );
}
