/**
 * A batch decision with a justificatif (issue 9 item 4/7): the file is stored once and shared by
 * every dossier the batch decides (one `justificatif` row per dossier, one storage key); each
 * dossier reads it as its decision's justificatif; the purge keeps the bytes while any dossier
 * still uses them (deleting one dossier does not delete them), removes the batch's own upload row
 * once the batch is over, and removes the bytes when the last dossier is gone. A justificatif that
 * is not this instructeur's upload on this démarche, or a dossier out of the instructeur's groupes,
 * refuses the batch and changes nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import { attachments, batchOperations, dossiers, groupesInstructeurs } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import type { Storage } from "../../../server/integrations/storage";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { purgeAttachments } from "../../../server/jobs/purge-attachments.job";
import { findDecisionJustificatif } from "../../../server/lookups/decision-justificatif";
import {
  attachBatchJustificatif,
  mayUploadBatchJustificatif,
  recordBatchJustificatif,
} from "../../../server/operations/attachments/batch-justificatif";
import { createBatchOperation } from "../../../server/operations/batch/create-batch-operation";
import { runBatchOperation } from "../../../server/operations/batch/run-batch-operation";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { PDF_BYTES } from "../../support/sample-files";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { asActor, type Actor } from "../instructeur/helpers";
import { batchItems, createdBatchId } from "./support";

let database: TestDatabase;
let db: Db;
let storage: Storage;
let storageDir: string;
let demarcheId: number;
let me: Actor;
let colleague: Actor;
let outsider: Actor;
let demarche: Awaited<ReturnType<typeof buildDemarche>>["demarche"];
let otherGroupeDossier: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-batch-justificatif-"));
  storage = createLocalStorage(storageDir);
  const built = await buildDemarche(db, {
    libelle: "Lots justificatif",
    instructeurEmails: ["lots-justif@exemple.fr", "lots-justif-collegue@exemple.fr"],
  });
  demarche = built.demarche;
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  colleague = asActor(built.instructeurs[1] as never);
  const other = await buildDemarche(db, { libelle: "Ailleurs", instructeurEmails: ["lots-justif-ailleurs@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
  otherGroupeDossier = (await buildDossier(db, { demarche, state: "en_instruction" })).dossierId;
  const [groupe] = await db.insert(groupesInstructeurs).values({ demarcheId, label: "Autre groupe" }).returning();
  await db
    .update(dossiers)
    .set({ groupeInstructeurId: groupe?.id as number })
    .where(eq(dossiers.id, otherGroupeDossier));
}, 120_000);
afterAll(async () => {
  await database?.close();
  rmSync(storageDir, { recursive: true, force: true });
});

async function enInstruction(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await buildDossier(db, { demarche, state: "en_instruction", instructeur: me })).dossierId);
  return ids;
}

/** What the upload middleware does: the bytes once in storage, one `batch_justificatif` row. */
async function upload(by: Actor = me) {
  const { key } = await storage.put(Readable.from([PDF_BYTES]));
  const id = await recordBatchJustificatif(db, {
    demarcheId,
    userId: by.userId,
    file: {
      storageKey: key,
      filename: "décision collective.pdf",
      contentType: "application/pdf",
      byteSize: PDF_BYTES.length,
      checksum: "a".repeat(64),
    },
  });
  return { id, key };
}

const justificatifRows = (ids: number[]) =>
  db
    .select()
    .from(attachments)
    .where(and(inArray(attachments.dossierId, ids), eq(attachments.purpose, "justificatif")));

async function dossierRow(id: number) {
  const [row] = await db
    .select({ id: dossiers.id, state: dossiers.state, processedAt: dossiers.processedAt })
    .from(dossiers)
    .where(eq(dossiers.id, id));
  return row as { id: number; state: string; processedAt: Date | null };
}

const batchCount = async () => Number((await db.select({ n: count() }).from(batchOperations))[0]?.n ?? 0);

