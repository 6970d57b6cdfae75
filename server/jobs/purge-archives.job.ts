/**
 * Purge of monthly archives (every 15 minutes, as the reference's PurgeStaleArchivesJob): a
 * generated or failed archive older than 4 days and one stuck pending for 16 hours have their file
 * removed and become `purged` (their link then says the archive has expired, and the month can be
 * asked again); purged rows go after a week. The pattern of purge-exports.
 */
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { archives } from "../db/schema";
import { ARCHIVE_KEEP_FOR_MS, ARCHIVE_PURGED_ROW_KEPT_MS, ARCHIVE_STUCK_AFTER_MS } from "../domain/archives/archives";
import { type Storage, storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZPurgeArchives = z.object({}).passthrough();

/** Marks stale archives purged and removes their files; returns how many. */
export async function purgeStaleArchives(db: DbOrTx, storage: Storage, now = new Date()) {
  const before = (ms: number) => sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;
  const rows = await db
    .select({ id: archives.id, fileKey: archives.fileKey })
    .from(archives)
    .where(
      or(
        and(inArray(archives.state, ["generated", "failed"]), lt(archives.createdAt, before(ARCHIVE_KEEP_FOR_MS))),
        and(eq(archives.state, "pending"), lt(archives.createdAt, before(ARCHIVE_STUCK_AFTER_MS))),
      ),
    );
  for (const row of rows) {
    await db.update(archives).set({ state: "purged", fileKey: null }).where(eq(archives.id, row.id));
    if (row.fileKey) await storage.delete(row.fileKey);
  }
  const removed = await db
    .delete(archives)
    .where(and(eq(archives.state, "purged"), lt(archives.createdAt, before(ARCHIVE_PURGED_ROW_KEPT_MS))))
    .returning({ id: archives.id });
  return { purged: rows.length, rowsRemoved: removed.length };
}

export const purgeArchivesJob = {
  payload: ZPurgeArchives,
  async run(_payload, { db, config, logger }) {
    const result = await purgeStaleArchives(db, storageFor(config));
    logger.info(result, "purged stale archives");
  },
} satisfies JobDefinition<typeof ZPurgeArchives>;
