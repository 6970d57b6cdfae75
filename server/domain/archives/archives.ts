/**
 * Monthly archives of a démarche (the reference's `Archive`, ds-behaviour §5.2 « Archives »): a
 * zip of every dossier decided (accepté, refusé, classé sans suite) in a calendar month, Paris
 * time, with all its files. The reference's limits: kept 4 days, stuck after 16 hours, at most
 * 100 GB (estimated from the files' sizes before generating).
 */
export const ARCHIVE_KEEP_FOR_MS = 4 * 24 * 60 * 60 * 1000;
export const ARCHIVE_STUCK_AFTER_MS = 16 * 60 * 60 * 1000;
/** A purged archive's row stays this long, so that its link says « expired » instead of « not found ». */
export const ARCHIVE_PURGED_ROW_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_ARCHIVE_BYTES = 100 * 1024 ** 3;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM`, a real month. */
export function isArchiveMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH.test(value) && Number(value.slice(0, 4)) >= 2000;
}

/** `archive_<démarche>_<YYYY-MM>.zip`. */
export function archiveFilename(demarcheId: number, month: string): string {
  return `archive_${demarcheId}_${month}.zip`;
}

/** When a generated archive's file is removed. */
export function archiveExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + ARCHIVE_KEEP_FOR_MS);
}

/** The first day of the month, for display (`new Date(y, m, 1)` in UTC: format it with timeZone UTC). */
export function monthDate(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
}

/** The month as people read it, in the reader's language: « mars 2026 », « March 2026 ». */
export function archiveMonthLabel(month: string, locale: string): string {
  if (!isArchiveMonth(month)) return month;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(monthDate(month));
}

/** A set of groupe ids as archives store it: distinct, ascending. */
export function normalizeGroupeIds(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The same groupe set (both normalized), or both the whole démarche (null). */
export function sameArchiveScope(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
