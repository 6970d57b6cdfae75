/**
 * The form editor's CSV import posts a file (multipart) to the editor page with
 * `?importOptions=<stableId>`. Such a request may be larger than an ordinary form (MAX_FORM_BYTES)
 * so that a file somewhat over the 1 MB limit is still answered by the page, with its message next
 * to the file input; beyond this cap the generic "too large" answer applies. The page itself checks
 * Content-Length against 1 MB + a margin before reading the body (app/routes/admin/options-import.server.ts).
 */
import type { IncomingMessage } from "node:http";
import { OPTIONS_IMPORT_PARAM } from "../domain/demarches/options-editors/csv-import";

/** What an options import may send at most before the page answers it. */
export const OPTIONS_IMPORT_MAX_BODY = 4 * 1024 * 1024;

const EDITOR_PATH = /^\/admin\/procedures\/\d+\/(?:champs|annotations)$/;

export function isOptionsImportRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "POST") return false;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return false;
  const url = new URL(req.url ?? "/", "http://localhost");
  return EDITOR_PATH.test(url.pathname) && url.searchParams.has(OPTIONS_IMPORT_PARAM);
}

/** The groupes instructeurs CSV import (2 MB files) posts to the groupes pages with `?import`. */
const GROUPES_IMPORT_PATH = /^\/admin\/procedures\/\d+\/groupes(?:\/\d+)?$/;

export function isGroupesImportRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "POST") return false;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return false;
  const url = new URL(req.url ?? "/", "http://localhost");
  return GROUPES_IMPORT_PATH.test(url.pathname) && url.searchParams.has("import");
}

/**
 * The démarche's presentation files (`/admin/procedures/:id/edit?fichier=<kind>`, PDFs up to 20 MB)
 * and the attestation images (`/admin/procedures/:id/attestations?image=…`, 1 MB): bodies up to
 * this cap reach the page, which answers a file over its own limit with a message next to its input.
 */
export const PRESENTATION_FILE_MAX_BODY = 32 * 1024 * 1024;
const PRESENTATION_FILE_PATH = /^\/admin\/procedures\/\d+\/(?:edit|attestations)$/;

export function isPresentationFileRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "POST") return false;
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return false;
  const url = new URL(req.url ?? "/", "http://localhost");
  return PRESENTATION_FILE_PATH.test(url.pathname) && (url.searchParams.has("fichier") || url.searchParams.has("image"));
}

/** The body limit of a page request. */
export function pageBodyLimit(req: Pick<IncomingMessage, "method" | "url" | "headers">, maxFormBytes: number): number {
  if (isPresentationFileRequest(req)) return Math.max(maxFormBytes, PRESENTATION_FILE_MAX_BODY);
  return isOptionsImportRequest(req) || isGroupesImportRequest(req)
    ? Math.max(maxFormBytes, OPTIONS_IMPORT_MAX_BODY)
    : maxFormBytes;
}
