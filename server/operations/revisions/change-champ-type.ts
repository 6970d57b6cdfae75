import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../../common/i18n";
import { TYPES_CHAMP, type TypeChamp } from "../../domain/champs/definition";
import { defaultOptionsFor, getTypeDeChamp } from "../../domain/champs/registry";
import { usagesBrokenByTypeChange } from "../../domain/revisions/champ-usages";
import { isTypeOfferedIn } from "../../domain/revisions/form-lists";
import type { Db } from "../../db/client";
import { typesDeChamp } from "../../db/schema";
import { NotFoundError, parseOrBadRequest } from "../../errors";
import { refuse } from "../../refusal";
import { draftUsageContext, type GuardedResult, usageRefusal } from "./champ-usage-guard";
import { draftCoordinates, ensureExclusiveToDraft, findDraftCoordinate, lockDraft } from "./draft-revision";

const ZChangeChampType = z.object({ stableId: z.number().int(), type: z.enum(TYPES_CHAMP) });

/**
 * Options of the field under its new type: what the new type understands of the current options
 * (drop-down choices survive a change to a multiple choice list), its defaults for the rest.
 */
function optionsForNewType(type: TypeChamp, current: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const defaults = defaultOptionsFor(type, locale);
  const kept = getTypeDeChamp(type).optionsSchema.safeParse({ ...defaults, ...current });
  return kept.success ? (kept.data as Record<string, unknown>) : defaults;
}

/**
 * Changes the type of a field of the draft form, keeping its libellé, description and mandatory
 * flag (copy-on-write: a published revision keeps its own copy). Refused when a rule reads the
 * field and could not read it under the new type (`type_used_by_*`, naming the rules), when a
 * repetition block still has fields, or to nest a block in a block. Dossier values are kept by
 * stable id; incompatible ones read as empty (`server/domain/revisions/type-compatibility.ts`).
 */
export async function changeChampType(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: z.input<typeof ZChangeChampType>,
  locale: Locale,
): Promise<GuardedResult> {
  return db.transaction(async (tx): Promise<GuardedResult> => {
    // Scope first: someone else's démarche is a 404 whatever they sent.
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const { stableId, type } = parseOrBadRequest(ZChangeChampType, input);
    const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
    const [current] = await tx.select().from(typesDeChamp).where(eq(typesDeChamp.id, coordinate.typeDeChampId));
    if (!current) throw new NotFoundError("Champ");
    if (current.typeChamp === type) return { ok: true };

    if (type === "repetition" && coordinate.parentId !== null) return refuse("type_nested_repetition", "type");
    if (!isTypeOfferedIn(type, coordinate.private ? "annotations" : "champs")) {
      return refuse("type_not_in_annotations", "type");
    }
    if (current.typeChamp === "repetition") {
      const children = await draftCoordinates(tx, draftRevisionId, coordinate.private, coordinate.id);
      if (children.length > 0) return refuse("type_repetition_not_empty", "type");
    }

    const options = optionsForNewType(type, current.options, locale);
    const broken = usagesBrokenByTypeChange(stableId, { type, options }, await draftUsageContext(tx, draftRevisionId));
    if (broken.length > 0) return usageRefusal(broken, "type_change");

    const typeDeChampId = await ensureExclusiveToDraft(tx, coordinate, draftRevisionId);
    await tx
      .update(typesDeChamp)
      .set({
        typeChamp: type,
        options,
        // Layout fields never hold a value, so they are never mandatory.
        mandatory: getTypeDeChamp(type).hasValue ? current.mandatory : false,
        updatedAt: sql`now()`,
      })
      .where(eq(typesDeChamp.id, typeDeChampId));
    return { ok: true };
  });
}
