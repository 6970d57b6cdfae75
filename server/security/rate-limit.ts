/**
 * Fixed-window rate limits shared by every web process through the `rate_limits` table: one row
 * per (key, window start) whose counter is bumped atomically by each attempt.
 *
 * A fixed window lets up to twice the limit through around a window boundary; that is acceptable
 * for what it protects (password guessing, mail flooding) and keeps each check to one statement.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { rateLimits } from "../db/schema";
import { sha256Hex } from "./tokens";

export interface RateLimitRule {
  /** What is counted, e.g. `sign_in:ip:203.0.113.4` (see `rateLimitKey`). */
  key: string;
  /** Attempts allowed per window; the attempt that makes the count exceed it is refused. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window of the (first) exhausted rule ends; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Windows are kept this long before `cleanupRateLimits` removes them (longer than any window used). */
export const RATE_LIMIT_RETENTION_SECONDS = 24 * 3600;

/** Start of the fixed window containing `now` (windows are aligned on the Unix epoch). */
export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Builds a counter key. The subject (an e-mail, an IP address) is stored hashed: the table only
 * needs to tell subjects apart, not to know who they are.
 */
export function rateLimitKey(action: string, kind: "email" | "ip", subject: string): string {
  return `${action}:${kind}:${sha256Hex(subject.trim().toLowerCase()).slice(0, 32)}`;
}

/** Counts one attempt against a rule and says whether it is within the limit. */
export async function hitRateLimit(db: DbOrTx, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const start = windowStart(now, rule.windowSeconds);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  if (count <= rule.limit) return { allowed: true, retryAfterSeconds: 0 };
  const end = start.getTime() + rule.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
}

/**
 * Counts one attempt against every rule (all of them, so that each counter stays exact) and refuses
 * if any is exceeded.
 */
export async function hitRateLimits(db: DbOrTx, rules: RateLimitRule[], now = new Date()): Promise<RateLimitResult> {
  let refused: RateLimitResult | null = null;
  for (const rule of rules) {
    const result = await hitRateLimit(db, rule, now);
    if (!result.allowed && (!refused || result.retryAfterSeconds > refused.retryAfterSeconds)) refused = result;
  }
  return refused ?? { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Gives back one attempt per rule, in the window it was counted in (pass the same `now` as the hit).
 * For limits meant to stop failures only: a successful sign-in should not use the budget of a
 * person who signs in often, or of a help desk where many people sign in from one address. The
 * attempt is still counted first, so that parallel guesses are stopped before any is checked.
 */
export async function refundRateLimits(db: DbOrTx, rules: RateLimitRule[], now: Date): Promise<void> {
  for (const rule of rules) {
    await db
      .update(rateLimits)
      .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
      .where(and(eq(rateLimits.key, rule.key), eq(rateLimits.windowStart, windowStart(now, rule.windowSeconds))));
  }
}

/** Deletes windows older than the retention; meant for a periodic job. Returns the rows removed. */
export async function cleanupRateLimits(db: DbOrTx, options: { olderThanSeconds?: number; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.olderThanSeconds ?? RATE_LIMIT_RETENTION_SECONDS) * 1000);
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ key: rateLimits.key });
  return deleted.length;
}
