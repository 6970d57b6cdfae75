/**
 * The body-size gate of every page request, with one table of the page uploads that may send more
 * than an ordinary form (`MAX_FORM_BYTES`). Each entry names the page (path pattern, `.data` of a
 * submission with JavaScript included), the query parameter that marks the upload, its byte cap
 * and the message key of a file over that cap. Two kinds of entry:
 * - `buffered`: the page reads the body itself (CSV imports): a body up to the cap reaches it, which
 *   answers a file somewhat over its own limit next to the input; beyond the cap, a 413 in the
 *   user's language (the entry's message).
 * - `streamed` (presentation files, attestation images): the multipart body is read here as a
 *   stream, whatever its size: the file is kept in memory only up to its cap (the rest is drained,
 *   never buffered), and the page receives a replayed multipart body with the text fields and either
 *   the file or `_upload_error=too_big`, so that it answers with the entry's message next to the
 *   input (`app/lib/uploaded-file.server.ts`). Nothing is kept for a bad CSRF token or a user who is
 *   not administrateur (the page answers as for any such request).
 * Any other page request: at most `maxFormBytes` with a known Content-Length (411/413 otherwise).
 */
import type { IncomingMessage } from "node:http";
import type { Request, RequestHandler } from "express";
import { type Locale, type TranslationKey, translate } from "../../common/i18n";
import { ATTESTATION_IMAGE_SPECS, DEMARCHE_FILE_SPECS } from "../domain/demarches/presentation-files";
import { OPTIONS_IMPORT_PARAM } from "../domain/demarches/options-editors/csv-import";
import { formatByteSize } from "../domain/files/file-ref";
import type { AppServices } from "./context";
import { CSRF_FIELD } from "./csrf";
import { MultipartError, readMultipart } from "./uploads/multipart";
import { readRequestAuth, requestLocale } from "./uploads/request-auth";
import { requestWithBody } from "./uploads/replay";

/** Set by this middleware only (a client's own value is dropped): the file was over the entry's cap. */
export const UPLOAD_ERROR_FIELD = "_upload_error";

export interface UploadGate {
  name: string;
  /** The page's path (`.data` included). */
  path: RegExp;
  /** The query parameter marking the upload, and its value when the cap depends on it. */
  query: { name: string; value?: string };
  mode: "buffered" | "streamed";
  /** `buffered`: the whole body; `streamed`: the one file (field `file`). */
  maxBytes: number;
  /** The message of a file over the cap (`{max}`: the cap, formatted). */
  messageKey: TranslationKey;
}

const MB = 1024 * 1024;
const ADMIN = "^/admin/procedures/\\d{1,10}";
const DATA = "(?:\\.data)?$";

export const UPLOAD_GATES: readonly UploadGate[] = [
  {
    // The form editor's CSV import of drop-down options (1 MB files, the page answers up to 4 MB).
    name: "options-import",
    path: new RegExp(`${ADMIN}/(?:champs|annotations)${DATA}`),
    query: { name: OPTIONS_IMPORT_PARAM },
    mode: "buffered",
    maxBytes: 4 * MB,
    messageKey: "fichiers.errors.importTooLarge",
  },
  {
    // The groupes instructeurs CSV import (2 MB files), on the groupes page or a groupe's page.
    name: "groupes-import",
    path: new RegExp(`${ADMIN}/groupes(?:/\\d{1,10})?${DATA}`),
    query: { name: "import" },
    mode: "buffered",
    maxBytes: 4 * MB,
    messageKey: "fichiers.errors.importTooLarge",
  },
  ...(["logo", "notice", "deliberation"] as const).map(
    (kind): UploadGate => ({
      name: `demarche-${kind}`,
      path: new RegExp(`${ADMIN}/edit${DATA}`),
      query: { name: "fichier", value: kind },
      mode: "streamed",
      maxBytes: DEMARCHE_FILE_SPECS[kind].maxBytes,
      messageKey: "admin.presentationFiles.errors.file_too_big",
    }),
  ),
  ...(["logo", "signature"] as const).map(
    (image): UploadGate => ({
      name: `attestation-${image}`,
      path: new RegExp(`${ADMIN}/attestations${DATA}`),
      query: { name: "image", value: image },
      mode: "streamed",
      maxBytes: ATTESTATION_IMAGE_SPECS[image].maxBytes,
      messageKey: "attestations.errors.image_too_large",
    }),
  ),
];

