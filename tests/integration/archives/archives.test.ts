/**
 * Monthly archives below HTTP: the months of decided dossiers (Paris time) with their counts and
 * estimated sizes; asking for a month (refusals, reuse, event, job); the generated zip, read back
 * with yauzl, holds each dossier decided that month with its data and all its files (attestation,
 * justificatif, messages' and avis files) and nothing else; the requester's e-mail; the purge after
 * 4 days. Another administrateur gets 404 everywhere and nothing changes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archives, dossiers, events } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { generateArchive } from "../../../server/exports/generate-archive";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { purgeStaleArchives } from "../../../server/jobs/purge-archives.job";
import { logger } from "../../../server/logger";
import { archiveMonths } from "../../../server/lookups/archive-dossiers";
import { requestArchive } from "../../../server/operations/archives/request-archive";
import { loadArchivesPage } from "../../../server/queries/admin/archives";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { readZip, storedBytes } from "../exports/readers";
import { giveDossierFiles } from "./dossier-files";

let database: TestDatabase;
let storageDir: string;
let storage: ReturnType<typeof createLocalStorage>;
let demarcheId: number;
let administrateurId: number;
let adminEmail: string;
let outsiderId: number;
const ids: Record<string, number> = {};
let files: Awaited<ReturnType<typeof giveDossierFiles>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-archives-"));
  storage = createLocalStorage(storageDir);
  const built = await buildDemarche(db, { champs: [{ type: "text", libelle: "Nom du projet" }] });
  demarcheId = built.demarche.id;
  administrateurId = built.administrateurId;
  adminEmail = built.admin.email;
  const decided = async (name: string, state: "accepte" | "refuse" | "en_construction", processedAt: string | null) => {
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state, values: { "Nom du projet": name } });
    if (processedAt)
      await db
        .update(dossiers)
        .set({ processedAt: new Date(processedAt) })
        .where(eq(dossiers.id, dossierId));
    ids[name] = dossierId;
  };
  await decided("mars", "accepte", "2026-03-15T10:00:00Z");
  // 31 March 23:30 in Paris (summer time): still March there.
  await decided("fin-mars", "refuse", "2026-03-31T21:30:00Z");
  // 1 April 00:30 in Paris: April, although still 31 March in UTC.
  await decided("avril", "accepte", "2026-03-31T22:30:00Z");
  await decided("en-cours", "en_construction", null);
  await decided("supprime", "accepte", "2026-03-10T10:00:00Z");
  await db
    .update(dossiers)
    .set({ hiddenByAdministrationAt: new Date() })
    .where(eq(dossiers.id, ids.supprime as number));
  files = await giveDossierFiles(db, storage, ids.mars as number, demarcheId);
  const outsider = await buildUser(db, ["administrateur"]);
  outsiderId = outsider.administrateurId as number;
}, 120_000);

afterAll(async () => {
  await database?.close();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

async function queuedMails() {
  const { rows } = await database.db.execute<{ payload: { to: string; template: string; params: Record<string, unknown> } }>(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'send-mail'`,
  );
  return rows.map((r) => r.payload);
}

describe("monthly archives", () => {
  it("lists each month with decided dossiers, Paris time, with counts and estimated sizes", async () => {
    const months = await archiveMonths(database.db, demarcheId);
    expect(months.map((m) => [m.month, m.count])).toEqual([
      ["2026-04", 1],
      ["2026-03", 2],
    ]);
    const expected = files.attestation.length + files.justificatif.length + files.messageFile.length + files.avisFile.length;
    expect(months.find((m) => m.month === "2026-03")?.bytes).toBe(expected);
    const page = await loadArchivesPage(database.db, administrateurId, demarcheId);
    expect(page.months.map((m) => [m.month, m.archive])).toEqual([
      ["2026-04", null],
      ["2026-03", null],
    ]);
  });

  it("another administrateur gets 404 and nothing changes", async () => {
    await expect(loadArchivesPage(database.db, outsiderId, demarcheId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestArchive(database.db, outsiderId, demarcheId, "2026-03", "fr")).rejects.toBeInstanceOf(NotFoundError);
    expect(await database.db.select().from(archives)).toHaveLength(0);
  });

  it("refuses a malformed month and a month without decided dossiers", async () => {
    for (const [month, code] of [
      ["2026-13", "invalid_month"],
      ["mars", "invalid_month"],
      [42, "invalid_month"],
      ["2025-01", "empty_month"],
    ] as const) {
      const result = await requestArchive(database.db, administrateurId, demarcheId, month, "fr");
      expect(result.ok ? null : result.refusals[0]?.code).toBe(code);
    }
    expect(await database.db.select().from(archives)).toHaveLength(0);
  });

  it("generates the month's zip with every file of its dossiers, e-mails the requester, purges after 4 days", async () => {
    const { db } = database;
    const first = await requestArchive(db, administrateurId, demarcheId, "2026-03", "fr");
    if (!first.ok) throw new Error(JSON.stringify(first.refusals));
    expect(first.reused).toBe(false);
    const again = await requestArchive(db, administrateurId, demarcheId, "2026-03", "fr");
    expect(again).toEqual({ ok: true, archiveId: first.archiveId, reused: true });
    const asked = await db.select().from(events).where(eq(events.kind, "demarche.archive_demandee"));
    expect(asked.map((e) => e.payload)).toEqual([{ archiveId: first.archiveId, month: "2026-03" }]);

    expect(await generateArchive({ db, storage, logger, appUrl: "http://test", batchSize: 1 }, first.archiveId)).toBe(
      "generated",
    );
    // Run twice (a second delivery of the job): nothing more happens.
    expect(await generateArchive({ db, storage, logger, appUrl: "http://test" }, first.archiveId)).toBe("skipped");
    const [row] = await db.select().from(archives).where(eq(archives.id, first.archiveId));
    expect(row).toMatchObject({
      state: "generated",
      totalCount: 2,
      processedCount: 2,
      filename: `archive_${demarcheId}_2026-03.zip`,
    });
    const bytes = await storedBytes(storage, row?.fileKey as string);
    expect(row?.byteSize).toBe(bytes.length);
    const entries = await readZip(bytes);
    const mars = `dossier-${ids.mars}`;
    const finMars = `dossier-${ids["fin-mars"]}`;
    expect([...entries.keys()].sort()).toEqual(
      [
        `${mars}/dossier.json`,
        `${mars}/attestation.pdf`,
        `${mars}/justificatif/motifs.pdf`,
        `${mars}/messagerie/piece-message.pdf`,
        `${mars}/avis/rapport-expert.pdf`,
        `${finMars}/dossier.json`,
      ].sort(),
    );
    expect(entries.get(`${mars}/attestation.pdf`)?.equals(files.attestation)).toBe(true);
    expect(entries.get(`${mars}/justificatif/motifs.pdf`)?.equals(files.justificatif)).toBe(true);
    expect(entries.get(`${mars}/messagerie/piece-message.pdf`)?.equals(files.messageFile)).toBe(true);
    expect(entries.get(`${mars}/avis/rapport-expert.pdf`)?.equals(files.avisFile)).toBe(true);
    const json = JSON.parse(entries.get(`${finMars}/dossier.json`)?.toString("utf8") as string);
    expect(json).toMatchObject({ number: ids["fin-mars"], state: "refuse" });

    const generated = await db.select().from(events).where(eq(events.kind, "demarche.archive_generee"));
    expect(generated.map((e) => e.payload)).toEqual([{ archiveId: first.archiveId, month: "2026-03", count: 2 }]);
    const mail = (await queuedMails()).find((m) => m.template === "archive_ready");
    expect(mail).toMatchObject({ to: adminEmail, params: { demarcheId, month: "2026-03", count: 2 } });

    const page = await loadArchivesPage(db, administrateurId, demarcheId);
    expect(page.months.find((m) => m.month === "2026-03")?.archive).toMatchObject({ id: first.archiveId, state: "generated" });

    // Kept 4 days: not purged after 3, purged after 5; the month can then be asked again.
    expect((await purgeStaleArchives(db, storage, new Date(Date.now() + 3 * 24 * 3600 * 1000))).purged).toBe(0);
    expect((await purgeStaleArchives(db, storage, new Date(Date.now() + 5 * 24 * 3600 * 1000))).purged).toBe(1);
    const [purged] = await db.select().from(archives).where(eq(archives.id, first.archiveId));
    expect(purged).toMatchObject({ state: "purged", fileKey: null });
    expect(await storage.exists(row?.fileKey as string)).toBe(false);
    const renewed = await requestArchive(db, administrateurId, demarcheId, "2026-03", "fr");
    expect(renewed.ok && renewed.reused).toBe(false);
  });
});
