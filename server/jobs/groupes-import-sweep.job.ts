/** Every 10 minutes: groupes imports whose job was lost are resumed, or marked failed (`sweepStuckGroupesImports`). */
import { z } from "zod";
import { storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZGroupesImportSweep = z.object({}).passthrough();

export const groupesImportSweepJob = {
  payload: ZGroupesImportSweep,
  async run(_payload, { db, config, logger }) {
    const { sweepStuckGroupesImports } = await import("../operations/groupes/sweep-stuck-groupes-imports");
    const { resumed, failed } = await sweepStuckGroupesImports(db, storageFor(config));
    if (resumed.length > 0 || failed.length > 0) logger.warn({ resumed, failed }, "stuck groupes imports swept");
  },
} satisfies JobDefinition<typeof ZGroupesImportSweep>;
