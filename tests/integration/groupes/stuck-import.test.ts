/**
 * The stuck groupes-import sweep, with a fixed clock: a queued import whose job was lost (worker
 * killed, job gone) is re-enqueued and resumes after its last chunk; one that keeps not progressing
 * is marked failed (`interrupted`) after two resumes, its file removed, and the progress page says
 * so; an import whose chunk is being written (row locked) is left alone.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupesImports, groupesInstructeurs } from "../../../server/db/schema";
import { storageFor } from "../../../server/integrations/storage";
import { CRONTAB } from "../../../server/jobs/registry";
import { importGroupesCsv } from "../../../server/operations/groupes/import-groupes-csv";
import { runGroupesImport } from "../../../server/operations/groupes/run-groupes-import";
import { sweepStuckGroupesImports } from "../../../server/operations/groupes/sweep-stuck-groupes-imports";
import { buildDemarche } from "../../../server/seed/factories";
import { newAdministrateur, pageText } from "../admin/helpers";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const MINUTE = 60_000;
const csv = (n: number) =>
  new TextEncoder().encode(Array.from({ length: n }, (_, i) => `Secteur ${i % 5},agent-${i}@exemple.fr`).join("\n"));

async function queuedImport(administrateurEmail?: string) {
  const { db, config } = server.database;
  const built = await buildDemarche(db, { published: false, ...(administrateurEmail ? { administrateurEmail } : {}) });
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const result = await importGroupesCsv(db, admin, built.demarche.id, {
    bytes: csv(30),
    invitedByEmail: built.admin.email,
    locale: "fr",
    storage: storageFor(config),
    syncMaxRows: 10,
  });
  if (!result.ok || result.mode !== "queued") throw new Error(JSON.stringify(result));
  // The worker wrote one chunk, then died and its job was lost.
  expect(await runGroupesImport(db, storageFor(config), result.importId, { chunks: 1, chunkRows: 10 })).toBe("more");
  await db.execute(sql`select graphile_worker.remove_job(${`import-groupes-${result.importId}`})`);
  expect(await queuedJobs(result.importId)).toBe(0);
  return { ...built, importId: result.importId };
}

const row = async (id: number) => (await server.database.db.select().from(groupesImports).where(eq(groupesImports.id, id)))[0];
const progressedAt = async (id: number) => {
  const found = await row(id);
  if (!found) throw new Error(`no import ${id}`);
  return found.progressedAt.getTime();
};
const queuedJobs = async (importId: number) => {
  const rows = await server.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'import-groupes' and (j.payload->>'importId')::int = ${importId}`,
  );
  return rows.rows[0]?.n;
};

describe("stuck groupes imports", () => {
  it("is swept every 10 minutes", () => {
    expect(CRONTAB).toContain("*/10 * * * * groupes-import-sweep ?max=1");
  });

  it("resumes an import whose job was lost: it goes on after its last chunk", async () => {
    const { db, config } = server.database;
    const { importId, demarche } = await queuedImport();
    const stalledAt = new Date(await progressedAt(importId));
    const storage = storageFor(config);

    expect(await sweepStuckGroupesImports(db, storage, new Date(stalledAt.getTime() + 14 * MINUTE))).toEqual({
      resumed: [],
      failed: [],
    });
    expect(await queuedJobs(importId)).toBe(0);
    const resumedAt = new Date(stalledAt.getTime() + 16 * MINUTE);
    const swept = await sweepStuckGroupesImports(db, storage, resumedAt);
    expect(swept.resumed).toContain(importId);
    expect(await row(importId)).toMatchObject({ state: "running", resumeCount: 1, progressedAt: resumedAt, processedCount: 10 });
    expect(await queuedJobs(importId)).toBe(1);

    // The job runs again: the remaining rows, then done.
    expect(await runGroupesImport(db, storage, importId)).toBe("finished");
    expect(await row(importId)).toMatchObject({ state: "done", processedCount: 30, errors: null });
    const groupes = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarche.id));
    expect(groupes.filter((g) => g.label.startsWith("Secteur"))).toHaveLength(5);
  });

  it("marks failed an import that does not progress after two resumes; the progress page explains it", async () => {
    const { db, config } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { importId, demarche } = await queuedImport(admin.email);
    const storage = storageFor(config);
    const fileKey = (await row(importId))?.fileKey as string;
    const start = await progressedAt(importId);

    expect((await sweepStuckGroupesImports(db, storage, new Date(start + 16 * MINUTE))).resumed).toContain(importId);
    expect((await sweepStuckGroupesImports(db, storage, new Date(start + 32 * MINUTE))).resumed).toContain(importId);
    const failedAt = new Date(start + 48 * MINUTE);
    expect((await sweepStuckGroupesImports(db, storage, failedAt)).failed).toContain(importId);
    expect(await row(importId)).toMatchObject({
      state: "failed",
      fileKey: null,
      finishedAt: failedAt,
      errors: [{ code: "interrupted", field: "file", params: { processed: 10, total: 30 } }],
    });
    expect(await storage.exists(fileKey)).toBe(false);
    // A late run of the lost job changes nothing.
    expect(await runGroupesImport(db, storage, importId)).toBe("finished");
    expect((await row(importId))?.processedCount).toBe(10);

    const page = `/admin/procedures/${demarche.id}/groupes/imports/${importId}`;
    expect((await browser.get(page)).status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("L’import a été interrompu : la tâche de fond s’est arrêtée après 10 lignes sur 30");
    expect(text).not.toContain("Actualiser");
  });

  it("leaves alone an import whose chunk is being written (its row is locked)", async () => {
    const { db, config } = server.database;
    const { importId } = await queuedImport();
    const later = new Date((await progressedAt(importId)) + 60 * MINUTE);
    await db.transaction(async (tx) => {
      await tx.select().from(groupesImports).where(eq(groupesImports.id, importId)).for("update");
      expect(await sweepStuckGroupesImports(db, storageFor(config), later)).toEqual({ resumed: [], failed: [] });
    });
    expect((await sweepStuckGroupesImports(db, storageFor(config), later)).resumed).toContain(importId);
  });
});
