/**
 * The small files an administrateur uploads through a page form (groupe signature, démarche logo,
 * notice and délibération, attestation logo and signature): checked the same way everywhere —
 * size limit, format sniffed from the bytes (never the browser's word), and for images decoded and
 * re-encoded with sharp as a PNG inside a bounded box (a corrupted image is refused, no decoder ever
 * sees an image the PDF or the browser would choke on) — then put in storage. The caller records
 * the row in its transaction and calls `dropStored` if that transaction fails.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { sanitizeFilename } from "../../domain/files/file-ref";
import type { Storage } from "../../integrations/storage";

export interface SmallFileSpec {
  /** Sniffed MIME types accepted. */
  accepted: readonly string[];
  maxBytes: number;
  /** Images: re-encoded as PNG, fitted inside this box (never enlarged). */
  image?: { maxWidth: number; maxHeight: number };
}

export type SmallFileRefusal = "missing" | "too_big" | "format" | "corrupted";

export interface StoredSmallFile {
  key: string;
  contentType: string;
  checksum: string;
  byteSize: number;
  filename: string;
}

export interface UploadedSmallFile {
  bytes: Uint8Array;
  filename: string;
}

export async function storeSmallFile(
  storage: Storage,
  file: UploadedSmallFile,
  spec: SmallFileSpec,
): Promise<{ ok: true; stored: StoredSmallFile } | { ok: false; code: SmallFileRefusal }> {
  if (file.bytes.byteLength === 0) return { ok: false, code: "missing" };
  if (file.bytes.byteLength > spec.maxBytes) return { ok: false, code: "too_big" };
  const sniffed = await fileTypeFromBuffer(file.bytes).catch(() => undefined);
  if (!sniffed || !spec.accepted.includes(sniffed.mime)) return { ok: false, code: "format" };
  let bytes: Buffer = Buffer.from(file.bytes);
  let contentType: string = sniffed.mime;
  let ext: string = sniffed.ext;
  if (spec.image) {
    try {
      bytes = await sharp(bytes, { failOn: "error", limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ width: spec.image.maxWidth, height: spec.image.maxHeight, fit: "inside", withoutEnlargement: true })
        .png()
        .toBuffer();
    } catch {
      return { ok: false, code: "corrupted" };
    }
    contentType = "image/png";
    ext = "png";
  }
  const { key } = await storage.put(Readable.from([bytes]));
  const base = sanitizeFilename(file.filename, "");
  const filename = base === "" ? `fichier.${ext}` : spec.image ? base.replace(/\.[^.]*$/, "") + `.${ext}` : base;
  return {
    ok: true,
    stored: {
      key,
      contentType,
      checksum: createHash("sha256").update(bytes).digest("hex"),
      byteSize: bytes.byteLength,
      filename,
    },
  };
}

/** Removes the bytes of a file whose row was never recorded (its transaction failed). */
export async function dropStored(storage: Storage, stored: StoredSmallFile | null): Promise<void> {
  if (stored) await storage.delete(stored.key).catch(() => undefined);
}
