/**
 * Renews an API token: a new secret replaces the old one (which stops working at once), every
 * other setting stays. Returns the new bearer string, shown once. Scoped to its administrateur: a
 * token of someone else, or a revoked one, is a NotFoundError (404).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiTokens } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { encodeApiTokenBearer, hashApiTokenSecret } from "../../graphql/auth";
import { type OperationResult, refuse } from "../../refusal";
import { randomToken } from "../../security/tokens";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function renewApiToken(
  db: Db,
  administrateurId: number,
  tokenId: string,
  now = new Date(),
): Promise<OperationResult<{ id: string; bearer: string }>> {
  if (!UUID.test(tokenId)) throw new NotFoundError("ApiToken");
  const secret = randomToken(32);
  return db.transaction(async (tx): Promise<OperationResult<{ id: string; bearer: string }>> => {
    const [token] = await tx
      .select({ id: apiTokens.id, expiresAt: apiTokens.expiresAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.administrateurId, administrateurId), isNull(apiTokens.revokedAt)))
      .for("update");
    if (!token) throw new NotFoundError("ApiToken");
    // Same settings means the same expiry: an expired token would come back expired.
    if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return refuse("token_expired", "form");
    await tx
      .update(apiTokens)
      .set({ secretHash: hashApiTokenSecret(secret), renewedAt: sql`now()` })
      .where(eq(apiTokens.id, token.id));
    return { ok: true, id: token.id, bearer: encodeApiTokenBearer(token.id, secret) };
  });
}
