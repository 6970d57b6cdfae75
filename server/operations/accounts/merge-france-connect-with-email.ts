import type { Db } from "../../db/client";
import { type Refused, refuse } from "../../refusal";
import type { SignedIn } from "./fields";
import { findPendingMerge, linkIdentity } from "./france-connect-links";
import { openSession } from "./open-session";

export type MergeWithEmailResult = ({ ok: true } & SignedIn) | Refused<object, "invalid_token">;

/**
 * The link of the merge e-mail: the address is proven, the FranceConnect identity is linked to its
 * account and the browser signed in (single use: the token is cleared by the link).
 */
export async function mergeFranceConnectWithEmail(
  db: Db,
  input: { token: unknown; userAgent: string | null; previousSessionIdHash?: string | null },
): Promise<MergeWithEmailResult> {
  return db.transaction(async (tx) => {
    const pending = await findPendingMerge(tx, "email", input.token);
    if (!pending) return refuse("invalid_token");
    await linkIdentity(tx, pending.informationId, pending.userId);
    const session = await openSession(tx, pending.userId, {
      userAgent: input.userAgent,
      previousSessionIdHash: input.previousSessionIdHash,
      franceConnectIdToken: pending.pendingIdToken,
    });
    return { ok: true as const, ...session };
  });
}
