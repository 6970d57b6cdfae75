import { eq } from "drizzle-orm";
import { z } from "zod";
import { translate, type Locale } from "../../../common/i18n";
import { TYPES_CHAMP } from "../../domain/champs/definition";
import { defaultOptionsFor } from "../../domain/champs/registry";
import { isTypeOfferedIn } from "../../domain/revisions/form-lists";
import type { Db } from "../../db/client";
import { revisionTypesDeChamp, typesDeChamp } from "../../db/schema";
import { BadRequestError, NotFoundError, parseOrBadRequest } from "../../errors";
import { draftCoordinates, findDraftCoordinate, lockDraft, renumber } from "./draft-revision";

const ZAddChamp = z.object({
  type: z.enum(TYPES_CHAMP),
  /** Insert after this field; null or absent: at the end. */
  afterStableId: z.number().int().nullable().optional(),
  private: z.boolean().default(false),
  /** Add inside this repetition block (its children list); absent: at the top level. */
  parentStableId: z.number().int().nullable().optional(),
});

/**
 * Adds a field to the draft form (or to the annotations privées), with the type's default options
 * and libellé. Mandatory by default, except section titles and annotations, as the reference does.
 */
export async function addChamp(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: z.input<typeof ZAddChamp>,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    // Scope first: someone else's démarche is a 404 whatever they sent.
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const { type, afterStableId, private: isPrivate, parentStableId } = parseOrBadRequest(ZAddChamp, input);
    // A block holds any field but another block (as the reference): a wrong parent is a 404.
    const parent = parentStableId == null ? null : await findDraftCoordinate(tx, draftRevisionId, parentStableId);
    if (parent && (parent.typeChamp !== "repetition" || parent.private !== isPrivate || parent.parentId !== null)) {
      throw new NotFoundError("Champ");
    }
    if (parent && type === "repetition") throw new BadRequestError("nested_repetition");
    // The editor does not offer it (and says so); another caller gets a 400.
    if (!isTypeOfferedIn(type, isPrivate ? "annotations" : "champs")) throw new BadRequestError("type_not_in_annotations");
    const [row] = await tx
      .insert(typesDeChamp)
      .values({
        stableId: 0,
        typeChamp: type,
        libelle: translate(locale, `champs.types.${type}`),
        mandatory: type !== "header_section" && !isPrivate,
        private: isPrivate,
        options: defaultOptionsFor(type, locale),
      })
      .returning({ id: typesDeChamp.id });
    const typeDeChampId = (row as { id: number }).id;
    // The durable identity is the first row's id (kept by every later copy).
    await tx.update(typesDeChamp).set({ stableId: typeDeChampId }).where(eq(typesDeChamp.id, typeDeChampId));
    const [coordinate] = await tx
      .insert(revisionTypesDeChamp)
      .values({ revisionId: draftRevisionId, typeDeChampId, parentId: parent?.id ?? null, position: 0 })
      .returning({ id: revisionTypesDeChamp.id });
    const coordinates = (await draftCoordinates(tx, draftRevisionId, isPrivate, parent?.id ?? null)).filter(
      (c) => c.id !== coordinate?.id,
    );
    const index = afterStableId == null ? coordinates.length : coordinates.findIndex((c) => c.stableId === afterStableId) + 1;
    const ids = coordinates.map((c) => c.id);
    ids.splice(index <= 0 && afterStableId != null ? coordinates.length : index, 0, (coordinate as { id: number }).id);
    await renumber(tx, ids);
    return { stableId: typeDeChampId };
  });
}
