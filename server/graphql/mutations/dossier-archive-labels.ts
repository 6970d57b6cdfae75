/**
 * `dossierArchiver`, `dossierDesarchiver`, `dossierAjouterLabel`, `dossierSupprimerLabel`: the operations of the
 * instructeur's pages (archive block, labels), with their refusals. The label mutations name no
 * instructeur (as the reference): the token's access to the démarche is the scope, and a label
 * of another démarche is refused like on the page.
 */
import { archiveDossier } from "../../operations/dossiers/archive-dossier";
import { changeDossierLabels } from "../../operations/dossiers/change-dossier-labels";
import { labelsOfDemarche } from "../../queries/instructeur/labels";
import { refuse } from "../../refusal";
import { numericIdOf } from "../ids";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

export const dossierArchiver = defineDossierMutation<DossierMutationInput & { instructeurId: string }>({
  refusalMessages: "liste.archivage.refusals",
  resolve: ({ ctx, dossier, actor }) => archiveDossier(ctx.db, actor, dossier.id, "archiver"),
});

export const dossierDesarchiver = defineDossierMutation<DossierMutationInput & { instructeurId: string }>({
  refusalMessages: "liste.archivage.refusals",
  resolve: ({ ctx, dossier, actor }) => archiveDossier(ctx.db, actor, dossier.id, "desarchiver"),
});

function labelChange(direction: "add" | "remove") {
  return defineDossierMutation<DossierMutationInput & { labelId: string }>({
    instructeur: false,
    refusalMessages: "dossiers.api",
    async resolve({ ctx, input, dossier }) {
      const labelId = numericIdOf(input.labelId, "Label");
      if (labelId === null) return refuse("label_unknown", "labels");
      const change = direction === "add" ? { add: labelId } : { remove: labelId };
      const result = await changeDossierLabels(ctx.db, { kind: "api", userId: null }, dossier.id, change);
      if (!result.ok) return result;
      const label = (await labelsOfDemarche(ctx.db, dossier.demarcheId)).find((l) => l.id === labelId) ?? null;
      return { ok: true, label };
    },
  });
}

export const dossierAjouterLabel = labelChange("add");
export const dossierSupprimerLabel = labelChange("remove");
