import { lt, sql } from "drizzle-orm";
import { z } from "zod";
import { sessions } from "../db/schema";
import { cleanupEmailTokens } from "../operations/accounts/email-tokens";
import { cleanupRateLimits } from "../security/rate-limit";
import type { JobDefinition } from "./registry";

const ZPurge = z.object({}).passthrough();

/** Hourly housekeeping: expired sessions, old rate-limit windows and used/expired e-mail tokens. */
export const purgeExpiredJob = {
  payload: ZPurge,
  async run(_payload, { db, logger }) {
    const expiredSessions = await db
      .delete(sessions)
      .where(lt(sessions.expiresAt, sql`now()`))
      .returning({ id: sessions.idHash });
    const rateLimitRows = await cleanupRateLimits(db);
    const tokens = await cleanupEmailTokens(db);
    logger.info({ sessions: expiredSessions.length, rateLimitRows, tokens }, "purged expired rows");
  },
} satisfies JobDefinition<typeof ZPurge>;
