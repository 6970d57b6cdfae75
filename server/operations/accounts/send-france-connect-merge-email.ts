import { eq, sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { franceConnectInformations } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { hitRateLimits } from "../../security/rate-limit";
import { randomToken, sha256Hex } from "../../security/tokens";
import { refuse, refuseRateLimited } from "../../refusal";
import type { AccountRefused } from "./fields";
import { EMAIL_MERGE_TOKEN_TTL_SECONDS, findPendingMerge } from "./france-connect-links";
import { mailRequestRules } from "./limits";

export type SendMergeEmailResult = { ok: true; email: string } | AccountRefused<"invalid_token">;

/**
 * The other proof of the existing account: a link mailed to its address (valid one hour, single use;
 * a new one replaces the previous). Following it links the FranceConnect identity.
 */
export async function sendFranceConnectMergeEmail(
  db: Db,
  input: { mergeToken: unknown; locale: Locale; ip: string },
): Promise<SendMergeEmailResult> {
  const pending = await findPendingMerge(db, "merge", input.mergeToken);
  if (!pending) return refuse("invalid_token");
  const limit = await hitRateLimits(db, mailRequestRules("confirmation", pending.email, input.ip));
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);
  const token = randomToken();
  await db.transaction(async (tx) => {
    await tx
      .update(franceConnectInformations)
      .set({
        emailMergeTokenHash: sha256Hex(token),
        emailMergeTokenExpiresAt: sql`now() + make_interval(secs => ${EMAIL_MERGE_TOKEN_TTL_SECONDS})`,
        updatedAt: sql`now()`,
      })
      .where(eq(franceConnectInformations.id, pending.informationId));
    await enqueueMail(tx, pending.email, "france_connect_merge", { email: pending.email, token }, input.locale);
  });
  return { ok: true, email: pending.email };
}
