/**
 * `dossierChangerGroupeInstructeur`: the instructeur page's move (`changeDossierGroupeInTx`), for
 * the token's administrateur. The groupe is read like the dossier (top-level `not_found` /
 * `unauthorized`); a groupe of another démarche, or the dossier's own, is refused in the payload
 * with the reference's sentences; the operation's refusals (a decided dossier, a closed groupe)
 * with the page's.
 */
import { changeDossierGroupeByApi } from "../../operations/groupes/change-dossier-groupe";
import { refuse } from "../../refusal";
import { numericIdOf } from "../ids";
import { notFound } from "../resolvers/errors";
import { findApiGroupe } from "../resolvers/groupes";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

export const dossierChangerGroupeInstructeur = defineDossierMutation<DossierMutationInput & { groupeInstructeurId: string }>({
  instructeur: false,
  refusalMessages: "groupes.instructeur.errors",
  async resolve({ ctx, input, dossier }) {
    const groupeId = numericIdOf(input.groupeInstructeurId, "GroupeInstructeur");
    if (groupeId === null) throw notFound("GroupeInstructeur");
    const groupe = await findApiGroupe(ctx, groupeId);
    if (groupe.id === dossier.groupeInstructeurId) {
      return refuse("groupe_already_assigned", "groupeId", { label: groupe.label });
    }
    if (groupe.demarcheId !== dossier.demarcheId) {
      return refuse("groupe_other_demarche", "groupeId", { label: groupe.label });
    }
    const moved = await changeDossierGroupeByApi(ctx.db, dossier.id, groupe.id);
    return moved.ok ? { ok: true } : moved;
  },
});
