/**
 * The groupes instructeurs CSV import: every bad line reported and nothing imported; a small file
 * written in the request; a large one stored, queued and written in chunks by the `import-groupes`
 * job with its progress (5,000 groupes / 20,000 rows); 404 for another administrateur.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, groupeInstructeurMembers, groupesImports, groupesInstructeurs } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { storageFor } from "../../../server/integrations/storage";
import { importGroupesCsv } from "../../../server/operations/groupes/import-groupes-csv";
import { runGroupesImport } from "../../../server/operations/groupes/run-groupes-import";
import { getGroupesImport } from "../../../server/queries/admin/groupes-import";
import { buildDemarche } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const storage = () => storageFor(database.config);

/** The `notify-added-instructeurs` jobs queued for a démarche: the user ids of each. */
const notifyJobs = async (demarcheLibelle: string) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'notify-added-instructeurs' and j.payload->>'demarcheLibelle' = ${demarcheLibelle}`,
  );
  return (rows.rows as Array<{ payload: { userIds: number[] } }>).map((r) => r.payload.userIds);
};
const queuedImportJobs = async (importId: number) => {
  const rows = await database.db.execute(
    sql`select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'import-groupes' and (j.payload->>'importId')::int = ${importId}`,
  );
  return (rows.rows[0] as { n: number }).n;
};
const groupesOf = (demarcheId: number) =>
  database.db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
const importRow = async (id: number) => (await database.db.select().from(groupesImports).where(eq(groupesImports.id, id)))[0];

async function setup() {
  const built = await buildDemarche(database.db, { published: false });
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const input = (text: string, extra: { syncMaxRows?: number; groupeId?: number } = {}) => ({
    bytes: bytes(text),
    invitedByEmail: built.admin.email,
    locale: "fr" as const,
    storage: storage(),
    ...extra,
  });
  return { ...built, admin, input };
}

describe("CSV import", () => {
  it("reports each bad line and imports nothing, small or large file", async () => {
    const { db } = database;
    const { demarche, admin, input } = await setup();
    const before = await groupesOf(demarche.id);
    const result = await importGroupesCsv(
      db,
      admin,
      demarche.id,
      input("groupe,email\nNord,nord@exemple.fr\n,vide@exemple.fr\nSud,pas-une-adresse\nEst;est@exemple.fr\n"),
    );
    expect(result).toEqual({
      ok: false,
      refusals: [
        { code: "line_invalid", field: "file", params: { line: 3, problem: "groupe_required" } },
        { code: "line_invalid", field: "file", params: { line: 4, problem: "email_invalid" } },
        { code: "line_invalid", field: "file", params: { line: 5, problem: "separator" } },
      ],
    });
    const latin1 = new Uint8Array([0x4e, 0xe9, 0x2c, 0x61, 0x40, 0x62, 0x2e, 0x66, 0x72]);
    expect(await importGroupesCsv(db, admin, demarche.id, { ...input(""), bytes: latin1 })).toMatchObject({
      ok: false,
      refusals: [{ code: "csv_encoding" }],
    });
    // A large file with one bad line: refused in the request, nothing queued nor stored.
    const lines = Array.from({ length: 3000 }, (_, i) => `Commune ${i},agent-${i}@exemple.fr`);
    lines[2499] = "Commune 2499,agent-2499";
    expect(await importGroupesCsv(db, admin, demarche.id, input(lines.join("\n")))).toEqual({
      ok: false,
      refusals: [{ code: "line_invalid", field: "file", params: { line: 2500, problem: "email_invalid" } }],
    });
    expect(await groupesOf(demarche.id)).toHaveLength(before.length);
    expect(await db.select().from(groupesImports).where(eq(groupesImports.demarcheId, demarche.id))).toHaveLength(0);
  });

  it("writes a small file in the request", async () => {
    const { db } = database;
    const { demarche, admin, input } = await setup();
    const result = await importGroupesCsv(
      db,
      admin,
      demarche.id,
      input("Nord,a@exemple.fr\nSud,a@exemple.fr\nSud,b@exemple.fr\n"),
    );
    expect(result).toEqual({ ok: true, mode: "done", groupesCreated: 2, membershipsAdded: 3, instructeursAdded: 2 });
    expect(await notifyJobs(demarche.libelle)).toHaveLength(1);
  });

  it("queues a large file: 20,000 rows into 5,000 groupes written in chunks with progress, each person e-mailed once", async () => {
    const { db } = database;
    const { demarche, admin, input } = await setup();
    const lines = Array.from({ length: 20_000 }, (_, i) => `Commune ${i % 5000},agent-${i % 7000}@exemple.fr`);
    const queued = await importGroupesCsv(db, admin, demarche.id, input(`groupe,email\n${lines.join("\n")}`));
    if (!queued.ok || queued.mode !== "queued") throw new Error(`not queued: ${JSON.stringify(queued)}`);
    expect(queued.total).toBe(20_000);
    const pending = await importRow(queued.importId);
    expect(pending).toMatchObject({ state: "pending", totalCount: 20_000, processedCount: 0 });
    expect(await storage().exists(pending?.fileKey as string)).toBe(true);
    expect(await queuedImportJobs(queued.importId)).toBe(1);
    // Nothing is written before the job runs.
    expect(await groupesOf(demarche.id)).toHaveLength(1);

    // Three chunks, then the page shows where it is.
    expect(await runGroupesImport(db, storage(), queued.importId, { chunks: 3 })).toBe("more");
    const partway = await getGroupesImport(db, admin.administrateurId, demarche.id, queued.importId);
    expect(partway.import.state).toBe("running");
    expect(partway.import.processed).toBeGreaterThanOrEqual(3000);
    expect(partway.import.processed).toBeLessThan(20_000);

    expect(await runGroupesImport(db, storage(), queued.importId)).toBe("finished");
    const done = await importRow(queued.importId);
    expect(done).toMatchObject({
      state: "done",
      processedCount: 20_000,
      groupesCreated: 5000,
      membershipsAdded: 20_000,
      instructeursAdded: 7000,
      fileKey: null,
    });
    expect(done?.finishedAt).not.toBeNull();
    expect(await storage().exists(pending?.fileKey as string)).toBe(false);
    expect(await groupesOf(demarche.id)).toHaveLength(5001);
    const [members] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(groupeInstructeurMembers)
      .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
      .where(eq(groupesInstructeurs.demarcheId, demarche.id));
    expect(members?.n).toBe(20_000 + 1);
    // Grouped mails: one job per chunk, each person in exactly one of them.
    const notified = await notifyJobs(demarche.libelle);
    expect(notified.length).toBeGreaterThan(1);
    expect(notified.length).toBeLessThan(30);
    const all = notified.flat();
    expect(all).toHaveLength(7000);
    expect(new Set(all).size).toBe(7000);
    const history = await db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.demarcheId, demarche.id), eq(events.kind, "demarche.groupes_modifies")));
    expect(history.map((e) => e.payload)).toContainEqual({ change: "imported", count: 20_000 });

    // A finished import is not run again; the same file again adds nothing.
    expect(await runGroupesImport(db, storage(), queued.importId)).toBe("finished");
    const again = await importGroupesCsv(db, admin, demarche.id, input(lines.join("\n")));
    if (!again.ok || again.mode !== "queued") throw new Error("not queued");
    expect(await runGroupesImport(db, storage(), again.importId)).toBe("finished");
    expect(await importRow(again.importId)).toMatchObject({ state: "done", membershipsAdded: 0, groupesCreated: 0 });
  });

  it("imports addresses into a chosen groupe through the job; a lost file fails the import", async () => {
    const { db } = database;
    const { demarche, admin, input } = await setup();
    const [groupe] = await groupesOf(demarche.id);
    const queued = await importGroupesCsv(
      db,
      admin,
      demarche.id,
      input("email\na@exemple.fr\nb@exemple.fr\nc@exemple.fr\n", { syncMaxRows: 2, groupeId: groupe?.id }),
    );
    if (!queued.ok || queued.mode !== "queued") throw new Error("not queued");
    expect(await runGroupesImport(db, storage(), queued.importId, { chunkRows: 1 })).toBe("finished");
    expect(await importRow(queued.importId)).toMatchObject({ state: "done", groupesCreated: 0, membershipsAdded: 3 });
    expect(await notifyJobs(demarche.libelle)).toHaveLength(3);

    const lost = await importGroupesCsv(
      db,
      admin,
      demarche.id,
      input("Nord,a@exemple.fr\nSud,b@exemple.fr\n", { syncMaxRows: 1 }),
    );
    if (!lost.ok || lost.mode !== "queued") throw new Error("not queued");
    await storage().delete((await importRow(lost.importId))?.fileKey as string);
    expect(await runGroupesImport(db, storage(), lost.importId)).toBe("finished");
    expect(await importRow(lost.importId)).toMatchObject({ state: "failed", errors: [{ code: "failed", field: "file" }] });
    const page = await getGroupesImport(db, admin.administrateurId, demarche.id, lost.importId);
    expect(page.import.state).toBe("failed");
  });

  it("is a 404 for another administrateur: the import, its progress and another démarche's import", async () => {
    const { db } = database;
    const { demarche, admin, input } = await setup();
    const other = await setup();
    const queued = await importGroupesCsv(
      db,
      admin,
      demarche.id,
      input("Nord,a@exemple.fr\nSud,b@exemple.fr\n", { syncMaxRows: 1 }),
    );
    if (!queued.ok || queued.mode !== "queued") throw new Error("not queued");
    await expect(
      importGroupesCsv(db, other.admin, demarche.id, other.input("Intrus,x@exemple.fr\n", { syncMaxRows: 0 })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupesImport(db, other.admin.administrateurId, demarche.id, queued.importId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Its own démarche does not reach the import of another démarche either.
    await expect(getGroupesImport(db, other.admin.administrateurId, other.demarche.id, queued.importId)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.select().from(groupesImports).where(eq(groupesImports.demarcheId, demarche.id))).toHaveLength(1);
    expect((await groupesOf(demarche.id)).map((g) => g.label)).not.toContain("Intrus");
  });
});