/** The entry a request falls under: a multipart POST to one of the table's pages. */
export function uploadGateOf(req: Pick<IncomingMessage, "method" | "url" | "headers">): UploadGate | null {
  if (req.method !== "POST") return null;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return null;
  const url = new URL(req.url ?? "/", "http://localhost");
  return (
    UPLOAD_GATES.find(
      (gate) =>
        gate.path.test(url.pathname) &&
        url.searchParams.has(gate.query.name) &&
        (gate.query.value === undefined || url.searchParams.get(gate.query.name) === gate.query.value),
    ) ?? null
  );
}

/** The message of a file over the gate's cap, in the user's language. */
export function uploadGateMessage(gate: UploadGate, locale: Locale): string {
  return translate(locale, gate.messageKey, { max: formatByteSize(gate.maxBytes, locale) });
}

/** The body limit of a page request that is not streamed here. */
export function pageBodyLimit(req: Pick<IncomingMessage, "method" | "url" | "headers">, maxFormBytes: number): number {
  const gate = uploadGateOf(req);
  return gate?.mode === "buffered" ? Math.max(maxFormBytes, gate.maxBytes) : maxFormBytes;
}

/** The one middleware in front of the pages (server/http/app.ts). */
export function uploadGates(services: AppServices, pages: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const gate = uploadGateOf(req);
    if (gate?.mode === "streamed") return void streamUpload(services, gate, pages, req, res, next);
    const locale = requestLocale(req);
    const length = Number(req.headers["content-length"] ?? Number.NaN);
    if (!Number.isFinite(length))
      return res.status(411).type("text/plain").send(translate(locale, "fichiers.errors.formSizeUnknown"));
    if (length > pageBodyLimit(req, services.config.maxFormBytes)) {
      const message = gate ? uploadGateMessage(gate, locale) : translate(locale, "fichiers.errors.formTooLarge");
      return res.status(413).type("text/plain").send(message);
    }
    next();
  };
}

async function streamUpload(
  services: AppServices,
  gate: UploadGate,
  pages: RequestHandler,
  req: Request,
  res: Parameters<RequestHandler>[1],
  next: Parameters<RequestHandler>[2],
) {
  const locale = requestLocale(req);
  const auth = readRequestAuth(services, req);
  const form = new FormData();
  let csrf: boolean | null = null;
  try {
    await readMultipart(
      req,
      { fields: 20, fieldBytes: services.config.maxFormBytes, files: 1, fileBytes: gate.maxBytes + 1 },
      {
        async field(name, value) {
          csrf ??= name === CSRF_FIELD && (await auth).isValidCsrf(value);
          if (name !== UPLOAD_ERROR_FIELD) form.append(name, value);
        },
        async file(name, stream, filename) {
          csrf ??= false;
          const user = (await auth).user;
          // Only an administrateur's file with a valid token is read; the page answers the others.
          if (name !== "file" || filename === "" || !csrf || !user?.administrateurId) return void stream.resume();
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            size += chunk.length;
            if (size <= gate.maxBytes) chunks.push(chunk);
          }
          if (size > gate.maxBytes) form.append(UPLOAD_ERROR_FIELD, "too_big");
          else form.append("file", new Blob([Buffer.concat(chunks)]), filename);
        },
      },
    );
  } catch (error) {
    if (!(error instanceof MultipartError)) return next(error);
    const key = error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest";
    return res.status(error.status).type("text/plain").send(translate(locale, key));
  }
  try {
    // The page reads the form as usual: the text fields and the file (at most the cap) or the error.
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const type = encoded.headers.get("content-type") ?? "multipart/form-data";
    pages(requestWithBody(req, body, type), res, next);
  } catch (error) {
    next(error);
  }
}
