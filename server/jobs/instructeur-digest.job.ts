/**
 * The instructeurs' daily digest (weekdays) and weekly overview (Mondays), run by the crontab. The
 * period comes from the cron tick (`_cron.ts`), so a late or repeated run still writes the same
 * period's key; each instructeur's mail is decided in its own transaction by `sendDigest`, which
 * sends at most one per period even when several workers run this job at once.
 */
import { z } from "zod";
import { digestPeriod } from "../domain/notifications/notifications";
import type { JobDefinition } from "./registry";

const ZDigest = z
  .object({
    kind: z.enum(["daily", "weekly"]),
    /** Set by graphile-worker's crontab: the tick this run belongs to. */
    _cron: z.object({ ts: z.string() }).passthrough().optional(),
    /** For the CLI and tests: the instant whose period to send. */
    at: z.string().datetime().optional(),
  })
  .passthrough();

const BATCH = 500;

export const instructeurDigestJob = {
  payload: ZDigest,
  async run(payload, { db, logger }) {
    const at = new Date(payload.at ?? payload._cron?.ts ?? Date.now());
    const period = digestPeriod(payload.kind, at);
    if (!period) return;
    // Imported when run: the operation enqueues mails through the registry that lists this job.
    const { instructeursToDigest, sendDigest } = await import("../operations/notifications/send-digest");
    const outcomes = { sent: 0, empty: 0, already_sent: 0 };
    let afterId = 0;
    for (;;) {
      const ids = await instructeursToDigest(db, afterId, BATCH);
      if (ids.length === 0) break;
      for (const id of ids) outcomes[await sendDigest(db, id, payload.kind, period, at)]++;
      afterId = ids[ids.length - 1] as number;
    }
    logger.info({ period, ...outcomes }, "instructeur digests");
  },
} satisfies JobDefinition<typeof ZDigest>;
