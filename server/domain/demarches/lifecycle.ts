/**
 * The démarche's lifecycle rules, as the reference's (`procedure.rb` AASM, `discard`,
 * `can_be_deleted_by_administrateur?`, `auto_archive_on`): pure functions, no I/O.
 */
import type { DemarcheState } from "./states";

/** Days a démarche stays in the corbeille before it is deleted for good (the reference: 1 month). */
export const CORBEILLE_RETENTION_DAYS = 30;

/** Longest « why it closes » text shown on /commencer/<path> of a closed démarche. */
export const CLOSING_DETAILS_MAX = 2000;

/** « Toutes les démarches » (the platform's catalogue): the states listed, and démarches per page. */
export const CATALOGUE_STATES = ["publiee", "close"] as const;
export const CATALOGUE_PAGE_SIZE = 20;

export interface LifecycleDemarche {
  state: DemarcheState;
  hiddenAt: Date | null;
}

/** Only a published démarche is closed or unpublished. */
export function mayClose(d: LifecycleDemarche): boolean {
  return d.hiddenAt === null && d.state === "publiee";
}

export function mayUnpublish(d: LifecycleDemarche): boolean {
  return d.hiddenAt === null && d.state === "publiee";
}

/** A closing date is set on a démarche not closed yet (brouillon or publiée). */
export function maySetClosingDate(d: LifecycleDemarche): boolean {
  return d.hiddenAt === null && (d.state === "brouillon" || d.state === "publiee");
}

/**
 * Deletable (to the corbeille) if still in test, or if no dossier is en instruction, as the
 * reference; once there it is not deleted again.
 */
export function mayDiscard(d: LifecycleDemarche, dossiersEnInstruction: number): boolean {
  if (d.hiddenAt !== null) return false;
  return d.state === "brouillon" || dossiersEnInstruction === 0;
}

export function mayRestore(d: LifecycleDemarche): boolean {
  return d.hiddenAt !== null;
}

/** A discarded démarche published at that moment is closed (the reference's `discard!`). */
export function stateAfterDiscard(state: DemarcheState): DemarcheState {
  return state === "publiee" ? "close" : state;
}

/** The corbeille is emptied of what was put there before this instant. */
export function corbeilleCutoff(now: Date): Date {
  return new Date(now.getTime() - CORBEILLE_RETENTION_DAYS * 24 * 60 * 60 * 1000);
}

/** `YYYY-MM-DD` of an instant in Paris (closing dates are days, as the reference's, Paris time). */
export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );
}

export type ClosingDateCheck = { ok: true; day: string } | { ok: false; code: "closing_date_invalid" | "closing_date_past" };

/** A closing date must be a real day strictly after today (Paris): the reference's « must be future ». */
export function checkClosingDate(raw: string, now: Date): ClosingDateCheck {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!match) return { ok: false, code: "closing_date_invalid" };
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return { ok: false, code: "closing_date_invalid" };
  }
  const day = raw.trim();
  if (day <= parisDay(now)) return { ok: false, code: "closing_date_past" };
  return { ok: true, day };
}

/** Due for automatic closing: published with a closing date today or before. */
export function isClosingDue(d: LifecycleDemarche & { autoArchiveOn: string | null }, now: Date): boolean {
  return d.state === "publiee" && d.hiddenAt === null && d.autoArchiveOn !== null && d.autoArchiveOn <= parisDay(now);
}

export type ReplacementCheck =
  | { ok: true }
  | { ok: false; code: "replacement_not_found" | "replacement_not_published" | "replacement_self" };

/**
 * The replacement démarche: one the administrateur administers (else it does not exist for them),
 * not the one closed, and published (its link must lead somewhere).
 */
export function checkReplacement(
  closedId: number,
  replacement: { id: number; state: DemarcheState; hiddenAt: Date | null } | null,
): ReplacementCheck {
  if (!replacement || replacement.hiddenAt !== null) return { ok: false, code: "replacement_not_found" };
  if (replacement.id === closedId) return { ok: false, code: "replacement_self" };
  if (replacement.state !== "publiee") return { ok: false, code: "replacement_not_published" };
  return { ok: true };
}

/** Days before its closing date a démarche's unsubmitted brouillons are reminded (the reference's `INTERVAL_BEFORE_CLOSING`). */
export const DRAFT_REMINDER_DAYS_BEFORE_CLOSING = 2;

/** The closing day whose brouillons are reminded today (Paris): today + 2 days, as the reference's `auto_archive_on - 2 days = today`. */
export function draftReminderClosingDay(now: Date): string {
  const [y, m, d] = parisDay(now).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + DRAFT_REMINDER_DAYS_BEFORE_CLOSING)).toISOString().slice(0, 10);
}
