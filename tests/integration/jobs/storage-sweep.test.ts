/**
 * The storage sweep keeps the bytes that any registered storage-key column names (one of each
 * table of server/db/storage-key-columns.ts) and deletes those no row names.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archives, attachments, attestations, attestationTemplates, exports, groupesImports } from "../../../server/db/schema";
import { STORAGE_KEY_COLUMNS } from "../../../server/db/storage-key-columns";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { orphanKeys, sweepStorage } from "../../../server/jobs/purge-attachments.job";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let root: string;
beforeAll(async () => {
  database = await createTestDatabase();
  root = mkdtempSync(path.join(tmpdir(), "guichet-sweep-"));
});
afterAll(async () => {
  await database?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("storage sweep", () => {
  it("deletes an orphan and keeps a key referenced from each registered column", async () => {
    const { db } = database;
    const storage = createLocalStorage(root);
    const put = async (text: string) => (await storage.put(Readable.from([Buffer.from(text)]))).key;
    const { demarche, admin, administrateurId, instructeurs } = await buildDemarche(db, {});
    const { dossierId } = await buildDossier(db, { demarche, state: "accepte" });
    const instructeurId = instructeurs[0]?.instructeurId as number;

    const keys = {
      attachment: await put("attachment"),
      export: await put("export"),
      archive: await put("archive"),
      attestation: await put("attestation"),
      logo: await put("logo"),
      signature: await put("signature"),
      groupesImport: await put("groupes import"),
    };
    const orphan = await put("nobody's");

    await db.insert(attachments).values({
      storageKey: keys.attachment,
      filename: "a.txt",
      contentType: "text/plain",
      byteSize: 10,
      checksum: "x",
      purpose: "demarche_notice",
      demarcheId: demarche.id,
    });
    await db
      .insert(exports)
      .values({ instructeurId, demarcheId: demarche.id, format: "csv", scope: {}, key: "k", fileKey: keys.export });
    await db.insert(archives).values({ demarcheId: demarche.id, month: "2026-01", fileKey: keys.archive });
    await db
      .insert(attestations)
      .values({ dossierId, kind: "acceptation", storageKey: keys.attestation, byteSize: 10, checksum: "x" });
    await db
      .insert(attestationTemplates)
      .values({ demarcheId: demarche.id, kind: "acceptation", logoKey: keys.logo, signatureKey: keys.signature });
    await db.insert(groupesImports).values({
      demarcheId: demarche.id,
      administrateurId,
      userId: admin.userId,
      totalCount: 1,
      fileKey: keys.groupesImport,
    });
    // One key per registered column: a column added to the registry needs a row here too.
    expect(Object.keys(keys)).toHaveLength(STORAGE_KEY_COLUMNS.length);

    const all = [...Object.values(keys), orphan];
    expect(await orphanKeys(db, [...all, orphan])).toEqual([orphan]);

    expect(await sweepStorage(db, storage, 0)).toBe(1);
    expect(await storage.exists(orphan)).toBe(false);
    for (const [table, key] of Object.entries(keys)) expect([table, await storage.exists(key)]).toEqual([table, true]);
  });
});
