/**
 * The daily expiry reminders of API tokens: for each token expiring within a month and not
 * revoked, the reminder due now (`dueExpiryWindow`) is e-mailed to its administrateur once. Each
 * token is decided in its own transaction that first inserts `api_token_expiry_notices (token,
 * window, expiry)` and only then enqueues the mail: a second run, concurrent or later, on any
 * worker, conflicts on that row and sends nothing.
 */
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { administrateurs, apiTokenExpiryNotices, apiTokens, users } from "../../db/schema";
import { dueExpiryWindow } from "../../domain/api-tokens/expiry";
import { apiTokenPrefix } from "../../graphql/auth";
import { enqueueMail } from "../../jobs/enqueue-mail";

export async function sendApiTokenExpiryNotices(db: Db, now = new Date()): Promise<{ sent: number; already_sent: number }> {
  const horizon = new Date(now);
  horizon.setUTCMonth(horizon.getUTCMonth() + 1);
  const candidates = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      email: users.email,
      locale: users.locale,
    })
    .from(apiTokens)
    .innerJoin(administrateurs, eq(administrateurs.id, apiTokens.administrateurId))
    .innerJoin(users, eq(users.id, administrateurs.userId))
    .where(and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now), lte(apiTokens.expiresAt, horizon)));
  const outcome = { sent: 0, already_sent: 0 };
  for (const token of candidates) {
    if (!token.expiresAt) continue;
    const expiresAt = token.expiresAt;
    const window = dueExpiryWindow({ createdAt: token.createdAt, expiresAt }, now);
    if (!window) continue;
    const sent = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(apiTokenExpiryNotices)
        .values({ tokenId: token.id, window, expiresAt, createdAt: sql`now()` })
        .onConflictDoNothing()
        .returning({ tokenId: apiTokenExpiryNotices.tokenId });
      if (inserted.length === 0) return false;
      await enqueueMail(
        tx,
        token.email,
        "api_token_expiring",
        { name: token.name, prefix: apiTokenPrefix(token.id), expiresAt: expiresAt.toISOString() },
        isLocale(token.locale) ? token.locale : DEFAULT_LOCALE,
      );
      return true;
    });
    outcome[sent ? "sent" : "already_sent"]++;
  }
  return outcome;
}
