/**
 * The sweep of stuck groupes imports (cron `groupes-import-sweep`, every 10 minutes). A queued
 * import (`run-groupes-import.ts`) whose job was lost — worker killed after its job's attempts ran
 * out, job removed, queue reset — would stay « en cours » forever: once it has written nothing for
 * `GROUPES_IMPORT_STUCK_AFTER_MS` (its `progressed_at`), the sweep enqueues its job again (it
 * resumes after the last committed chunk; a duplicate run is harmless, each chunk locks the row),
 * at most `GROUPES_IMPORT_MAX_RESUMES` times; after that, or without its file, the import becomes
 * `failed` with the refusal `interrupted` (param `processed`), which the progress page explains.
 * A row locked right now (a chunk being written) is alive and skipped. Changes no dossier and no
 * groupe: no event.
 */
import { and, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupesImports } from "../../db/schema";
import { GROUPES_IMPORT_STUCK_AFTER_MS, stuckImportAction } from "../../domain/routing/groupes-csv";
import type { Storage } from "../../integrations/storage";
import { enqueueJob } from "../../jobs/enqueue";

export interface StuckImportsSwept {
  resumed: number[];
  failed: number[];
}

export async function sweepStuckGroupesImports(db: Db, storage: Storage, now = new Date()): Promise<StuckImportsSwept> {
  const cutoff = new Date(now.getTime() - GROUPES_IMPORT_STUCK_AFTER_MS);
  const stale = await db
    .select({ id: groupesImports.id })
    .from(groupesImports)
    .where(and(inArray(groupesImports.state, ["pending", "running"]), lt(groupesImports.progressedAt, cutoff)));
  const swept: StuckImportsSwept = { resumed: [], failed: [] };
  for (const { id } of stale) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(groupesImports)
        .where(sql`${groupesImports.id} = ${id}`)
        .for("update", { skipLocked: true });
      if (!row || (row.state !== "pending" && row.state !== "running")) return null;
      const action = stuckImportAction({ ...row, hasFile: row.fileKey !== null }, now);
      if (action === "wait") return null;
      if (action === "resume") {
        await tx
          .update(groupesImports)
          .set({ progressedAt: now, resumeCount: row.resumeCount + 1 })
          .where(sql`${groupesImports.id} = ${id}`);
        await enqueueJob(tx, "import-groupes", { importId: id }, { jobKey: `import-groupes-${id}` });
        return { action, fileKey: null };
      }
      await tx
        .update(groupesImports)
        .set({
          state: "failed",
          errors: [{ code: "interrupted", field: "file", params: { processed: row.processedCount, total: row.totalCount } }],
          fileKey: null,
          finishedAt: now,
        })
        .where(sql`${groupesImports.id} = ${id}`);
      return { action, fileKey: row.fileKey };
    });
    if (!outcome) continue;
    if (outcome.action === "resume") swept.resumed.push(id);
    else {
      swept.failed.push(id);
      if (outcome.fileKey) await storage.delete(outcome.fileKey);
    }
  }
  return swept;
}
