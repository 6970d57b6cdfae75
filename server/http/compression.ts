/**
 * Response compression without a proxy in front: built assets are served from their precompressed
 * `.br`/`.gz` siblings (written at build time by `precompressAssets`), and pages, `.data` and JSON
 * answers are compressed on the fly, negotiated by Accept-Encoding (brotli, then gzip).
 *
 * Streaming stays streaming: React Router flushes after each chunk it writes (`res.flush()`), which
 * flushes the compressor, and backpressure goes through (`write` returns the compressor's answer).
 * User files (answers with a Content-Disposition) and types that are already compressed are sent as
 * they are.
 */
import { readdirSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Transform } from "node:stream";
import { constants, createBrotliCompress, createGzip, brotliCompress, gzip } from "node:zlib";
import { promisify } from "node:util";
import type { RequestHandler } from "express";

export type Encoding = "br" | "gzip";

/** Types worth compressing (text); images, fonts, archives and PDFs are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|graphql-response\+json|manifest\+json)|image\/svg\+xml)/i;
/** Below this size the headers weigh more than what compression saves. */
const MIN_BYTES = 1024;

/** The client's preferred encoding among those we produce, by Accept-Encoding q-values (ties: br). */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const quality = (name: Encoding) => q.get(name) ?? q.get("*") ?? 0;
  const br = quality("br");
  const gz = quality("gzip");
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? "br" : "gzip";
}

function appendVary(res: Parameters<RequestHandler>[1]) {
  const vary = String(res.getHeader("Vary") ?? "");
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
    res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

const EXTENSIONS: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/**
 * Serves `<file>.br` or `<file>.gz` in place of a built asset when both the file was precompressed and the
 * client accepts it; the static handler after it does the rest (Content-Type of the original, caching,
 * ETag, ranges). The list of precompressed files is read once at start-up (the build does not change).
 */
export function precompressedAssets(assetsDir: string): RequestHandler {
  let files: Set<string>;
  try {
    files = new Set(readdirSync(assetsDir));
  } catch {
    files = new Set();
  }
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const name = req.path.slice(1);
    if (!files.has(`${name}.br`) && !files.has(`${name}.gz`)) return next();
    appendVary(res);
    const encoding = negotiateEncoding(req.headers["accept-encoding"]);
    if (!encoding || !files.has(name + EXTENSIONS[encoding])) return next();
    const type = mimeType(name);
    if (type) res.setHeader("Content-Type", type);
    res.setHeader("Content-Encoding", encoding);
    req.url = req.url.replace(/^([^?]*)/, `$1${EXTENSIONS[encoding]}`);
    next();
  };
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};
function mimeType(name: string) {
  return TYPES[path.extname(name).toLowerCase()];
}

/** Extensions precompressed at build time (the others are binary formats compressed already). */
const PRECOMPRESS = new Set(Object.keys(TYPES));

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) beside each text asset of `dir` (recursively), keeping
 * only those at least 10 % smaller than the original. Run once after the client build.
 */
export async function precompressAssets(dir: string): Promise<{ files: number; bytes: number; compressed: number }> {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  const entries = (await readdir(dir, { recursive: true })).filter((f) => PRECOMPRESS.has(path.extname(f)));
  let bytes = 0;
  let compressed = 0;
  let files = 0;
  // A few at a time: enough to use the cores zlib's thread pool has, without holding every file at once.
  const queue = [...entries];
  async function work() {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const file = path.join(dir, name);
      if (!(await stat(file)).isFile()) continue;
      const source = await readFile(file);
      if (source.length < MIN_BYTES) continue;
      const [br, gzipped] = await Promise.all([
        brotli(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gz(source, { level: 9 }),
      ]);
      if (br.length > source.length * 0.9) continue;
      await writeFile(`${file}.br`, br);
      if (gzipped.length <= source.length * 0.9) await writeFile(`${file}.gz`, gzipped);
      files++;
      bytes += source.length;
      compressed += br.length;
    }
  }
  await Promise.all(Array.from({ length: 4 }, work));
  return { files, bytes, compressed };
}

