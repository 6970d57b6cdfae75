import type { Db } from "../../db/client";
import type { SignedIn } from "./fields";
import { findPendingMerge, linkIdentity } from "./france-connect-links";
import { openSession } from "./open-session";

export type MergeWithEmailResult = ({ ok: true } & SignedIn) | { ok: false; reason: "invalid_token" };

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
    if (!pending) return { ok: false as const, reason: "invalid_token" as const };
    await linkIdentity(tx, pending.informationId, pending.userId);
    const session = await openSession(tx, pending.userId, {
      userAgent: input.userAgent,
      previousSessionIdHash: input.previousSessionIdHash,
      franceConnectIdToken: pending.pendingIdToken,
    });
    return { ok: true as const, ...session };
  });
}
