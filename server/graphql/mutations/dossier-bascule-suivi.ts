/** `dossierBasculeSuivi`: the instructeur follows the dossier, or stops following it (as on its page). */
import { followDossier } from "../../operations/dossiers/follow-dossier";
import { toGlobalId } from "../ids";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

export const dossierBasculeSuivi = defineDossierMutation<DossierMutationInput & { instructeurId: string; follow: boolean }>({
  refusalMessages: "dossiers.api",
  async resolve({ ctx, input, dossier, actor }) {
    await followDossier(ctx.db, actor, dossier.id, input.follow);
    return { ok: true, instructeur: { id: toGlobalId("Instructeur", actor.instructeurId), email: actor.email } };
  },
});
