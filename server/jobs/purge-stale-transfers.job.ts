/** Daily purge of transfers not answered within 2 weeks (the reference's PurgeStaleTransfersJob, 00:00). */
import { z } from "zod";
import { purgeStaleTransfers } from "../operations/partage/transfers";
import type { JobDefinition } from "./registry";

const ZPurgeStaleTransfers = z.object({}).passthrough();

export const purgeStaleTransfersJob = {
  payload: ZPurgeStaleTransfers,
  async run(_payload, { db, logger }) {
    const result = await purgeStaleTransfers(db);
    logger.info(result, "purged stale transfers");
  },
} satisfies JobDefinition<typeof ZPurgeStaleTransfers>;
