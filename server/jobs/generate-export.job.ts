/** Generates one export (server/exports/generate-export.ts); a failure marks it failed, never retried. */
import { z } from "zod";
import { storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZGenerateExport = z.object({ exportId: z.number().int().positive() });

export const generateExportJob = {
  payload: ZGenerateExport,
  async run({ exportId }, { db, config, logger }) {
    // Loaded when run: the generator enqueues its mail, and the job registry imports this module.
    const { generateExport } = await import("../exports/generate-export");
    const result = await generateExport({ db, storage: storageFor(config), logger, appUrl: config.appUrl }, exportId);
    logger.info({ exportId, result }, "export job done");
  },
} satisfies JobDefinition<typeof ZGenerateExport>;
