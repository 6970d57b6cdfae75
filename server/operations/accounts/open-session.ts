import { eq, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { DbOrTx } from "../../db/client";
import { administrateurs, instructeurs, users } from "../../db/schema";
import { createSession, destroySession } from "../../http/session";
import type { SignedIn } from "./fields";
import { homePathFor } from "./home-path";

/**
 * Signs a user in: a new session (always a new token, so a session fixed before sign-in is never
 * reused), the previous session of this browser closed, last_sign_in_at updated. Gives the account's
 * language, which the pages then use (the language of its e-mails: see `users.locale`).
 */
export async function openSession(
  db: DbOrTx,
  userId: number,
  options: { userAgent: string | null; previousSessionIdHash?: string | null; franceConnectIdToken?: string | null },
): Promise<SignedIn> {
  if (options.previousSessionIdHash) await destroySession(db, options.previousSessionIdHash);
  const { token, maxAgeSeconds } = await createSession(db, userId, options.userAgent, options.franceConnectIdToken);
  await db.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, userId));
  const [profiles] = await db
    .select({ administrateurId: administrateurs.id, instructeurId: instructeurs.id, locale: users.locale })
    .from(users)
    .leftJoin(administrateurs, eq(administrateurs.userId, users.id))
    .leftJoin(instructeurs, eq(instructeurs.userId, users.id))
    .where(eq(users.id, userId));
  return {
    userId,
    sessionToken: token,
    maxAgeSeconds,
    homePath: homePathFor(profiles ?? { administrateurId: null, instructeurId: null }),
    locale: isLocale(profiles?.locale) ? profiles.locale : DEFAULT_LOCALE,
  };
}
