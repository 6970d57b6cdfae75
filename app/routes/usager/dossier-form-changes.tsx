/**
 * POST /dossiers/:id/changements-formulaire: the usager has read the notice of form changes (see
 * FormChangesNotice); back to the page it was shown on. Owner only: anyone else gets 404 and
 * nothing changes. No page of its own: GET leads to the dossier.
 */
import { redirect } from "react-router";
import { acknowledgeFormChanges } from "../../../server/operations/dossiers/acknowledge-form-changes";
import type { FormChangesReturnPage } from "../../components/usager/form-changes-notice";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-form-changes";
import { dossierIdParam } from "./usager.server";

const RETURN_PATHS: Record<FormChangesReturnPage, string> = { dossier: "", brouillon: "/brouillon", modifier: "/modifier" };

export const handle = { i18n: ["usager"] };

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/dossiers/${dossierIdParam(params.id)}`);
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  await acknowledgeFormChanges(services(context).db, user.id, id);
  const page = formString(await readForm(request), "retour");
  const suffix = Object.hasOwn(RETURN_PATHS, page) ? RETURN_PATHS[page as FormChangesReturnPage] : "";
  return redirect(`/dossiers/${id}${suffix}`);
}
