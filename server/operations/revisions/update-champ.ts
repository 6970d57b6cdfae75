import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getTypeDeChamp, isTypeChamp } from "../../domain/champs/registry";
import type { Db } from "../../db/client";
import { typesDeChamp } from "../../db/schema";
import { type OperationResult, refuse, refuseFields } from "../../refusal";
import { ensureExclusiveToDraft, findDraftCoordinate, lockDraft } from "./draft-revision";
import { sanitizeDescription } from "./sanitize-description";

const ZUpdateChamp = z.object({
  stableId: z.number().int(),
  libelle: z.string().trim().min(1, { message: "libelle_required" }).max(500, { message: "libelle_too_long" }),
  description: z
    .string()
    .max(10_000, { message: "description_too_long" })
    .transform((v) => (v.trim() === "" ? null : sanitizeDescription(v))),
  mandatory: z.boolean(),
  options: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Changes a field of the draft form. A field that also belongs to a published revision is copied
 * first, so published forms never change under existing dossiers. Options are validated by the
 * field type; errors are returned with the keys of `admin.champEditor.errors`.
 */
export async function updateChamp(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: z.input<typeof ZUpdateChamp>,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Scope first: someone else's démarche is a 404 whatever they sent.
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const parsed = ZUpdateChamp.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
      return refuseFields(errors);
    }
    const { stableId, libelle, description, mandatory, options } = parsed.data;
    const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
    const [current] = await tx
      .select({ typeChamp: typesDeChamp.typeChamp })
      .from(typesDeChamp)
      .where(eq(typesDeChamp.id, coordinate.typeDeChampId));
    if (!current || !isTypeChamp(current.typeChamp)) return refuse("unknown_type", "form");
    const definition = getTypeDeChamp(current.typeChamp);
    const parsedOptions = definition.optionsSchema.safeParse(options);
    if (!parsedOptions.success) return refuse("options_invalid", "options");
    const typeDeChampId = await ensureExclusiveToDraft(tx, coordinate, draftRevisionId);
    await tx
      .update(typesDeChamp)
      .set({
        libelle,
        description,
        // Layout fields never hold a value, so they are never mandatory.
        mandatory: definition.hasValue ? mandatory : false,
        options: parsedOptions.data as Record<string, unknown>,
        updatedAt: sql`now()`,
      })
      .where(eq(typesDeChamp.id, typeDeChampId));
    return { ok: true };
  });
}
