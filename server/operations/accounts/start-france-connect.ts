import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { franceConnectRequests } from "../../db/schema";
import type { FranceConnectClient } from "../../integrations/franceconnect/client";
import { randomToken, sha256Hex } from "../../security/tokens";
import { type Refused, refuse } from "../../refusal";
import { cleanRedirectPath } from "./redirect-path";

/** How long a FranceConnect sign-in may take between the button and the callback. */
export const FRANCE_CONNECT_REQUEST_TTL_SECONDS = 10 * 60;

export type StartFranceConnectResult =
  | { ok: true; url: string; bindingToken: string }
  /** The provider could not be reached (discovery failed): the page says FranceConnect is unavailable. */
  | Refused<object, "unavailable">;

/**
 * Starts a FranceConnect sign-in: the state (hashed), nonce and PKCE verifier are kept server-side,
 * bound to this browser by a random token the route puts in an HttpOnly cookie; the browser is sent
 * to the provider's authorization URL. Stale requests are removed on the way.
 */
export async function startFranceConnect(
  db: DbOrTx,
  client: FranceConnectClient,
  input: { redirectTo?: unknown },
): Promise<StartFranceConnectResult> {
  let request: Awaited<ReturnType<FranceConnectClient["authorizationRequest"]>>;
  try {
    request = await client.authorizationRequest();
  } catch {
    return refuse("unavailable");
  }
  const bindingToken = randomToken();
  await db.delete(franceConnectRequests).where(lt(franceConnectRequests.expiresAt, sql`now()`));
  await db.insert(franceConnectRequests).values({
    stateHash: sha256Hex(request.state),
    bindingHash: sha256Hex(bindingToken),
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    redirectTo: cleanRedirectPath(input.redirectTo) ?? null,
    expiresAt: sql`now() + make_interval(secs => ${FRANCE_CONNECT_REQUEST_TTL_SECONDS})`,
  });
  return { ok: true, url: request.url, bindingToken };
}
