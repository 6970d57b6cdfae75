/**
 * Purge of exports (every 15 minutes, as the reference's PurgeStaleExportsJob): a generated file
 * older than 32 hours and an export stuck pending for 16 hours have their file removed and become
 * `purged` (their link then says the export has expired); purged rows go after a week.
 */
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { exports } from "../db/schema";
import { KEEP_FOR_MS, PURGED_ROW_KEPT_MS, STUCK_AFTER_MS } from "../domain/exports/formats";
import { type Storage, storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZPurgeExports = z.object({}).passthrough();

/** Marks stale exports purged and removes their files; returns how many. */
export async function purgeStaleExports(db: DbOrTx, storage: Storage, now = new Date()) {
  const before = (ms: number) => sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;
  const staleCondition = or(
    and(inArray(exports.state, ["generated", "failed"]), lt(exports.createdAt, before(KEEP_FOR_MS))),
    and(eq(exports.state, "pending"), lt(exports.createdAt, before(STUCK_AFTER_MS))),
  );
  const rows = await db.select({ id: exports.id, fileKey: exports.fileKey }).from(exports).where(staleCondition);
  for (const row of rows) {
    await db.update(exports).set({ state: "purged", fileKey: null }).where(eq(exports.id, row.id));
    if (row.fileKey) await storage.delete(row.fileKey);
  }
  const removed = await db
    .delete(exports)
    .where(and(eq(exports.state, "purged"), lt(exports.createdAt, before(PURGED_ROW_KEPT_MS))))
    .returning({ id: exports.id });
  return { purged: rows.length, rowsRemoved: removed.length };
}

export const purgeExportsJob = {
  payload: ZPurgeExports,
  async run(_payload, { db, config, logger }) {
    const result = await purgeStaleExports(db, storageFor(config));
    logger.info(result, "purged stale exports");
  },
} satisfies JobDefinition<typeof ZPurgeExports>;
