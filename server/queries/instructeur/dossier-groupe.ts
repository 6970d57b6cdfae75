/**
 * The « Groupe instructeur » block of the instructeur's dossier page: the dossier's groupe, the
 * open groupes it can be moved to (when the démarche has more than one), and its groupe changes
 * (`dossier.groupe_change` events: automatic routing, by hand, re-routing) with who made them.
 * The caller has found the dossier through the instructeur's scope.
 */
import { and, asc, eq, ilike, ne, sql } from "drizzle-orm";
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

/** At most this many groupes are offered at once; a démarche may have thousands (search narrows them). */
export const GROUPE_CHOICES_LIMIT = 50;

/** `%` and `_` typed by the instructeur are matched literally. */
function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function loadDossierGroupe(
  db: DbOrTx,
  dossier: { id: number; demarcheId: number; groupeInstructeurId: number | null; state: string },
  /** Narrows the choices to groupes whose label contains it (case-insensitive). */
  search = "",
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
  // Open groupes other than the current one: the choices of the move (none when it cannot move),
  // the first GROUPE_CHOICES_LIMIT by label (one more read tells whether there are others).
  const found = movable
    ? await db
        .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label })
        .from(groupesInstructeurs)
        .where(
          and(
            eq(groupesInstructeurs.demarcheId, dossier.demarcheId),
            eq(groupesInstructeurs.closed, false),
            dossier.groupeInstructeurId === null ? undefined : ne(groupesInstructeurs.id, dossier.groupeInstructeurId),
            search ? ilike(groupesInstructeurs.label, containsPattern(search)) : undefined,
          ),
        )
        .orderBy(asc(groupesInstructeurs.label), asc(groupesInstructeurs.id))
        .limit(GROUPE_CHOICES_LIMIT + 1)
    : [];
  const choices = found.slice(0, GROUPE_CHOICES_LIMIT);
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
  return {
    severalGroupes: Boolean(several?.several),
    current: current ?? null,
    choices,
    /** More groupes match than are listed: the page offers the search. */
    choicesTruncated: found.length > GROUPE_CHOICES_LIMIT,
    search,
    changes,
  };
}
