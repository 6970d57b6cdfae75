/** The instructeur's e-mail preferences on each démarche they instruct (defaults where never saved). */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { demarches, instructeurDemarchePreferences } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
} from "../../domain/notifications/notifications";

export async function notificationPreferencesOf(db: DbOrTx, instructeurId: number) {
  const rows = await db
    .select({ id: demarches.id, libelle: demarches.libelle, prefs: instructeurDemarchePreferences })
    .from(demarches)
    .leftJoin(
      instructeurDemarchePreferences,
      and(
        eq(instructeurDemarchePreferences.demarcheId, demarches.id),
        eq(instructeurDemarchePreferences.instructeurId, instructeurId),
      ),
    )
    .where(demarchesOfInstructeur(instructeurId))
    .orderBy(asc(demarches.libelle), asc(demarches.id));
  return rows.map((row) => {
    const preferences = { ...DEFAULT_NOTIFICATION_PREFERENCES };
    if (row.prefs) for (const key of NOTIFICATION_PREFERENCES) preferences[key] = row.prefs[key];
    return { demarcheId: row.id, libelle: row.libelle, preferences: preferences as NotificationPreferences };
  });
}
