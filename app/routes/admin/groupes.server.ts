/**
 * Shared by the groupes pages: the CSV import (multipart, `?import`) and its refusals as messages; a
 * large file is queued (`mode: "queued"`) and the page redirects to its progress page.
 */
import { GROUPES_CSV_MAX_BYTES } from "../../../server/domain/routing/groupes-csv";
import { importGroupesCsv } from "../../../server/operations/groupes/import-groupes-csv";
import { GROUPE_SIGNATURE_MAX_BYTES } from "../../../server/operations/groupes/set-groupe-signature";
import type { Refusal } from "../../../server/refusal";
import type { Db } from "../../../server/db/client";
import type { Locale } from "../../../common/i18n";
import type { Storage } from "../../../server/integrations/storage";
import { MULTIPART_MARGIN, uploadedFileOf } from "../../lib/uploaded-file.server";

export function isGroupesImport(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).searchParams.has("import");
}

export type ImportOutcome =
  | { ok: true; mode: "done"; groupesCreated: number; membershipsAdded: number }
  | { ok: true; mode: "queued"; importId: number }
  | { ok: false; refusals: Refusal[] };

export async function groupesImportAction(args: {
  request: Request;
  db: Db;
  storage: Storage;
  admin: { administrateurId: number; userId: number; email: string };
  demarcheId: number;
  groupeId?: number;
  locale: Locale;
}): Promise<ImportOutcome> {
  const { request } = args;
  const refused = (code: string): ImportOutcome => ({ ok: false, refusals: [{ code, field: "file" }] });
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return refused("csv_missing");
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > GROUPES_CSV_MAX_BYTES + MULTIPART_MARGIN) return refused("csv_too_big");
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refused("csv_missing");
  if (file.size > GROUPES_CSV_MAX_BYTES) return refused("csv_too_big");
  const result = await importGroupesCsv(args.db, args.admin, args.demarcheId, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    groupeId: args.groupeId,
    invitedByEmail: args.admin.email,
    locale: args.locale,
    storage: args.storage,
  });
  if (!result.ok) return result;
  return result.mode === "queued"
    ? { ok: true, mode: "queued", importId: result.importId }
    : { ok: true, mode: "done", groupesCreated: result.groupesCreated, membershipsAdded: result.membershipsAdded };
}

export function isSignatureUpload(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).searchParams.has("signature");
}

/** The signature image form (multipart, `?signature`): its file, read once its size is known to be small. */
export async function signatureFileOf(
  request: Request,
): Promise<{ ok: true; file: { bytes: Uint8Array; filename: string } } | { ok: false; code: string }> {
  const read = await uploadedFileOf(request, "signature", GROUPE_SIGNATURE_MAX_BYTES);
  return read.ok ? read : { ok: false, code: read.code === "too_big" ? "signature_too_big" : "signature_missing" };
}
