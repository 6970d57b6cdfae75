/**
 * A small in-process cache for the public statistics (the API and the public pages): keyed by what
 * and by Paris day, each entry lives `ttlMs` at most, and the oldest entries go past `max` entries.
 * Each web process has its own; the HTTP responses also carry Cache-Control so proxies share them.
 * Entries belong to one database handle: a process serving one database (production) has one table;
 * test files sharing a process each open their own database, whose ids must not meet.
 */
type Entries = Map<string, { expires: number; value: Promise<unknown> }>;
const perDatabase = new WeakMap<object, Entries>();
const MAX_ENTRIES = 1000;

export async function cachedStatistics<T>(
  db: object,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  let entries = perDatabase.get(db);
  if (!entries) {
    entries = new Map();
    perDatabase.set(db, entries);
  }
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = compute();
  entries.delete(key);
  entries.set(key, { expires: now + ttlMs, value });
  // A failed computation is not kept.
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return value;
}

/** Public statistics are recomputed at most once an hour per démarche and day. */
export const PUBLIC_STATS_TTL_MS = 60 * 60 * 1000;
