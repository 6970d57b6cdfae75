/** Generates one monthly archive (server/exports/generate-archive.ts); a failure marks it failed, never retried. */
import { z } from "zod";
import { storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZGenerateArchive = z.object({ archiveId: z.number().int().positive() });

export const generateArchiveJob = {
  payload: ZGenerateArchive,
  async run({ archiveId }, { db, config, logger }) {
    // Loaded when run, as generate-export: the generator records events whose reactions enqueue jobs.
    const { generateArchive } = await import("../exports/generate-archive");
    const result = await generateArchive({ db, storage: storageFor(config), logger, appUrl: config.appUrl }, archiveId);
    logger.info({ archiveId, result }, "archive job done");
  },
} satisfies JobDefinition<typeof ZGenerateArchive>;
