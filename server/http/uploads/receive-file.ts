/**
 * Streams one uploaded file into storage with flat memory: bytes are counted and hashed on the
 * way, the first bytes are sniffed (`file-type`) and judged against the field's formats as soon as
 * they have arrived, and the write is aborted — the partial object removed by the storage — when
 * the file turns out too large, empty or of a refused format. Only a complete, accepted file gets a
 * storage key.
 */
import { createHash } from "node:crypto";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { type AcceptedFiles, decideFormat, looksLikeText } from "../../domain/files/formats";
import type { Storage } from "../../integrations/storage";

/** Enough for `file-type` to see inside zip-based office documents; a constant memory cost. */
export const SNIFF_BYTES = 256 * 1024;

export type UploadRefusal = "file_too_large" | "file_format_not_accepted" | "file_empty";

export type ReceivedFile =
  | { ok: true; key: string; byteSize: number; checksum: string; contentType: string }
  | { ok: false; code: UploadRefusal };

class UploadRefused extends Error {
  constructor(readonly code: UploadRefusal) {
    super(code);
  }
}

/** Counts, hashes and sniffs what passes through; fails the stream as soon as the file is refused. */
class Inspector extends Transform {
  byteSize = 0;
  contentType: string | null = null;
  /** Why the file was refused, once it is. */
  refusal: UploadRefusal | null = null;
  private readonly hash = createHash("sha256");
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly judge: (head: Buffer) => Promise<{ ok: true; contentType: string } | { ok: false; code: UploadRefusal }>,
  ) {
    super();
  }

  get checksum() {
    return this.hash.digest("hex");
  }

  private refuse(code: UploadRefusal): UploadRefused {
    this.refusal = code;
    return new UploadRefused(code);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.byteSize += chunk.length;
    if (this.byteSize > this.maxBytes) return callback(this.refuse("file_too_large"));
    this.hash.update(chunk);
    if (this.contentType !== null) return callback(null, chunk);
    // Copy: the source may reuse its buffers.
    const wanted = Math.min(chunk.length, SNIFF_BYTES - this.headLength);
    this.head.push(Buffer.from(chunk.subarray(0, wanted)));
    this.headLength += wanted;
    if (this.headLength < SNIFF_BYTES) return callback(null, chunk);
    this.decide().then(() => callback(null, chunk), callback);
  }

  override _flush(callback: TransformCallback) {
    if (this.byteSize === 0) return callback(this.refuse("file_empty"));
    if (this.contentType !== null) return callback();
    this.decide().then(() => callback(), callback);
  }

  private async decide() {
    const head = Buffer.concat(this.head);
    this.head = [];
    const decision = await this.judge(head);
    if (!decision.ok) throw this.refuse(decision.code);
    this.contentType = decision.contentType;
  }
}

/** What `file-type` recognises in the first bytes (undefined: no known signature, or unreadable). */
export async function sniffMime(head: Uint8Array): Promise<string | undefined> {
  try {
    return (await fileTypeFromBuffer(head))?.mime;
  } catch {
    return undefined;
  }
}

/**
 * Writes `source` (a busboy file stream) to storage if it is acceptable. The source is never
 * destroyed: a refused file is drained, so that busboy goes on with the rest of the form.
 * Storage failures (disk full…) are thrown.
 */
export async function receiveFile(
  storage: Storage,
  source: Readable,
  file: { filename: string; accepted: AcceptedFiles },
): Promise<ReceivedFile> {
  const inspector = new Inspector(file.accepted.maxBytes, async (head) => {
    const decision = decideFormat(
      { filename: file.filename, sniffedMime: await sniffMime(head), looksLikeText: looksLikeText(head) },
      file.accepted.formats,
    );
    return decision.ok ? decision : { ok: false, code: decision.code };
  });
  const onSourceError = (error: Error) => inspector.destroy(error);
  source.once("error", onSourceError);
  // The storage may still be preparing its write when the file is refused: the failure is read
  // from `put` (or `refusal`), never left unhandled.
  inspector.on("error", () => {});
  source.pipe(inspector);
  try {
    const { key } = await storage.put(inspector);
    return {
      ok: true,
      key,
      byteSize: inspector.byteSize,
      checksum: inspector.checksum,
      contentType: inspector.contentType ?? "",
    };
  } catch (error) {
    source.unpipe(inspector);
    source.resume();
    if (inspector.refusal) return { ok: false, code: inspector.refusal };
    if (error instanceof UploadRefused) return { ok: false, code: error.code };
    throw error;
  } finally {
    source.off("error", onSourceError);
  }
}
