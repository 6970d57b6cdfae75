/**
 * The local storage and the streaming reception of a file, on a real temporary directory: atomic
 * writes, keys that cannot escape the store, sniffing real file bytes, and refusals that leave
 * nothing behind.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatsOfFamilies, identityDocumentFormats } from "../../../server/domain/files/formats";
import { receiveFile } from "../../../server/http/uploads/receive-file";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { ObjectNotFoundError, type Storage } from "../../../server/integrations/storage/storage";
import { CSV_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, TEXT_BYTES } from "../../support/sample-files";

let root: string;
let storage: Storage;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "guichet-storage-"));
  storage = createLocalStorage(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function listKeys() {
  const keys: string[] = [];
  for await (const object of storage.list()) keys.push(object.key);
  return keys;
}

const partialFiles = () => readdirSync(path.join(root, "tmp"));

describe("local storage", () => {
  it("stores under a random key, reads back, lists and deletes", async () => {
    const { key } = await storage.put(Readable.from([Buffer.from("bonjour")]));
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await storage.exists(key)).toBe(true);
    expect(await text(await storage.get(key))).toBe("bonjour");
    expect(await listKeys()).toEqual([key]);
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it("never resolves a key outside its directory", async () => {
    for (const key of ["../secret", "/etc/passwd", "ab/../../x", "tmp/x.part", ""]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      expect(await storage.exists(key)).toBe(false);
      await storage.delete(key);
    }
  });

  it("leaves nothing when the stream fails, and cleans up old partial writes", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error("client gone"));
      },
    });
    await expect(storage.put(failing)).rejects.toThrow("client gone");
    expect(await listKeys()).toEqual([]);
    expect(partialFiles()).toEqual([]);
    expect(await storage.cleanupIncomplete(new Date())).toBe(0);
  });
});

describe("receiveFile", () => {
  const accepted = (families: Parameters<typeof formatsOfFamilies>[0], maxBytes = 1024 * 1024) => ({
    formats: formatsOfFamilies(families),
    maxBytes,
  });

  it.each([
    ["plan.png", PNG_BYTES, "image/png"],
    ["photo.jpeg", JPEG_BYTES, "image/jpeg"],
    ["avis.pdf", PDF_BYTES, "application/pdf"],
    // A PDF with a misleading name is still a PDF.
    ["avis.txt", PDF_BYTES, "application/pdf"],
    ["liste.csv", CSV_BYTES, "text/csv"],
  ])("stores %s as %s with its SHA-256", async (filename, bytes, contentType) => {
    const result = await receiveFile(storage, Readable.from([bytes]), { filename, accepted: accepted(undefined) });
    expect(result).toEqual({
      ok: true,
      key: expect.any(String),
      byteSize: bytes.length,
      checksum: createHash("sha256").update(bytes).digest("hex"),
      contentType,
    });
    if (result.ok)
      expect(Buffer.compare(Buffer.from(await (await storage.get(result.key)).toArray().then(Buffer.concat)), bytes)).toBe(0);
  });

  it.each([
    ["a text named .png", "photo.png", TEXT_BYTES, identityDocumentFormats(), "file_format_not_accepted"],
    ["a PDF as identity document", "cni.pdf", PDF_BYTES, identityDocumentFormats(), "file_format_not_accepted"],
    ["an empty file", "vide.pdf", Buffer.alloc(0), formatsOfFamilies(undefined), "file_empty"],
  ] as const)("refuses %s and stores nothing", async (_label, filename, bytes, formats, code) => {
    const source = Readable.from([bytes]);
    const result = await receiveFile(storage, source, { filename, accepted: { formats, maxBytes: 1024 * 1024 } });
    expect(result).toEqual({ ok: false, code });
    expect(await listKeys()).toEqual([]);
    expect(partialFiles()).toEqual([]);
  });

  it("stops a file over the limit, drains the rest and stores nothing", async () => {
    // A real PNG head followed by more bytes than allowed, in many chunks.
    const chunks = [PNG_BYTES, ...Array.from({ length: 64 }, () => Buffer.alloc(1024, 7))];
    let consumed = 0;
    const source = Readable.from(chunks).on("data", (chunk: Buffer) => {
      consumed += chunk.length;
    });
    const result = await receiveFile(storage, source, { filename: "grand.png", accepted: accepted(["image_scan"], 16 * 1024) });
    expect(result).toEqual({ ok: false, code: "file_too_large" });
    await new Promise((resolve) => source.once("end", resolve));
    expect(consumed).toBe(PNG_BYTES.length + 64 * 1024);
    expect(await listKeys()).toEqual([]);
    expect(partialFiles()).toEqual([]);
  });
});
