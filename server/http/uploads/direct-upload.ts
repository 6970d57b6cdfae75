/**
 * `PUT /api/v2/direct-uploads/<ticket>`: the second step of the API's two-step upload
 * (`createDirectUpload` gives the URL and the headers). The body is the file's raw bytes, streamed
 * to storage with the same checks as every upload (sniffed format from the global list, size
 * limit) and compared with what was announced: exact `byteSize` and base64 MD5 `checksum`
 * (the `Content-MD5` header, when sent, must be that checksum too). Answers:
 * 204 stored; 404 unknown or expired URL (as the reference's storage); 409 already uploaded;
 * 413 larger than announced or than the limit; 415 refused format; 422 size or checksum mismatch,
 * empty file. Nothing is kept of a refused file.
 */
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { type Request, type Response, Router } from "express";
import { formatsOfFamilies } from "../../domain/files/formats";
import { storageFor } from "../../integrations/storage";
import { recordDirectUpload } from "../../operations/attachments/direct-uploads";
import type { AppServices } from "../context";
import { readDirectUploadTicket } from "./direct-upload-url";
import { receiveFile } from "./receive-file";

class Md5Tap extends Transform {
  private readonly hash = createHash("md5");
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.hash.update(chunk);
    callback(null, chunk);
  }
  digest(): string {
    return this.hash.digest("base64");
  }
}

function refuse(req: Request, res: Response, status: number, code: string, message: string) {
  req.resume();
  res.status(status).set("Cache-Control", "no-store").json({ error: { code, message } });
}

export function createDirectUploadRouter(services: AppServices): Router {
  const router = Router();
  router.put("/:ticket", async (req, res, next) => {
    try {
      const read = readDirectUploadTicket(services.config.sessionSecret, String(req.params.ticket));
      if (!read.ok) {
        return refuse(
          req,
          res,
          404,
          "not_found",
          read.reason === "expired" ? "This upload URL has expired" : "Unknown upload URL",
        );
      }
      const { ticket } = read;
      const declared = req.headers["content-length"];
      if (declared !== undefined && Number(declared) !== ticket.byteSize) {
        return refuse(
          req,
          res,
          422,
          "byte_size_mismatch",
          `Content-Length differs from the announced byteSize ${ticket.byteSize}`,
        );
      }
      const md5Header = req.headers["content-md5"];
      if (md5Header !== undefined && md5Header !== ticket.checksum) {
        return refuse(req, res, 422, "checksum_mismatch", "Content-MD5 differs from the announced checksum");
      }
      const maxBytes = Math.min(ticket.byteSize, services.config.uploadMaxBytes);
      const tap = new Md5Tap();
      req.once("error", (error) => tap.destroy(error));
      req.pipe(tap);
      const storage = storageFor(services.config);
      const received = await receiveFile(storage, tap, {
        filename: ticket.filename,
        accepted: { formats: formatsOfFamilies(undefined), maxBytes },
      });
      if (!received.ok) {
        if (received.code === "file_too_large")
          return refuse(req, res, 413, "file_too_large", `The file is larger than ${maxBytes} bytes`);
        if (received.code === "file_empty") return refuse(req, res, 422, "file_empty", "The file is empty");
        return refuse(req, res, 415, "file_format_not_accepted", "This file format is not accepted");
      }
      const drop = () => storage.delete(received.key);
      if (received.byteSize !== ticket.byteSize) {
        await drop();
        return refuse(
          req,
          res,
          422,
          "byte_size_mismatch",
          `The file has ${received.byteSize} bytes, not the announced ${ticket.byteSize}`,
        );
      }
      if (tap.digest() !== ticket.checksum) {
        await drop();
        return refuse(req, res, 422, "checksum_mismatch", "The file's MD5 checksum differs from the announced checksum");
      }
      const recorded = await recordDirectUpload(services.db, {
        blobId: ticket.blobId,
        dossierId: ticket.dossierId,
        file: {
          storageKey: received.key,
          filename: ticket.filename,
          contentType: received.contentType,
          byteSize: received.byteSize,
          checksum: received.checksum,
        },
      });
      if (!recorded) {
        await drop();
        return refuse(req, res, 409, "already_uploaded", "This blob was already uploaded");
      }
      res.status(204).set("Cache-Control", "no-store").end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}
