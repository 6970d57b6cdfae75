/**
 * When an API token's expiry reminders are due (the reference's 1 month, 1 week and 1 day before,
 * each only when the token lived longer than that window: a token created for 5 days gets the
 * « 1 day » reminder only).
 */
export const EXPIRY_WINDOWS = ["day", "week", "month"] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

/** The instant `window` before `expiresAt` (a calendar month for « month »). */
export function windowStart(expiresAt: Date, window: ExpiryWindow): Date {
  const start = new Date(expiresAt);
  if (window === "day") start.setUTCDate(start.getUTCDate() - 1);
  else if (window === "week") start.setUTCDate(start.getUTCDate() - 7);
  else {
    // 31 March minus a month is 28 (or 29) February, not 3 March.
    const day = start.getUTCDate();
    start.setUTCDate(1);
    start.setUTCMonth(start.getUTCMonth() - 1);
    const lastDay = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)).getUTCDate();
    start.setUTCDate(Math.min(day, lastDay));
  }
  return start;
}

/**
 * The reminder due at `now`: the narrowest window that has started and that the token's lifetime
 * exceeds; null when none (not yet within a month, already expired, or too short-lived). A run that
 * missed a window sends only the current one, never a stale « 1 month » a day before expiry.
 */
export function dueExpiryWindow(token: { createdAt: Date; expiresAt: Date }, now: Date): ExpiryWindow | null {
  if (token.expiresAt.getTime() <= now.getTime()) return null;
  for (const window of EXPIRY_WINDOWS) {
    const start = windowStart(token.expiresAt, window);
    if (start.getTime() <= now.getTime()) {
      return token.createdAt.getTime() < start.getTime() ? window : null;
    }
  }
  return null;
}