type Res = Parameters<RequestHandler>[1];

/** Whether this answer gets compressed, decided when its headers are written. */
function compressible(res: Res, knownLength: number | null) {
  if (res.statusCode < 200 || res.statusCode === 204 || res.statusCode === 206 || res.statusCode === 304) return false;
  if (res.getHeader("Content-Encoding") || res.getHeader("Content-Disposition")) return false;
  if (/no-transform/i.test(String(res.getHeader("Cache-Control") ?? ""))) return false;
  if (!COMPRESSIBLE.test(String(res.getHeader("Content-Type") ?? ""))) return false;
  const length = knownLength ?? Number(res.getHeader("Content-Length") ?? Number.NaN);
  return !(Number.isFinite(length) && length < MIN_BYTES);
}

function compressor(encoding: Encoding): Transform {
  // On-the-fly: fast settings (brotli 4 is both faster and smaller than gzip 6 on HTML).
  return encoding === "br" ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
}

/** Compresses dynamic answers (pages, `.data`, JSON APIs); see the module comment. */
export function compressResponses(): RequestHandler {
  return (req, res, next) => {
    if (req.method === "HEAD") return next();
    const encoding = negotiateEncoding(req.headers["accept-encoding"]);
    const write = res.write.bind(res) as (chunk: unknown, cb?: (error?: Error | null) => void) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Res;
    const writeHead = res.writeHead;
    let stream: Transform | null = null;
    let decided = false;
    let endLength: number | null = null;

    res.writeHead = function (this: Res, ...args: unknown[]) {
      if (!decided) {
        decided = true;
        if (compressible(res, endLength)) {
          appendVary(res);
          if (encoding) {
            res.setHeader("Content-Encoding", encoding);
            res.removeHeader("Content-Length");
            stream = compressor(encoding);
            const s = stream;
            s.on("data", (chunk: Buffer) => {
              if (!write(chunk)) s.pause();
            });
            res.on("drain", () => s.resume());
            s.on("drain", () => res.emit("drain"));
            s.on("end", () => end());
            s.on("error", (error: Error) => res.destroy(error));
            res.on("close", () => s.destroy());
          }
        }
      }
      return (writeHead as (...a: unknown[]) => Res).apply(this, args);
    } as Res["writeHead"];

    const toBuffer = (chunk: unknown, enc: unknown) =>
      Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
        ? chunk
        : Buffer.from(String(chunk), typeof enc === "string" ? (enc as BufferEncoding) : "utf8");

    res.write = function (this: Res, chunk: unknown, enc?: unknown, cb?: unknown) {
      if (!res.headersSent) res.writeHead(res.statusCode);
      const callback = (typeof enc === "function" ? enc : cb) as ((error?: Error | null) => void) | undefined;
      if (!stream) return write(chunk, callback);
      return stream.write(toBuffer(chunk, enc), callback);
    } as Res["write"];

    res.end = function (this: Res, chunk?: unknown, enc?: unknown, cb?: unknown) {
      const callback = [chunk, enc, cb].find((a) => typeof a === "function") as (() => void) | undefined;
      const body = typeof chunk === "function" ? undefined : chunk;
      if (!res.headersSent) {
        endLength = body == null ? 0 : toBuffer(body, enc).length;
        res.writeHead(res.statusCode);
      }
      if (!stream) return end(chunk, enc, cb);
      if (callback) res.once("finish", callback);
      if (body != null) stream.end(toBuffer(body, enc));
      else stream.end();
      return res;
    } as Res["end"];

    /** React Router calls it after each chunk: send what is compressed so far (keeps streaming). */
    (res as Res & { flush(): void }).flush = () => {
      (stream as { flush?: () => void } | null)?.flush?.();
    };
    next();
  };
}
