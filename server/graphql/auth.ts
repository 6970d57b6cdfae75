/**
 * API tokens of the GraphQL API.
 *
 * The bearer string is base64url(`<api_tokens.id>;<secret>`), as on the reference platform, so the
 * row is found by its primary key and only the secret is checked. We store SHA-256(secret): the
 * secret is 256 random bits, so a slow hash adds nothing, and the check stays cheap per request.
 * Comparison is constant-time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { apiTokens } from "../db/schema";
import { networkAllows, singleAddressRange } from "../security/networks";

/** What a request authenticated by a token may do. */
export interface ApiTokenContext {
  id: string;
  administrateurId: number;
  /** Null: every démarche of the administrateur (including future ones). */
  allowedDemarcheIds: number[] | null;
  writeAccess: boolean;
}

export type AuthenticationResult =
  | { ok: true; token: ApiTokenContext }
  | { ok: false; reason: "invalid" | "expired" }
  /** The client's address is outside the token's allowed networks; `range` is its own one-address range. */
  | { ok: false; reason: "forbidden_network"; range: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{20,200}$/;

/** `last_used_at` is written at most once per this many milliseconds per token. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The bearer string given to the administrateur: urlsafe base64 (padded) of `<id>;<secret>`. */
export function encodeApiTokenBearer(id: string, secret: string): string {
  const unpadded = Buffer.from(`${id};${secret}`, "utf8").toString("base64url");
  return unpadded.padEnd(Math.ceil(unpadded.length / 4) * 4, "=");
}

/** Splits a bearer string into the token id and its secret; null when it cannot be one of ours. */
export function decodeApiTokenBearer(bearer: string): { id: string; secret: string } | null {
  if (bearer.length > 400 || !/^[A-Za-z0-9_-]+={0,2}$/.test(bearer)) return null;
  const text = Buffer.from(bearer.replace(/=+$/, ""), "base64url").toString("utf8");
  const separator = text.indexOf(";");
  if (separator < 0) return null;
  const id = text.slice(0, separator).toLowerCase();
  const secret = text.slice(separator + 1);
  if (!UUID.test(id) || !SECRET.test(secret)) return null;
  return { id, secret };
}

/**
 * The token of an `Authorization` header: `Bearer <token>` (also the Rails form
 * `Bearer token="<token>"` / `Token token=<token>` that reference clients may send).
 * Undefined when there is no credential at all; null when the header is present but malformed.
 */
export function bearerFromHeader(header: string | undefined): string | null | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const match = /^\s*(?:Bearer|Token)\s+(.+?)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const credentials = match[1];
  const named = /^token="?([^",\s]+)"?/i.exec(credentials);
  return named?.[1] ?? credentials;
}

function secretMatches(secret: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = createHash("sha256").update(secret, "utf8").digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Checks a bearer string: the row must exist, the secret must match, the token must not be revoked,
 * the client's address (when given) must be in its allowed networks, and it must not be expired —
 * the reference's order. Updates `last_used_at` when it is older than a minute (one conditional
 * UPDATE), only for a request that is let through.
 */
export async function authenticateApiToken(
  db: DbOrTx,
  bearer: string,
  now = new Date(),
  clientAddress?: string,
): Promise<AuthenticationResult> {
  const decoded = decodeApiTokenBearer(bearer);
  if (!decoded) return { ok: false, reason: "invalid" };
  const [row] = await db
    .select({
      id: apiTokens.id,
      administrateurId: apiTokens.administrateurId,
      secretHash: apiTokens.secretHash,
      allowedDemarcheIds: apiTokens.allowedDemarcheIds,
      writeAccess: apiTokens.writeAccess,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      authorizedNetworks: apiTokens.authorizedNetworks,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.id, decoded.id))
    .limit(1);
  if (!row || !secretMatches(decoded.secret, row.secretHash) || row.revokedAt) return { ok: false, reason: "invalid" };
  if (clientAddress !== undefined && !networkAllows(row.authorizedNetworks, clientAddress)) {
    return { ok: false, reason: "forbidden_network", range: singleAddressRange(clientAddress) };
  }
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, row.id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  }
  return {
    ok: true,
    token: {
      id: row.id,
      administrateurId: row.administrateurId,
      allowedDemarcheIds: row.allowedDemarcheIds ?? null,
      writeAccess: row.writeAccess,
    },
  };
}

/** True when the token's restriction list (if any) lets it read this démarche. */
export function tokenAllowsDemarche(token: ApiTokenContext, demarcheId: number): boolean {
  return token.allowedDemarcheIds === null || token.allowedDemarcheIds.includes(demarcheId);
}

/** The first characters of a token's bearer string (they depend on its id only): how the list names it. */
export function apiTokenPrefix(id: string): string {
  return Buffer.from(`${id};`, "utf8").toString("base64url").slice(0, 5);
}
