/**
 * The `import-groupes` job's work on one `groupes_imports` row (a file of more than
 * `GROUPES_IMPORT_SYNC_MAX_ROWS` rows, validated when it was sent): reads the stored file again, puts the
 * rows in the job's order (`sortForImport`: a person's rows together) and writes the next chunks,
 * each in one transaction that also advances `processed_count` — so a run cut short (worker killed,
 * retry) resumes after the last committed chunk and each person is e-mailed once, by their chunk.
 * The last chunk marks the import `done` and records `demarche.groupes_modifies` (`imported`); the file
 * is then removed. A file that no longer validates, a missing file, an administrateur who lost the
 * démarche, or an unexpected error marks the import `failed` (what was committed stays).
 */
import { buffer } from "node:stream/consumers";
import { and, eq, sql } from "drizzle-orm";
import { isLocale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { groupesImports, groupesInstructeurs, users } from "../../db/schema";
import { importChunkEnd, parseGroupesCsv, sortForImport } from "../../domain/routing/groupes-csv";
import { NotFoundError } from "../../errors";
import { ObjectNotFoundError, type Storage } from "../../integrations/storage";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { recordGroupesChange } from "./admin-actor";
import { writeGroupesRows } from "./groupes-import-writes";
import { csvRefusals } from "./import-groupes-csv";

/** What a run left: finished (done or failed), or more chunks to write in another run. */
export type GroupesImportRun = "finished" | "more";

export async function runGroupesImport(
  db: Db,
  storage: Storage,
  importId: number,
  options: { chunks?: number; chunkRows?: number } = {},
): Promise<GroupesImportRun> {
  const [job] = await db.select().from(groupesImports).where(eq(groupesImports.id, importId));
  if (!job || job.state === "done" || job.state === "failed") return "finished";
  const fail = async (errors: Array<{ code: string; field: string; params?: Record<string, string | number> }>) => {
    await db
      .update(groupesImports)
      .set({ state: "failed", errors, fileKey: null, finishedAt: sql`now()` })
      .where(eq(groupesImports.id, importId));
    if (job.fileKey) await storage.delete(job.fileKey);
    return "finished" as const;
  };
  try {
    const demarche = await findAdministrableDemarche(db, job.administrateurId, job.demarcheId);
    let groupeLabel: string | null = null;
    if (job.groupeInstructeurId !== null) {
      const [groupe] = await db
        .select({ label: groupesInstructeurs.label })
        .from(groupesInstructeurs)
        .where(and(eq(groupesInstructeurs.id, job.groupeInstructeurId), eq(groupesInstructeurs.demarcheId, demarche.id)));
      if (!groupe) throw new NotFoundError("GroupeInstructeur");
      groupeLabel = groupe.label;
    }
    if (!job.fileKey) return await fail([{ code: "failed", field: "file" }]);
    const bytes = new Uint8Array(await buffer(await storage.get(job.fileKey)));
    const parsed = parseGroupesCsv(bytes, groupeLabel === null ? "groupe_email" : "email");
    if (!parsed.ok) return await fail(csvRefusals(parsed));
    const rows = sortForImport(parsed.rows).map((r) => ({ groupe: r.groupe ?? groupeLabel ?? "", email: r.email }));
    const locale = isLocale(job.locale) ? job.locale : "fr";
    const [inviter] = await db.select({ email: users.email }).from(users).where(eq(users.id, job.userId));
    const mail = { invitedByEmail: inviter?.email ?? "", demarcheLibelle: demarche.libelle, locale };
    const admin = { administrateurId: job.administrateurId, userId: job.userId };

    for (let i = 0; i < (options.chunks ?? Number.POSITIVE_INFINITY); i++) {
      const step = await db.transaction(async (tx) => {
        // The row is the chunk's lock: two runs of the same import never write the same chunk.
        const [current] = await tx.select().from(groupesImports).where(eq(groupesImports.id, importId)).for("update");
        if (!current || current.state === "done" || current.state === "failed") return { finished: true, fileKey: null };
        const start = current.processedCount;
        const end = importChunkEnd(rows, start, options.chunkRows);
        const written = await writeGroupesRows(tx, job.demarcheId, rows.slice(start, end), mail);
        const finished = end >= rows.length;
        const membershipsAdded = current.membershipsAdded + written.membershipsAdded;
        await tx
          .update(groupesImports)
          .set({
            state: finished ? "done" : "running",
            processedCount: end,
            totalCount: rows.length,
            groupesCreated: current.groupesCreated + written.groupesCreated,
            membershipsAdded,
            instructeursAdded: current.instructeursAdded + written.userIds.length,
            progressedAt: sql`now()`,
            ...(finished ? { fileKey: null, finishedAt: sql`now()` } : {}),
          })
          .where(eq(groupesImports.id, importId));
        if (finished) await recordGroupesChange(tx, admin, job.demarcheId, { change: "imported", count: membershipsAdded });
        return { finished, fileKey: current.fileKey };
      });
      if (step.finished) {
        if (step.fileKey) await storage.delete(step.fileKey);
        return "finished";
      }
    }
    return "more";
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ObjectNotFoundError)
      return await fail([{ code: "failed", field: "file" }]);
    await fail([{ code: "failed", field: "file" }]);
    throw error;
  }
}
