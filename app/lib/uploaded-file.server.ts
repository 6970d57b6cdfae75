/**
 * The one file of a small multipart page form (no JavaScript needed): refused as too big from its
 * Content-Length before the body is read, then read once its size is known to be small. The
 * operation checks the bytes (server/operations/attachments/store-small-file.ts). The pages of the
 * upload gates' `streamed` entries (server/http/upload-gates.ts) get a body already cut to the
 * file's cap, with `_upload_error=too_big` in place of a file over it.
 */
import { UPLOAD_ERROR_FIELD } from "../../server/http/upload-gates";

export const MULTIPART_MARGIN = 64 * 1024;

export type UploadedFileOutcome =
  | { ok: true; file: { bytes: Uint8Array; filename: string } }
  | { ok: false; code: "missing" | "too_big" };

export async function uploadedFileOf(request: Request, field: string, maxBytes: number): Promise<UploadedFileOutcome> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return { ok: false, code: "missing" };
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > maxBytes + MULTIPART_MARGIN) return { ok: false, code: "too_big" };
  const form = await request.formData();
  if (form.get(UPLOAD_ERROR_FIELD) === "too_big") return { ok: false, code: "too_big" };
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return { ok: false, code: "missing" };
  if (file.size > maxBytes) return { ok: false, code: "too_big" };
  return { ok: true, file: { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name } };
}
