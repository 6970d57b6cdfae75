import { eq, sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { franceConnectInformations, franceConnectRequests, users } from "../../db/schema";
import { acceptableAcr, parseFranceConnectClaims } from "../../domain/accounts/france-connect";
import type { FranceConnectClient, FranceConnectTokens } from "../../integrations/franceconnect/client";
import { randomToken, safeEqual, sha256Hex } from "../../security/tokens";
import { type Refused, refuse } from "../../refusal";
import type { SignedIn } from "./fields";
import { linkIdentity, MERGE_TOKEN_TTL_SECONDS, plausibleToken, upsertIdentity } from "./france-connect-links";
import { openSession } from "./open-session";

export type FranceConnectFailure =
  /** No sign-in in progress in this browser for this state (tampered, replayed, expired, other browser). */
  | "invalid_state"
  /** The provider answered with an error (the person cancelled, refused…). */
  | "provider_error"
  /** The code exchange or the ID token checks failed (nonce, signature, PKCE…), or the provider is down. */
  | "exchange_failed"
  /** The level of guarantee is not what was asked. */
  | "insufficient_acr"
  /** FranceConnect gave no e-mail: an account cannot be created nor found. */
  | "missing_email"
  | "invalid_claims";

export type FranceConnectCallbackResult =
  | { ok: true; kind: "signed_in"; signedIn: SignedIn; redirectTo: string | null; created: boolean }
  /** An account has this e-mail: it must be proven before the identity is linked (merge page). */
  | { ok: true; kind: "merge"; mergeToken: string; redirectTo: string | null }
  | Refused<object, FranceConnectFailure>;

export interface FranceConnectCallbackInput {
  /** The callback's query string (code, state, or error). */
  query: URLSearchParams;
  /** The token of this browser's FranceConnect cookie, set when the sign-in started. */
  bindingToken: string | undefined;
  locale: Locale;
  userAgent: string | null;
  previousSessionIdHash?: string | null;
}

/**
 * FranceConnect's callback. The state must be one this browser started (its row is deleted: used
 * once); then the code is exchanged with the PKCE verifier and the nonce checked, and the identity
 * validated. A known identity signs its account in; an unknown e-mail gets a new account, confirmed
 * (FranceConnect verified the address), signed in; an e-mail that already has an account waits for
 * that account to be proven (password or e-mail link): nothing is linked before.
 */
export async function franceConnectCallback(
  db: Db,
  client: FranceConnectClient,
  input: FranceConnectCallbackInput,
): Promise<FranceConnectCallbackResult> {
  const state = input.query.get("state");
  if (!plausibleToken(state) || !input.bindingToken) return refuse("invalid_state");
  const [request] = await db
    .delete(franceConnectRequests)
    .where(eq(franceConnectRequests.stateHash, sha256Hex(state)))
    .returning({
      bindingHash: franceConnectRequests.bindingHash,
      nonce: franceConnectRequests.nonce,
      codeVerifier: franceConnectRequests.codeVerifier,
      redirectTo: franceConnectRequests.redirectTo,
      live: sql<boolean>`${franceConnectRequests.expiresAt} > now()`,
    });
  if (!request || !request.live || !safeEqual(request.bindingHash, sha256Hex(input.bindingToken))) {
    return refuse("invalid_state");
  }
  if (input.query.has("error")) return refuse("provider_error");

  let tokens: FranceConnectTokens;
  try {
    tokens = await client.exchange(input.query, { state, nonce: request.nonce, codeVerifier: request.codeVerifier });
  } catch {
    return refuse("exchange_failed");
  }
  if (!acceptableAcr(tokens.idClaims.acr)) return refuse("insufficient_acr");
  const parsed = parseFranceConnectClaims({ ...tokens.userinfo, sub: tokens.idClaims.sub });
  if (!parsed.ok) return refuse(parsed.reason);
  const identity = parsed.identity;
  const redirectTo = request.redirectTo;

  return db.transaction(async (tx): Promise<FranceConnectCallbackResult> => {
    const session = (userId: number) =>
      openSession(tx, userId, {
        userAgent: input.userAgent,
        previousSessionIdHash: input.previousSessionIdHash,
        franceConnectIdToken: tokens.idToken,
      });
    const linkedUser = async () => {
      const [known] = await tx
        .select({ userId: franceConnectInformations.userId })
        .from(franceConnectInformations)
        .where(eq(franceConnectInformations.sub, identity.sub))
        .limit(1);
      return known?.userId ?? null;
    };
    const signInLinked = async (userId: number): Promise<FranceConnectCallbackResult> => {
      await upsertIdentity(tx, identity, {});
      return { ok: true, kind: "signed_in", signedIn: await session(userId), redirectTo, created: false };
    };
    const known = await linkedUser();
    if (known) return signInLinked(known);
    const [created] = await tx
      .insert(users)
      .values({ email: identity.email, passwordHash: null, emailConfirmedAt: sql`now()`, locale: input.locale })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (created) {
      const informationId = await upsertIdentity(tx, identity, {});
      await linkIdentity(tx, informationId, created.id);
      return { ok: true, kind: "signed_in", signedIn: await session(created.id), redirectTo, created: true };
    }
    // The same identity signing in twice at once: the other sign-in created and linked the account.
    const linkedMeanwhile = await linkedUser();
    if (linkedMeanwhile) return signInLinked(linkedMeanwhile);
    const mergeToken = randomToken();
    await upsertIdentity(tx, identity, {
      userId: null,
      mergeTokenHash: sha256Hex(mergeToken),
      mergeTokenExpiresAt: sql`now() + make_interval(secs => ${MERGE_TOKEN_TTL_SECONDS})`,
      emailMergeTokenHash: null,
      emailMergeTokenExpiresAt: null,
      pendingIdToken: tokens.idToken,
    });
    return { ok: true, kind: "merge", mergeToken, redirectTo };
  });
}
