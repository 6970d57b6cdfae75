/**
 * The « nouveau message » badge: dossiers with a message (`message.envoye` event) written by
 * someone else after the instructeur last opened the dossier's messagerie (or never opened it).
 * For the lists and notifications; the dossiers are expected to be in the instructeur's scope.
 */
import { and, eq, inArray, ne, or, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossierViews, events, instructeurs } from "../../db/schema";

export async function unreadMessageDossiers(
  db: DbOrTx,
  instructeurId: number,
  dossierIds: readonly number[],
): Promise<Set<number>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ dossierId: events.dossierId })
    .from(events)
    .leftJoin(dossierViews, and(eq(dossierViews.dossierId, events.dossierId), eq(dossierViews.instructeurId, instructeurId)))
    .where(
      and(
        inArray(events.dossierId, [...dossierIds]),
        eq(events.kind, "message.envoye"),
        // Not their own messages.
        or(
          isNull(events.actorUserId),
          ne(
            events.actorUserId,
            sql`(select ${instructeurs.userId} from ${instructeurs} where ${instructeurs.id} = ${instructeurId})`,
          ),
        ),
        // Event ids only grow: newer than the last event seen on the messagerie tab.
        or(isNull(dossierViews.messagerieSeenEventId), sql`${events.id} > ${dossierViews.messagerieSeenEventId}`),
      ),
    );
  return new Set(rows.map((r) => r.dossierId).filter((id): id is number => id !== null));
}
