/**
 * The upload use cases over HTTP: check who may add the file (before any byte is stored), stream
 * it into storage (`receiveFile`), then record it with its operation; bytes whose recording fails
 * are deleted at once. Shared by the JSON endpoint, the no-JavaScript form and the editor.
 */
import type { Readable } from "node:stream";
import type { Locale } from "../../../common/i18n";
import type { AppServices } from "../context";
import { type ChampError, champErrorMessage } from "../../domain/champs/errors";
import { type FileRef, formatByteSize, sanitizeFilename } from "../../domain/files/file-ref";
import type { AcceptedFiles } from "../../domain/files/formats";
import { type Storage, storageFor } from "../../integrations/storage";
import { attachFile } from "../../operations/attachments/attach-file";
import type { FileFieldWriter } from "../../operations/attachments/file-field-writer";
import { findUploadTarget } from "../../operations/attachments/find-upload-target";
import { NotFoundError } from "../../errors";
import { type UploadRefusal, receiveFile } from "./receive-file";

export type UploadFailure = { ok: false; status: 404 } | { ok: false; status: 413 | 415 | 422 | 500; error: ChampError };

type Received = { key: string; byteSize: number; checksum: string; contentType: string };

const STATUS: Record<UploadRefusal | "too_many_files" | "upload_failed", 413 | 415 | 422 | 500> = {
  file_too_large: 413,
  file_format_not_accepted: 415,
  file_empty: 422,
  too_many_files: 422,
  upload_failed: 500,
};

function failure(
  code: keyof typeof STATUS,
  context: { libelle: string; filename: string; accepted: AcceptedFiles; locale: Locale },
  extra: Record<string, string | number> = {},
): UploadFailure {
  return {
    ok: false,
    status: STATUS[code],
    error: {
      code,
      params: {
        libelle: context.libelle,
        filename: context.filename,
        max: formatByteSize(context.accepted.maxBytes, context.locale),
        ...extra,
      },
    },
  };
}

/**
 * Streams `stream` into storage when accepted; a refused file is drained. `record` stores the
 * reference (and may refuse, e.g. too many files): on refusal or error the bytes are deleted.
 */
export async function storeChecked<T>(
  storage: Storage,
  stream: Readable,
  context: { libelle: string; filename: string; accepted: AcceptedFiles; locale: Locale },
  record: (received: Received) => Promise<{ ok: true; value: T } | UploadFailure>,
): Promise<{ ok: true; value: T } | UploadFailure> {
  let received: Awaited<ReturnType<typeof receiveFile>>;
  try {
    received = await receiveFile(storage, stream, { filename: context.filename, accepted: context.accepted });
  } catch {
    stream.resume();
    return failure("upload_failed", context);
  }
  if (!received.ok) return failure(received.code, context);
  const { ok: _ok, ...file } = received;
  try {
    const result = await record(file);
    if (!result.ok) await storage.delete(file.key);
    return result;
  } catch (error) {
    await storage.delete(file.key);
    throw error;
  }
}

/**
 * Adds one file to a file field of a dossier, for its usager or (annotations privées) an instructeur
 * (`writer`). Not theirs, not editable, a field of the other form, not a file field: 404, nothing stored.
 */
export async function uploadToDossier(
  services: AppServices,
  input: { writer: FileFieldWriter; dossierId: number; key: string; stream: Readable; filename: string; locale: Locale },
): Promise<{ ok: true; value: FileRef } | UploadFailure> {
  const filename = sanitizeFilename(input.filename);
  let target: Awaited<ReturnType<typeof findUploadTarget>>;
  try {
    target = await findUploadTarget(services.db, { ...input, maxBytesCap: services.config.uploadMaxBytes });
  } catch (error) {
    input.stream.resume();
    if (error instanceof NotFoundError) return { ok: false, status: 404 };
    throw error;
  }
  const context = { libelle: target.libelle, filename, accepted: target.accepted, locale: input.locale };
  return storeChecked(storageFor(services.config), input.stream, context, async (file) => {
    try {
      const attached = await attachFile(services.db, {
        writer: input.writer,
        dossierId: input.dossierId,
        key: input.key,
        file: { storageKey: file.key, filename, contentType: file.contentType, byteSize: file.byteSize, checksum: file.checksum },
      });
      return attached.ok ? { ok: true, value: attached.file } : failure("too_many_files", context, attached.refusals[0]?.params);
    } catch (error) {
      // The dossier changed hands or state while the file was streaming.
      if (error instanceof NotFoundError) return { ok: false, status: 404 };
      throw error;
    }
  });
}

export function failureMessage(failure: Extract<UploadFailure, { error: ChampError }>, locale: Locale): string {
  return champErrorMessage(failure.error, locale);
}
