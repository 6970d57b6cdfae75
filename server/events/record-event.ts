/**
 * Records a domain event in the caller's transaction and runs the reactions registered for its
 * kind, in that same transaction (decision 0009). Reactions only write to the database — rows
 * (notifications) and jobs (e-mails, webhooks) — so that if the change rolls back, nothing of it
 * happened, and once it commits each reaction has run exactly once for the event: no sweeper, no
 * second delivery when several workers run.
 */
import type { Tx } from "../db/client";
import { events } from "../db/schema";
import { type EventActor, type EventKind, type EventPayload, payloadIssues } from "../domain/events/kinds";
import { REACTIONS } from "./reactions";

export interface EventInput<K extends EventKind> {
  kind: K;
  demarcheId: number;
  dossierId: number | null;
  actor: EventActor;
  actorUserId: number | null;
  payload: EventPayload<K>;
}

export interface RecordedEvent<K extends EventKind = EventKind> extends EventInput<K> {
  id: number;
  createdAt: Date;
}

/** A payload its kind refuses: a programming error, thrown so the caller's change rolls back. */
export class InvalidEventPayloadError extends Error {
  constructor(kind: EventKind, issues: readonly string[]) {
    super(`invalid payload for event ${kind}: ${issues.join("; ")}`);
    this.name = "InvalidEventPayloadError";
  }
}

export async function recordEvent<K extends EventKind>(tx: Tx, input: EventInput<K>): Promise<RecordedEvent<K>> {
  const issues = payloadIssues(input.kind, input.payload);
  if (issues) throw new InvalidEventPayloadError(input.kind, issues);
  const [row] = await tx
    .insert(events)
    .values({
      kind: input.kind,
      demarcheId: input.demarcheId,
      dossierId: input.dossierId,
      actor: input.actor,
      actorUserId: input.actorUserId,
      payload: input.payload,
    })
    .returning({ id: events.id, createdAt: events.createdAt });
  if (!row) throw new Error("event insert returned no row");
  const recorded: RecordedEvent<K> = { ...input, id: row.id, createdAt: row.createdAt };
  for (const reaction of REACTIONS) {
    if ((reaction.kinds as readonly EventKind[]).includes(input.kind)) await reaction.react(tx, recorded as never);
  }
  return recorded;
}
