/**
 * Errors of the files sent with the dossier form without JavaScript. The HTTP layer stores the
 * files before React Router sees the request (dossier-form-uploads.ts) and passes what went wrong
 * to the page's action in one form field, `_upload_errors`: a JSON list of `{ key, error }` where
 * `key` is the field's key ("12", or "12|<row id>") and `error` a ChampError. The action shows each
 * error on its field (and in the error summary) and keeps everything else that was typed.
 *
 * Only the server writes this field: the HTTP layer drops any `_upload_errors` a client sends in a
 * multipart form. A urlencoded post could still carry a forged one; it can only show the sender
 * error messages about their own form, so the action may trust its shape, not its origin.
 */
import { z } from "zod";
import { CHAMP_ERROR_CODES, type ChampError } from "../champs/errors";
import { type ChampKey, parseChampKey } from "../form/keys";
import { DELETE_FILE_FIELD, deleteFileValue } from "./delete-file";

export const UPLOAD_ERRORS_FIELD = "_upload_errors";
/** The no-JavaScript "remove this file" checkboxes: value `<key>/<attachment id>`. */
export { DELETE_FILE_FIELD, deleteFileValue };

const ZUploadErrors = z
  .array(
    z.object({
      key: z.string().refine((key) => parseChampKey(key) !== null),
      error: z.object({
        code: z.enum(CHAMP_ERROR_CODES),
        params: z.record(z.string(), z.union([z.string().max(1000), z.number()])).optional(),
      }),
    }),
  )
  .max(200);

export type UploadErrorEntry = { key: ChampKey; error: ChampError };

export function encodeUploadErrors(entries: readonly UploadErrorEntry[]): string {
  return JSON.stringify(entries);
}

/** The errors by field key (the first one per field); anything malformed reads as no error. */
export function decodeUploadErrors(raw: unknown): Record<ChampKey, ChampError> {
  if (typeof raw !== "string" || raw === "" || raw.length > 100_000) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {};
  }
  const parsed = ZUploadErrors.safeParse(json);
  if (!parsed.success) return {};
  const errors: Record<ChampKey, ChampError> = {};
  for (const entry of parsed.data) errors[entry.key] ??= entry.error;
  return errors;
}

/** Reads `_upload_errors` from an action's form data. */
export function readUploadErrors(form: { get(name: string): unknown }): Record<ChampKey, ChampError> {
  return decodeUploadErrors(form.get(UPLOAD_ERRORS_FIELD));
}

/** Value of a "remove this file" checkbox, and its parsing. */

export function parseDeleteFileValue(value: string): { key: ChampKey; attachmentId: string } | null {
  const slash = value.lastIndexOf("/");
  if (slash < 0) return null;
  const key = value.slice(0, slash);
  const attachmentId = value.slice(slash + 1);
  return parseChampKey(key) && /^[0-9a-f-]{36}$/i.test(attachmentId) ? { key, attachmentId } : null;
}
