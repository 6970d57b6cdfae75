import { redirect } from "react-router";
import { isArchiveAction } from "../../../server/domain/dossier/archive";
import { archiveDossier } from "../../../server/operations/dossiers/archive-dossier";
import { findInstructeurDossierOfDemarche } from "../../../server/queries/instructeur/dossier";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, notFound, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/archivage";

export const handle = { i18n: [] };

/** No page here: the dossier page shows the archive buttons (`ArchiveActions`). */
export function loader(): never {
  notFound();
}

/**
 * POST archiver / desarchiver / supprimer / restaurer (field `action`): the dossier is looked up in
 * the instructeur's scope and in this démarche first (404 otherwise, nothing changes); the dossier
 * page then shows the notice or the refusal (`?archivage=` / `?archivage_refus=`), with or without
 * JavaScript.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  const form = await readForm(request);
  const requested = formString(form, "action");
  const page = `/procedures/${demarcheId}/dossiers/${dossierId}`;
  if (!isArchiveAction(requested)) return redirect(`${page}?archivage_refus=unknown_action`);
  const result = await archiveDossier(
    db,
    { userId: instructeur.id, instructeurId: instructeur.instructeurId, email: instructeur.email },
    dossierId,
    requested,
  );
  if (!result.ok) return redirect(`${page}?archivage_refus=${result.refusals[0]?.code ?? "unknown_action"}`);
  return redirect(`${page}?archivage=${requested}`);
}
