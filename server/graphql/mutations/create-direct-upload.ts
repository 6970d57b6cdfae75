/**
 * `createDirectUpload`, the first step of the reference's two-step upload: the client announces a
 * file for a dossier its token may write to (name, size, base64 MD5, type) and gets a signed PUT
 * URL valid one hour, the headers to send with it, and the `signedBlobId` that
 * `dossierEnvoyerMessage.attachment` and the decisions' `justificatif` then accept
 * (`checkDirectUpload`). The payload has no `errors` (as the reference's): refusals are top-level
 * errors. The bytes are checked when they arrive (server/http/uploads/direct-upload.ts).
 */
import { randomUUID } from "node:crypto";
import {
  DIRECT_UPLOAD_PATH,
  DIRECT_UPLOAD_TTL_SECONDS,
  readSignedBlobId,
  signBlobId,
  signDirectUploadTicket,
} from "../../http/uploads/direct-upload-url";
import { findDirectUpload } from "../../operations/attachments/direct-uploads";
import { formatByteSize } from "../../domain/files/file-ref";
import type { Refusal } from "../../refusal";
import { numericIdOf } from "../ids";
import { findApiDossier } from "../loaders";
import type { GraphqlContext } from "../resolvers/context";
import { apiError, hiddenByPermissions, notFound } from "../resolvers/errors";
import { apiMessage } from "../payload-errors";

interface CreateDirectUploadInput {
  clientMutationId?: string | null;
  dossierId: string;
  filename: string;
  byteSize: number;
  checksum: string;
  contentType: string;
}

const BASE64_MD5 = /^[A-Za-z0-9+/]{22}==$/;

function signingConfig(ctx: GraphqlContext) {
  if (!ctx.fileLinks) throw new Error("createDirectUpload needs the application's URL and secret");
  return ctx.fileLinks;
}

export async function createDirectUpload(_source: unknown, { input }: { input: CreateDirectUploadInput }, ctx: GraphqlContext) {
  if (!ctx.token.writeAccess) throw apiError(apiMessage("dossiers.api.read_only_token").message, "forbidden");
  const number = numericIdOf(input.dossierId, "Dossier");
  const dossier = number === null ? null : await findApiDossier(ctx.db, number);
  if (!dossier) throw notFound("Dossier");
  if (!(await ctx.loaders.demarcheAccess.load(dossier.demarcheId))) throw hiddenByPermissions("Dossier");
  if (!Number.isSafeInteger(input.byteSize) || input.byteSize <= 0)
    throw apiError("byteSize must be a positive number of bytes", "bad_request");
  if (!BASE64_MD5.test(input.checksum)) throw apiError("checksum must be the base64 MD5 of the file", "bad_request");
  const filename = input.filename.trim();
  if (filename === "" || filename.length > 255) throw apiError("filename must have 1 to 255 characters", "bad_request");
  const contentType = input.contentType.trim();
  if (contentType === "" || contentType.length > 255 || /[\r\n]/.test(contentType)) {
    throw apiError("contentType must be a MIME type", "bad_request");
  }

  const config = signingConfig(ctx);
  const blobId = randomUUID();
  const ticket = signDirectUploadTicket(config.sessionSecret, {
    blobId,
    dossierId: dossier.id,
    filename,
    byteSize: input.byteSize,
    checksum: input.checksum,
    contentType,
    expires: Math.floor(Date.now() / 1000) + DIRECT_UPLOAD_TTL_SECONDS,
  });
  return {
    clientMutationId: input.clientMutationId ?? null,
    directUpload: {
      url: `${config.appUrl}${DIRECT_UPLOAD_PATH}/${ticket}`,
      headers: JSON.stringify({ "Content-Type": contentType, "Content-MD5": input.checksum }),
      blobId,
      signedBlobId: signBlobId(config.sessionSecret, blobId),
    },
  };
}

/**
 * Checks the blob named by a `signedBlobId` before a mutation on `dossierId` changes anything:
 * its blob id, or the refusal with the reference's messages (`dossiers.api.blob_*`): a signature
 * that is not ours → « identifiant invalide »; nothing uploaded under it for this dossier (never
 * sent, refused for its size or checksum, already used) → « pas été correctement téléversé »;
 * larger than the use allows (`maxBytes`) → too large. The mutation then claims it
 * (`claimDirectUpload`).
 */
export async function checkDirectUpload(
  ctx: GraphqlContext,
  input: { signedBlobId: string; field: string; dossierId: number; maxBytes: number },
): Promise<{ ok: true; blobId: string } | { ok: false; refusals: Refusal[] }> {
  const refused = (refusal: Refusal) => ({ ok: false as const, refusals: [refusal] });
  const blobId = readSignedBlobId(signingConfig(ctx).sessionSecret, input.signedBlobId);
  if (!blobId) return refused({ code: "blob_invalid", field: input.field });
  const blob = await findDirectUpload(ctx.db, blobId, input.dossierId);
  if (!blob) return refused({ code: "blob_not_uploaded", field: input.field });
  if (blob.byteSize > input.maxBytes) {
    return refused({ code: "blob_too_large", field: input.field, params: { max: formatByteSize(input.maxBytes, "fr") } });
  }
  return { ok: true, blobId };
}
