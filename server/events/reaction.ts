import type { Tx } from "../db/client";
import type { EventKind } from "../domain/events/kinds";
import type { RecordedEvent } from "./record-event";

/**
 * Something that reacts to events of some kinds, inside the transaction that records them: it
 * writes rows or enqueues jobs, never calls the outside world itself (jobs do, after commit).
 */
export interface Reaction<K extends EventKind = EventKind> {
  /** Stable name: used in job keys and logs. */
  name: string;
  kinds: readonly K[];
  react(tx: Tx, event: RecordedEvent<K>): Promise<void>;
}

/** Declares a reaction with its kinds checked against the registry. */
export function defineReaction<K extends EventKind>(reaction: Reaction<K>): Reaction<K> {
  return reaction;
}
