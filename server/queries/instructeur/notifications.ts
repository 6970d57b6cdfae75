/**
 * Notification badges of a page of dossiers for one instructeur (decision 0009): two indexed
 * queries whatever the démarche's size — the dossiers' facts with this instructeur's view and
 * follow rows, and, through `events (dossier_id, id)`, the notifying events by someone else newer
 * than the oldest tab seen, one row per dossier, kind and stream. `badgesOf` decides the rest.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiers, dossierViews, follows } from "../../db/schema";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import {
  badgesOf,
  type EventFact,
  NOTIFYING_KINDS,
  type NotificationType,
  type SeenIds,
} from "../../domain/notifications/notifications";

export async function notificationBadges(
  db: DbOrTx,
  instructeurId: number,
  dossierIds: readonly number[],
  now = new Date(),
): Promise<Map<number, NotificationType[]>> {
  const result = new Map<number, NotificationType[]>();
  if (dossierIds.length === 0) return result;
  const ids = [...dossierIds];
  const facts = await db
    .select({
      id: dossiers.id,
      state: dossiers.state,
      deposeAt: dossiers.deposeAt,
      followedSince: follows.createdAt,
      followedByAnyone: sql<boolean>`exists (select 1 from follows f2 where f2.dossier_id = ${dossiers.id})`,
      demande: dossierViews.lastSeenEventId,
      annotations: dossierViews.annotationsSeenEventId,
      messagerie: dossierViews.messagerieSeenEventId,
      avis: dossierViews.avisSeenEventId,
    })
    .from(dossiers)
    .leftJoin(follows, and(eq(follows.dossierId, dossiers.id), eq(follows.instructeurId, instructeurId)))
    .leftJoin(dossierViews, and(eq(dossierViews.dossierId, dossiers.id), eq(dossierViews.instructeurId, instructeurId)))
    .where(and(inArray(dossiers.id, ids), dossiersVisibleToInstructeur(instructeurId)));
  if (facts.length === 0) return result;

  const rows = await db.execute(sql`
    select e.dossier_id, e.kind, e.payload->>'stream' as stream, max(e.id) as id, max(e.created_at) as created_at
    from events e
    left join dossier_views v on v.dossier_id = e.dossier_id and v.instructeur_id = ${instructeurId}
    where e.dossier_id in (${sql.join(
      facts.map((f) => sql`${f.id}`),
      sql`, `,
    )})
      and e.kind in (${sql.join(
        NOTIFYING_KINDS.map((k) => sql`${k}`),
        sql`, `,
      )})
      and e.id > least(coalesce(v.last_seen_event_id, 0), coalesce(v.annotations_seen_event_id, 0),
                       coalesce(v.messagerie_seen_event_id, 0), coalesce(v.avis_seen_event_id, 0))
      and e.actor_user_id is distinct from (select user_id from instructeurs where id = ${instructeurId})
    group by e.dossier_id, e.kind, e.payload->>'stream'`);
  const eventsByDossier = new Map<number, EventFact[]>();
  for (const row of rows.rows as Array<{
    dossier_id: number;
    kind: string;
    stream: string | null;
    id: string | number;
    created_at: string | Date;
  }>) {
    const fact: EventFact = {
      id: Number(row.id),
      kind: row.kind,
      payload: { stream: row.stream },
      createdAt: new Date(row.created_at),
    };
    eventsByDossier.set(row.dossier_id, [...(eventsByDossier.get(row.dossier_id) ?? []), fact]);
  }
  for (const f of facts) {
    const seen: SeenIds = {
      demande: f.demande ?? 0,
      annotations: f.annotations ?? 0,
      messagerie: f.messagerie ?? 0,
      avis: f.avis ?? 0,
    };
    const badges = badgesOf(
      {
        state: f.state,
        deposeAt: f.deposeAt,
        followedByMe: f.followedSince !== null,
        followedByAnyone: f.followedByAnyone,
        followedSince: f.followedSince,
      },
      eventsByDossier.get(f.id) ?? [],
      seen,
      now,
    );
    if (badges.length > 0) result.set(f.id, badges);
  }
  return result;
}
