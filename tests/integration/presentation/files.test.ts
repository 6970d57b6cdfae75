/**
 * The démarche's presentation files (logo, notice, délibération) and the attestation template's
 * logo and signature against the database and the storage: checked (size, sniffed type, corrupted
 * image), the logo re-encoded within 400 × 400, replaced and removed; another administrateur gets
 * 404 and nothing is stored; the attestation preview PDF embeds the uploaded images.
 */
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, attestationTemplates, events } from "../../../server/db/schema";
import { attestationPdfOptions, drawAttestation } from "../../../server/documents/attestation-pdf";
import { pdfBytes } from "../../../server/documents/pdf";
import { NotFoundError } from "../../../server/errors";
import { storageFor } from "../../../server/integrations/storage";
import { demarcheFilesOf } from "../../../server/lookups/demarche-files";
import { setAttestationImage } from "../../../server/operations/attestations/set-attestation-image";
import { setDemarcheFile } from "../../../server/operations/demarches/set-demarche-file";
import { previewAttestation } from "../../../server/queries/admin/attestation-templates";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const bigPng = () =>
  sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 0, g: 0, b: 145 } } })
    .png()
    .toBuffer();

async function readAll(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storageFor(database.config).get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function setup() {
  const built = await buildDemarche(database.db);
  return { ...built, who: { administrateurId: built.administrateurId, userId: built.admin.userId } };
}

describe("démarche presentation files", () => {
  it("stores a logo re-encoded as a PNG within 400 × 400, a PDF notice and délibération; replaces and removes them", async () => {
    const { db, config } = database;
    const storage = storageFor(config);
    const t = await setup();
    const png = await bigPng();
    expect(await setDemarcheFile(db, storage, t.who, t.demarche.id, "logo", { bytes: png, filename: "logo mairie.jpg" })).toEqual(
      {
        ok: true,
      },
    );
    expect(await setDemarcheFile(db, storage, t.who, t.demarche.id, "notice", { bytes: PDF, filename: "notice.pdf" })).toEqual({
      ok: true,
    });
    expect(
      await setDemarcheFile(db, storage, t.who, t.demarche.id, "deliberation", { bytes: PDF, filename: "délibération 2026.pdf" }),
    ).toEqual({ ok: true });
    const files = await demarcheFilesOf(db, t.demarche.id);
    expect(files.logo).toMatchObject({ contentType: "image/png", filename: "logo mairie.png" });
    const meta = await sharp(await readAll(files.logo?.storageKey as string)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 400, 200]);
    expect(files.notice).toMatchObject({ contentType: "application/pdf", filename: "notice.pdf", byteSize: PDF.byteLength });
    expect(files.deliberation).toMatchObject({ contentType: "application/pdf", filename: "délibération 2026.pdf" });
    const changes = await db
      .select()
      .from(events)
      .where(and(eq(events.demarcheId, t.demarche.id), eq(events.kind, "demarche.presentation_modifiee")));
    expect(changes.map((e) => e.payload)).toEqual([{ fields: ["logo"] }, { fields: ["notice"] }, { fields: ["deliberation"] }]);

    // Replaced: one notice row; removed: none.
    await setDemarcheFile(db, storage, t.who, t.demarche.id, "notice", { bytes: PDF, filename: "notice-v2.pdf" });
    expect((await demarcheFilesOf(db, t.demarche.id)).notice?.filename).toBe("notice-v2.pdf");
    expect(await setDemarcheFile(db, storage, t.who, t.demarche.id, "logo", null)).toEqual({ ok: true });
    const after = await db.select().from(attachments).where(eq(attachments.demarcheId, t.demarche.id));
    expect(after.map((a) => a.purpose).sort()).toEqual(["demarche_deliberation", "demarche_notice"]);
  });

  it("refuses a wrong type, an empty or too big file and a corrupted image with a specific code; the current file stays", async () => {
    const { db, config } = database;
    const storage = storageFor(config);
    const t = await setup();
    await setDemarcheFile(db, storage, t.who, t.demarche.id, "logo", { bytes: await bigPng(), filename: "logo.png" });
    const before = await demarcheFilesOf(db, t.demarche.id);
    const refused = async (kind: "logo" | "notice" | "deliberation", bytes: Uint8Array) =>
      setDemarcheFile(db, storage, t.who, t.demarche.id, kind, { bytes, filename: "f" });
    expect(await refused("logo", Buffer.from("pas une image"))).toEqual({
      ok: false,
      refusals: [{ code: "file_format", field: "logo" }],
    });
    expect(await refused("logo", PDF)).toEqual({ ok: false, refusals: [{ code: "file_format", field: "logo" }] });
    expect(await refused("notice", await bigPng())).toEqual({ ok: false, refusals: [{ code: "file_format", field: "notice" }] });
    expect(await refused("deliberation", new Uint8Array())).toEqual({
      ok: false,
      refusals: [{ code: "file_missing", field: "deliberation" }],
    });
    const huge = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expect(await refused("notice", huge)).toEqual({ ok: false, refusals: [{ code: "file_too_big", field: "notice" }] });
    // A PNG signature followed by garbage: sniffed as PNG, but sharp cannot decode it.
    const corrupted = Buffer.concat([(await bigPng()).subarray(0, 60), Buffer.alloc(200, 7)]);
    expect(await refused("logo", corrupted)).toEqual({ ok: false, refusals: [{ code: "image_corrupted", field: "logo" }] });
    expect(await demarcheFilesOf(db, t.demarche.id)).toEqual(before);
  });

  it("another administrateur gets 404 and nothing is stored", async () => {
    const { db, config } = database;
    const storage = storageFor(config);
    const t = await setup();
    const stranger = await buildUser(db, ["administrateur"]);
    const who = { administrateurId: stranger.administrateurId as number, userId: stranger.userId };
    await expect(setDemarcheFile(db, storage, who, t.demarche.id, "notice", { bytes: PDF, filename: "n.pdf" })).rejects.toThrow(
      NotFoundError,
    );
    await expect(setAttestationImage(db, storage, who, t.demarche.id, "acceptation", "logo", null)).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.select().from(attachments).where(eq(attachments.demarcheId, t.demarche.id))).toEqual([]);
    expect(await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, t.demarche.id))).toEqual([]);
  });
});

