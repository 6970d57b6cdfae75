/**
 * Daily at 23:45 UTC (the reference's `SendAPITokenExpirationNoticeJob`): e-mails each administrateur
 * whose API token expires in a month, a week or a day, once per reminder (see
 * operations/api-tokens/send-expiry-notices.ts).
 */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZPayload = z
  .object({
    _cron: z.object({ ts: z.string() }).passthrough().optional(),
    /** For tests: the instant to decide for. */
    at: z.string().datetime().optional(),
  })
  .passthrough();

export const apiTokenExpiryJob = {
  payload: ZPayload,
  async run(payload, { db, logger }) {
    // Imported when run: the operation enqueues mails through the registry that lists this job.
    const { sendApiTokenExpiryNotices } = await import("../operations/api-tokens/send-expiry-notices");
    const outcome = await sendApiTokenExpiryNotices(db, new Date(payload.at ?? Date.now()));
    logger.info(outcome, "api token expiry notices");
  },
} satisfies JobDefinition<typeof ZPayload>;
