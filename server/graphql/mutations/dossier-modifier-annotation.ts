/**
 * `dossierModifierAnnotation<Type>` and `dossierModifierAnnotationAjouterLigne`: one annotation
 * privée of the dossier, written through the instructeur page's operation (`saveAnnotations`: the
 * same parsing, validation and refusals, worded as the form's errors), as the form would post it.
 *
 * As the reference: the annotation is named by its champ id (`Champ-<stable_id>`), must be an
 * annotation of the dossier's revision whose type the mutation writes (Text: text or textarea;
 * Checkbox: checkbox or yes_no; …), else the payload error « L’annotation "<id>" n’existe pas ».
 * Annotations inside repetition rows are not reachable yet (no row ids in the API).
 */
import type { TypeChamp } from "../../domain/champs/definition";
import { champInputName } from "../../domain/champs/validate-dossier";
import { champKey } from "../../domain/form/keys";
import { saveAnnotations } from "../../operations/dossiers/save-annotations";
import { refuse } from "../../refusal";
import { champId, parseChampId } from "../ids";
import type { DossierRow } from "../loaders";
import type { GraphqlContext } from "../resolvers/context";
import { dossierChamps } from "../resolvers/champs";
import { toParisLocalDatetime } from "../resolvers/scalars";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

interface AnnotationInput<V> extends DossierMutationInput {
  instructeurId: string;
  annotationId: string;
  value: V;
}

/** The annotation descriptor named by `annotationId`, when it is one of the types the mutation writes. */
async function findAnnotation(ctx: GraphqlContext, dossier: DossierRow, annotationId: string, types: readonly TypeChamp[]) {
  const wanted = parseChampId(annotationId);
  if (!wanted || wanted.rowId !== null) return null;
  const fields = await ctx.loaders.revisionFields.load(dossier.revisionId);
  return fields.find((f) => f.private && f.stableId === wanted.stableId && types.includes(f.typeChamp as TypeChamp)) ?? null;
}

/** The annotation as the API shows it, read when the payload asks for it (after the change). */
const annotationOf = (dossier: DossierRow, stableId: number) => async (_args: unknown, ctx: GraphqlContext) =>
  (await dossierChamps(dossier, champId(stableId), ctx, { private: true }))[0] ?? null;

/**
 * A mutation writing one annotation of `types` with the form input `formInput(value)` (the text
 * the page's input would post).
 */
function modifierAnnotation<V>(types: readonly TypeChamp[], formInput: (value: V) => string) {
  return defineDossierMutation<AnnotationInput<V>>({
    refusalMessages: "champs.errors",
    async resolve({ ctx, input, dossier, actor }) {
      const field = await findAnnotation(ctx, dossier, input.annotationId, types);
      if (!field) return refuse("annotation_not_found", "annotationId", { id: input.annotationId });
      const name = champInputName(champKey(field.stableId));
      const value = formInput(input.value);
      const saved = await saveAnnotations(ctx.db, actor.instructeurId, dossier.id, (posted) =>
        posted === name ? value : undefined,
      );
      return saved.ok ? { ok: true, annotation: annotationOf(dossier, field.stableId) } : saved;
    },
  });
}

export const dossierModifierAnnotationText = modifierAnnotation<string>(["text", "textarea"], (v) => v);
export const dossierModifierAnnotationCheckbox = modifierAnnotation<boolean>(["checkbox", "yes_no"], (v) => String(v));
export const dossierModifierAnnotationDate = modifierAnnotation<string>(["date"], (v) => v);
export const dossierModifierAnnotationDatetime = modifierAnnotation<Date>(["datetime"], toParisLocalDatetime);
export const dossierModifierAnnotationIntegerNumber = modifierAnnotation<number>(["integer_number"], (v) => String(v));
export const dossierModifierAnnotationDecimalNumber = modifierAnnotation<number>(["decimal_number"], (v) => String(v));
export const dossierModifierAnnotationDropDownList = modifierAnnotation<string>(["drop_down_list"], (v) => v);

/** Adds a row to a repetition annotation (the page's « Ajouter » button). */
export const dossierModifierAnnotationAjouterLigne = defineDossierMutation<Omit<AnnotationInput<never>, "value">>({
  refusalMessages: "champs.errors",
  async resolve({ ctx, input, dossier, actor }) {
    const field = await findAnnotation(ctx, dossier, input.annotationId, ["repetition"]);
    if (!field) return refuse("annotation_not_found", "annotationId", { id: input.annotationId });
    const saved = await saveAnnotations(ctx.db, actor.instructeurId, dossier.id, () => undefined, {
      kind: "add",
      stableId: field.stableId,
    });
    return saved.ok ? { ok: true, annotation: annotationOf(dossier, field.stableId) } : saved;
  },
});
