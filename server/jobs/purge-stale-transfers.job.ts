/** Daily purge of transfers not answered within 2 weeks (the reference's PurgeStaleTransfersJob, 00:00). */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZPurgeStaleTransfers = z.object({}).passthrough();

export const purgeStaleTransfersJob = {
  payload: ZPurgeStaleTransfers,
  async run(_payload, { db, logger }) {
    // Loaded when run: the operation records events whose reactions enqueue jobs (no import cycle).
    const { purgeStaleTransfers } = await import("../operations/partage/transfers");
    const result = await purgeStaleTransfers(db);
    logger.info(result, "purged stale transfers");
  },
} satisfies JobDefinition<typeof ZPurgeStaleTransfers>;
