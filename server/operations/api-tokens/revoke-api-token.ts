/**
 * Revokes an API token: every request with it is refused from now on (401, as an unknown token).
 * The row stays, marked revoked, so the administrateur's list says what happened to it. Scoped
 * to its administrateur: a token of someone else is a NotFoundError (404); revoking twice is a no-op.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiTokens } from "../../db/schema";
import { NotFoundError } from "../../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function revokeApiToken(db: Db, administrateurId: number, tokenId: string): Promise<void> {
  if (!UUID.test(tokenId)) throw new NotFoundError("ApiToken");
  const [token] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.administrateurId, administrateurId)));
  if (!token) throw new NotFoundError("ApiToken");
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)));
}
