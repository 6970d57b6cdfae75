import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { demarchesOfAdministrateur } from "../../db/scopes";
import { CLOSING_DETAILS_MAX, checkReplacement, mayClose } from "../../domain/demarches/lifecycle";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { administrateurUserId } from "../../lookups/administrateur-user";
import { type OperationResult, refuse } from "../../refusal";

const ZCloseInput = z.object({
  /** A published démarche of the same administrateur: /commencer/<path> of this one redirects there. */
  replacedByDemarcheId: z.number().int().positive().nullable().default(null),
  /** Why, in plain words, shown on /commencer/<path> (the reference's `closing_details`). */
  closingDetails: z.string().trim().max(CLOSING_DETAILS_MAX, { message: "closing_details_too_long" }).default(""),
  /** E-mail the usagers who have a brouillon / a dossier en construction or en instruction. */
  notifyBrouillon: z.boolean().default(false),
  notifyEnCours: z.boolean().default(false),
});
export type CloseDemarcheInput = z.input<typeof ZCloseInput>;

/**
 * Closes a published démarche (the reference's `close`): no new dossier can be started or
 * submitted; dossiers already submitted are still processed by the instructeurs. With a replacement
 * (another published démarche the administrateur administers) the old link leads to it; usagers are
 * told by e-mail when asked (a reaction to `demarche.close` enqueues the job, after commit).
 */
export async function closeDemarche(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: CloseDemarcheInput = {},
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const parsed = ZCloseInput.safeParse(input);
    if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? "closing_details_too_long", "closingDetails");
    const { replacedByDemarcheId, closingDetails, notifyBrouillon, notifyEnCours } = parsed.data;
    if (!mayClose(demarche)) return refuse("not_published", "form");
    if (replacedByDemarcheId !== null) {
      // Another administrateur's démarche is, for this one, a démarche that does not exist.
      const [replacement] = await tx
        .select({ id: demarches.id, state: demarches.state, hiddenAt: demarches.hiddenAt })
        .from(demarches)
        .where(
          and(eq(demarches.id, replacedByDemarcheId), demarchesOfAdministrateur(administrateurId), isNull(demarches.hiddenAt)),
        );
      const check = checkReplacement(demarcheId, replacement ?? null);
      if (!check.ok) return refuse(check.code, "replacedByDemarcheId");
    }
    await tx
      .update(demarches)
      .set({
        state: "close",
        closedAt: sql`now()`,
        updatedAt: sql`now()`,
        autoArchiveOn: null,
        replacedByDemarcheId,
        closingReason: replacedByDemarcheId !== null ? "internal_procedure" : closingDetails ? "other" : null,
        closingDetails: closingDetails || null,
        closingNotificationBrouillon: notifyBrouillon,
        closingNotificationEnCours: notifyEnCours,
      })
      .where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.close",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: { replacedByDemarcheId, notifyBrouillon, notifyEnCours },
    });
    return { ok: true };
  });
}
