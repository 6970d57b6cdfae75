/**
 * Reads a multipart/form-data request with busboy, in order and without buffering files: each
 * field and each file is handed to its handler one after the other (a file's handler consumes its
 * stream before the next part is read, so the request is paused meanwhile — backpressure).
 */
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";

export interface MultipartLimits {
  /** Total size of the text fields, in bytes. */
  fieldBytes: number;
  fields: number;
  files: number;
  /** busboy's own cut-off per file; the handlers apply each field's limit (see receive-file.ts). */
  fileBytes: number;
}

export interface MultipartHandlers {
  field(name: string, value: string): void | Promise<void>;
  /** Must consume `stream` (read it to the end, or `resume()` it to discard it). */
  file(name: string, stream: Readable, filename: string): Promise<void>;
}

/** The request is not a form we can read (malformed, over a limit): answered 400/413, nothing kept. */
export class MultipartError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = "MultipartError";
  }
}

export function isMultipart(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

export function readMultipart(req: IncomingMessage, limits: MultipartLimits, handlers: MultipartHandlers): Promise<void> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: "utf8",
        limits: { fields: limits.fields, fieldSize: limits.fieldBytes, files: limits.files, fileSize: limits.fileBytes },
      });
    } catch (error) {
      reject(new MultipartError(400, (error as Error).message));
      return;
    }
    let failed = false;
    let fieldBytes = 0;
    // Handlers run one after the other, in the order of the parts.
    let queue = Promise.resolve();
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      // Discard the rest of the body so that the answer can be sent on this connection.
      req.resume();
      reject(error);
    };
    const enqueue = (task: () => void | Promise<void>) => {
      queue = queue.then(() => (failed ? undefined : task())).catch(fail);
    };

    parser.on("field", (name, value, info) => {
      fieldBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (info.valueTruncated || fieldBytes > limits.fieldBytes) return fail(new MultipartError(413, "form fields too large"));
      enqueue(() => handlers.field(name, value));
    });
    parser.on("file", (name, stream, info) => {
      if (failed) {
        stream.resume();
        return;
      }
      enqueue(() => handlers.file(name, stream, info.filename ?? ""));
      // A handler that failed or was skipped must still let busboy go on.
      queue = queue.finally(() => {
        if (!stream.readableEnded) stream.resume();
      });
    });
    parser.on("fieldsLimit", () => fail(new MultipartError(413, "too many fields")));
    parser.on("filesLimit", () => fail(new MultipartError(413, "too many files")));
    parser.on("partsLimit", () => fail(new MultipartError(413, "too many parts")));
    parser.on("error", (error: Error) => fail(new MultipartError(400, error.message)));
    parser.on("close", () => {
      queue.then(() => {
        if (!failed) resolve();
      }, fail);
    });
    req.on("aborted", () => fail(new MultipartError(400, "request aborted")));
    req.pipe(parser);
  });
}
