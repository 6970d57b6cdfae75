/**
 * The « Groupe instructeur » block of the instructeur's dossier page: the dossier's groupe, the
 * open groupes it can be moved to (when the démarche has more than one), and its groupe changes
 * (`dossier.groupe_change` events: automatic routing, by hand, re-routing) with who made them.
 * The caller has found the dossier through the instructeur's scope.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { events, groupesInstructeurs, users } from "../../db/schema";
import type { EventPayload } from "../../domain/events/kinds";

export interface DossierGroupeChange {
  id: number;
  createdAt: Date;
  mode: EventPayload<"dossier.groupe_change">["mode"];
  fromLabel: string | null;
  toLabel: string;
  byEmail: string | null;
  actor: string;
}

export async function loadDossierGroupe(
  db: DbOrTx,
  dossier: { id: number; demarcheId: number; groupeInstructeurId: number | null; state: string },
) {
  const [current] =
    dossier.groupeInstructeurId === null
      ? []
      : await db
          .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label })
          .from(groupesInstructeurs)
          .where(eq(groupesInstructeurs.id, dossier.groupeInstructeurId));
  // Whether the démarche has several groupes (one indexed count; capped: only "more than one" matters).
  const [several] = await db
    .execute<{ several: boolean }>(
      sql`select count(*) > 1 as several from (select 1 from ${groupesInstructeurs} where ${groupesInstructeurs.demarcheId} = ${dossier.demarcheId} limit 2) g`,
    )
    .then((r) => r.rows);
  const movable = dossier.state === "en_construction" || dossier.state === "en_instruction";
  // Open groupes other than the current one: the choices of the move (none when it cannot move).
  const choices = movable
    ? await db
        .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label })
        .from(groupesInstructeurs)
        .where(
          and(
            eq(groupesInstructeurs.demarcheId, dossier.demarcheId),
            eq(groupesInstructeurs.closed, false),
            dossier.groupeInstructeurId === null ? undefined : ne(groupesInstructeurs.id, dossier.groupeInstructeurId),
          ),
        )
        .orderBy(asc(groupesInstructeurs.label), asc(groupesInstructeurs.id))
    : [];
  const rows = await db
    .select({
      id: events.id,
      createdAt: events.createdAt,
      payload: events.payload,
      actor: events.actor,
      byEmail: users.email,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorUserId))
    .where(and(eq(events.dossierId, dossier.id), eq(events.kind, "dossier.groupe_change")))
    .orderBy(asc(events.id));
  const changes: DossierGroupeChange[] = rows.map((row) => {
    const payload = row.payload as EventPayload<"dossier.groupe_change">;
    return {
      id: row.id,
      createdAt: row.createdAt,
      mode: payload.mode,
      fromLabel: payload.fromLabel,
      toLabel: payload.toLabel,
      byEmail: row.byEmail,
      actor: row.actor,
    };
  });
  return { severalGroupes: Boolean(several?.several), current: current ?? null, choices, changes };
}
