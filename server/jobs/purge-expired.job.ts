import { lt, sql } from "drizzle-orm";
import { z } from "zod";
import { sessions } from "../db/schema";
import { cleanupEmailTokens } from "../operations/accounts/email-tokens";
import { purgeOrphanPrefilledDossiers } from "../operations/prefill/purge-orphan-prefilled-dossiers";
import { cleanupRateLimits } from "../security/rate-limit";
import { purgeOldDeliveries } from "../mail/deliveries";
import type { JobDefinition } from "./registry";

const ZPurge = z.object({}).passthrough();

/**
 * Hourly housekeeping: expired sessions, old rate-limit windows, used/expired e-mail tokens,
 * prefilled dossiers nobody claimed, and old records of mail deliveries.
 */
export const purgeExpiredJob = {
  payload: ZPurge,
  async run(_payload, { db, logger }) {
    const expiredSessions = await db
      .delete(sessions)
      .where(lt(sessions.expiresAt, sql`now()`))
      .returning({ id: sessions.idHash });
    const rateLimitRows = await cleanupRateLimits(db);
    const tokens = await cleanupEmailTokens(db);
    const orphanPrefilledDossiers = await purgeOrphanPrefilledDossiers(db);
    const mailDeliveries = await purgeOldDeliveries(db);
    logger.info(
      { sessions: expiredSessions.length, rateLimitRows, tokens, orphanPrefilledDossiers, mailDeliveries },
      "purged expired rows",
    );
  },
} satisfies JobDefinition<typeof ZPurge>;