describe("attestation logo and signature", () => {
  it("stores both as PNG on the template and the preview PDF embeds them; removal and bad input", async () => {
    const { db, config } = database;
    const storage = storageFor(config);
    const t = await setup();
    const webp = await sharp({ create: { width: 300, height: 120, channels: 3, background: "#000091" } })
      .webp()
      .toBuffer();
    expect(
      await setAttestationImage(db, storage, t.who, t.demarche.id, "acceptation", "logo", { bytes: webp, filename: "logo.webp" }),
    ).toEqual({ ok: true });
    expect(
      await setAttestationImage(db, storage, t.who, t.demarche.id, "acceptation", "signature", {
        bytes: await bigPng(),
        filename: "tampon.png",
      }),
    ).toEqual({ ok: true });
    const [row] = await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, t.demarche.id));
    expect(row).toMatchObject({ kind: "acceptation", logoContentType: "image/png", signatureContentType: "image/png" });
    expect((await sharp(await readAll(row?.signatureKey as string)).metadata()).width).toBe(800);

    const preview = async () => {
      const document = await previewAttestation(
        db,
        storage,
        { administrateurId: t.administrateurId, demarcheId: t.demarche.id, kind: "acceptation", dossierId: null },
        { locale: "fr", appUrl: config.appUrl, now: new Date("2026-03-10T10:00:00Z") },
      );
      const bytes = await pdfBytes((doc) => drawAttestation(doc, document, "fr"), attestationPdfOptions(document, "fr"));
      return (
        Buffer.from(bytes)
          .toString("latin1")
          .match(/\/Subtype\s*\/Image/g)?.length ?? 0
      );
    };
    expect(await preview()).toBe(2);

    expect(
      await setAttestationImage(db, storage, t.who, t.demarche.id, "acceptation", "logo", { bytes: PDF, filename: "x.pdf" }),
    ).toEqual({ ok: false, refusals: [{ code: "file_format", field: "logo" }] });
    expect(
      await setAttestationImage(db, storage, t.who, t.demarche.id, "acceptation", "signature", {
        bytes: Buffer.alloc(1024 * 1024 + 1),
        filename: "x.png",
      }),
    ).toEqual({ ok: false, refusals: [{ code: "file_too_big", field: "signature" }] });
    expect(await setAttestationImage(db, storage, t.who, t.demarche.id, "acceptation", "logo", null)).toEqual({ ok: true });
    expect(await preview()).toBe(1);
    const changes = await db
      .select()
      .from(events)
      .where(and(eq(events.demarcheId, t.demarche.id), eq(events.kind, "demarche.modele_attestation_modifie")));
    expect(changes.map((e) => (e.payload as { change: string }).change)).toEqual([
      "logo_added",
      "signature_added",
      "logo_removed",
    ]);
  });
});
