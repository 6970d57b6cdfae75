/**
 * The démarche's avis d'experts settings (administrateur): whether instructeurs may ask experts,
 * whether experts of non-confidential avis may write in the messagerie, and whether only the
 * experts of the administrateur's list may be asked.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function updateExpertsSettings(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  input: { allowExpertReview: boolean; allowExpertMessaging: boolean; expertsRequireAdministrateurInvitation: boolean },
) {
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    await tx
      .update(demarches)
      .set({
        allowExpertReview: input.allowExpertReview,
        allowExpertMessaging: input.allowExpertMessaging,
        expertsRequireAdministrateurInvitation: input.expertsRequireAdministrateurInvitation,
        updatedAt: sql`now()`,
      })
      .where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.experts_modifies",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { change: "settings" },
    });
  });
}
