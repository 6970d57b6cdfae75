/**
 * Database sessions: the cookie holds a random token, the database its SHA-256, so sessions can be
 * listed, expired and revoked server-side (sign-out everywhere, password reset).
 */
import { and, eq, gt, sql } from "drizzle-orm";
import type { CurrentUser } from "./context";
import type { DbOrTx } from "../db/client";
import { administrateurs, experts, instructeurs, sessions, users } from "../db/schema";
import { randomToken, sha256Hex } from "../security/tokens";

export const SESSION_TTL_DAYS = 30;
/** last_seen_at is refreshed at most this often, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 10 * 60 * 1000;

export async function createSession(db: DbOrTx, userId: number, userAgent: string | null, franceConnectIdToken?: string | null) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_DAYS * 24 * 3600 * 1000);
  await db
    .insert(sessions)
    .values({ idHash: sha256Hex(token), userId, expiresAt, userAgent: userAgent?.slice(0, 500), franceConnectIdToken });
  return { token, maxAgeSeconds: SESSION_TTL_DAYS * 24 * 3600 };
}

/** Closes a session; gives its FranceConnect ID token, if it was opened with FranceConnect (for the provider's logout). */
export async function destroySession(db: DbOrTx, idHash: string): Promise<{ franceConnectIdToken: string | null }> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.idHash, idHash))
    .returning({ franceConnectIdToken: sessions.franceConnectIdToken });
  return { franceConnectIdToken: row?.franceConnectIdToken ?? null };
}

export async function destroyAllSessions(db: DbOrTx, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Returns the signed-in user of a session token, with their profiles, or null. */
export async function loadSessionUser(
  db: DbOrTx,
  token: string | undefined,
): Promise<{ user: CurrentUser; idHash: string } | null> {
  if (!token || token.length > 100) return null;
  const idHash = sha256Hex(token);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      administrateurId: administrateurs.id,
      instructeurId: instructeurs.id,
      expertId: experts.id,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(administrateurs, eq(administrateurs.userId, users.id))
    .leftJoin(instructeurs, eq(instructeurs.userId, users.id))
    .leftJoin(experts, eq(experts.userId, users.id))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - new Date(row.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.idHash, idHash));
  }
  const { lastSeenAt: _, ...user } = row;
  return { user, idHash };
}
