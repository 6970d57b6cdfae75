/**
 * An instructeur chooses, per démarche they instruct, which e-mails they get: an instant e-mail at
 * each new dossier, each new message, each new avis, the daily digest and the weekly overview.
 * Scope: a démarche on which they are in a groupe (NotFoundError otherwise, nothing changes).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches, instructeurDemarchePreferences } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import type { NotificationPreferences } from "../../domain/notifications/notifications";
import { NotFoundError } from "../../errors";

export async function saveNotificationPreferences(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  preferences: NotificationPreferences,
) {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  await db.transaction(async (tx) => {
    const [demarche] = await tx
      .select({ id: demarches.id })
      .from(demarches)
      .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(instructeurId)));
    if (!demarche) throw new NotFoundError("Demarche");
    await tx
      .insert(instructeurDemarchePreferences)
      .values({ instructeurId, demarcheId, ...preferences })
      .onConflictDoUpdate({
        target: [instructeurDemarchePreferences.instructeurId, instructeurDemarchePreferences.demarcheId],
        set: { ...preferences, updatedAt: new Date() },
      });
  });
}
