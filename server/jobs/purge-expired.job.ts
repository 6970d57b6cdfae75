import { lt, sql } from "drizzle-orm";
import { z } from "zod";
import { sessions } from "../db/schema";
import { cleanupEmailTokens } from "../operations/accounts/email-tokens";
import { purgeOrphanPrefilledDossiers } from "../operations/prefill/purge-orphan-prefilled-dossiers";
import { cleanupRateLimits } from "../security/rate-limit";
import type { JobDefinition } from "./registry";

const ZPurge = z.object({}).passthrough();

/**
 * Hourly housekeeping: expired sessions, old rate-limit windows, used/expired e-mail tokens, and
 * prefilled dossiers nobody claimed.
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
    logger.info({ sessions: expiredSessions.length, rateLimitRows, tokens, orphanPrefilledDossiers }, "purged expired rows");
  },
} satisfies JobDefinition<typeof ZPurge>;