describe("a batch decision with a justificatif", () => {
  it("stores the file once and makes it every decided dossier's justificatif", async () => {
    const ids = await enInstruction(3);
    const { id, key } = await upload();
    const batchId = createdBatchId(
      await createBatchOperation(db, me, demarcheId, {
        kind: "refuser",
        dossierIds: ids,
        motivation: "Hors délai",
        justificatifId: id,
      }),
    );
    // While the batch runs, the purge keeps its upload.
    await purgeAttachments(db, storage, 0);
    expect(await db.select().from(attachments).where(eq(attachments.id, id))).toHaveLength(1);

    await runBatchOperation(db, batchId);
    expect((await batchItems(db, batchId)).map((i) => i.state)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const rows = await justificatifRows(ids);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.storageKey))).toEqual(new Set([key]));
    expect(new Set(rows.map((r) => r.dossierId))).toEqual(new Set(ids));
    for (const dossierId of ids) {
      const file = await findDecisionJustificatif(db, await dossierRow(dossierId));
      expect(file).toMatchObject({ filename: "décision collective.pdf", contentType: "application/pdf" });
    }

    // The batch is over: its upload row goes, the dossiers' rows and the bytes stay.
    await purgeAttachments(db, storage, 0);
    expect(await db.select().from(attachments).where(eq(attachments.id, id))).toEqual([]);
    expect(await justificatifRows(ids)).toHaveLength(3);
    expect(await storage.exists(key)).toBe(true);

    // Deleting one dossier keeps the bytes its neighbours still use.
    await db.delete(dossiers).where(eq(dossiers.id, ids[0] as number));
    await purgeAttachments(db, storage, 0);
    expect(await justificatifRows(ids)).toHaveLength(2);
    expect(await storage.exists(key)).toBe(true);

    // The last dossier gone, the bytes go.
    await db.delete(dossiers).where(inArray(dossiers.id, ids));
    await purgeAttachments(db, storage, 0);
    expect(await storage.exists(key)).toBe(false);
  });

  it("replaces a dossier's previous justificatif and is only given on success", async () => {
    const [decided, ...rest] = await enInstruction(2);
    const first = await upload();
    await attachBatchJustificatif(db, { sourceId: first.id, dossierId: decided as number, userId: me.userId });
    const accepte = (await buildDossier(db, { demarche, state: "accepte", instructeur: me })).dossierId;
    const second = await upload();
    const batchId = createdBatchId(
      await createBatchOperation(db, me, demarcheId, {
        kind: "accepter",
        dossierIds: [decided as number, ...rest, accepte],
        justificatifId: second.id,
      }),
    );
    await runBatchOperation(db, batchId);
    const rows = await justificatifRows([decided as number, ...rest, accepte]);
    // The dossier already accepted was refused by the batch: no justificatif for it.
    expect(rows.map((r) => r.dossierId).sort()).toEqual([decided, ...rest].sort());
    expect(new Set(rows.map((r) => r.storageKey))).toEqual(new Set([second.key]));
  });

  it("is ignored by the kinds that take none", async () => {
    const ids = await enInstruction(1);
    const { id } = await upload();
    const batchId = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: ids, justificatifId: id }),
    );
    const [batch] = await db.select().from(batchOperations).where(eq(batchOperations.id, batchId));
    expect(batch?.params).not.toHaveProperty("justificatifId");
  });

  it("refuses another user's upload, an unknown id or a malformed one; nothing is created", async () => {
    const ids = await enInstruction(1);
    const before = await batchCount();
    const colleagues = await upload(colleague);
    for (const justificatifId of [colleagues.id, "00000000-0000-4000-8000-000000000000", "pas-un-id"]) {
      const result = await createBatchOperation(db, me, demarcheId, { kind: "accepter", dossierIds: ids, justificatifId });
      expect(result).toMatchObject({ ok: false, refusals: [{ code: "justificatif_unknown", field: "justificatif" }] });
    }
    expect(await batchCount()).toBe(before);
    expect((await dossierRow(ids[0] as number)).state).toBe("en_instruction");
  });

  it("authorization: another démarche's instructeur may not upload; a dossier of another groupe is a 404", async () => {
    expect(await mayUploadBatchJustificatif(db, outsider.instructeurId, demarcheId)).toBe(false);
    expect(await mayUploadBatchJustificatif(db, me.instructeurId, demarcheId)).toBe(true);
    const { id } = await upload();
    const before = await batchCount();
    await expect(
      createBatchOperation(db, me, demarcheId, { kind: "accepter", dossierIds: [otherGroupeDossier], justificatifId: id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createBatchOperation(db, outsider, demarcheId, { kind: "accepter", dossierIds: [otherGroupeDossier], justificatifId: id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await batchCount()).toBe(before);
    expect((await dossierRow(otherGroupeDossier)).state).toBe("en_instruction");
    expect(await justificatifRows([otherGroupeDossier])).toEqual([]);
  });
});
