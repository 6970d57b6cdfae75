import { redirect } from "react-router";
import { z } from "zod";
import { NotFoundError } from "../../../server/errors";
import { changeDossierGroupe } from "../../../server/operations/groupes/change-dossier-groupe";
import { findInstructeurDossierOfDemarche } from "../../../server/queries/instructeur/dossier";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, notFound, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/changer-groupe";

export const handle = { i18n: [] };

/** No page here: the dossier page shows the form (`DossierGroupe`). */
export function loader(): never {
  notFound();
}

const ZGroupeId = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * POST `groupeId`: an instructeur of the dossier's groupe entrusts it to another open groupe of the
 * démarche (the dossier is looked up in their scope and in this démarche first: 404 otherwise,
 * nothing changes). Back on the dossier page with the notice or the refusal; when the instructeur
 * is not in the new groupe, the dossier is out of their sight: back to the démarche's list.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  const form = await readForm(request);
  const page = `/procedures/${demarcheId}/dossiers/${dossierId}`;
  const groupeId = ZGroupeId.safeParse(formString(form, "groupeId"));
  if (!groupeId.success) return redirect(`${page}?groupe_refus=groupe_not_found#groupe-instructeur`);
  const result = await changeDossierGroupe(
    db,
    { instructeurId: instructeur.instructeurId, userId: instructeur.id },
    dossierId,
    groupeId.data,
  );
  if (!result.ok) return redirect(`${page}?groupe_refus=${result.refusals[0]?.code ?? "groupe_not_found"}#groupe-instructeur`);
  try {
    await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  } catch (error) {
    if (error instanceof NotFoundError) return redirect(`/procedures/${demarcheId}?dossier_deplace=${dossierId}`);
    throw error;
  }
  return redirect(`${page}?groupe=deplace#groupe-instructeur`);
}
