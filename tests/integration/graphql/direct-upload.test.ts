/**
 * The two-step upload of the API: `createDirectUpload` (token scope, read-only token, bad
 * checksum), the signed PUT (wrong size, wrong checksum, expired or forged URL, refused format,
 * replay), then the `signedBlobId` as a message's attachment and a decision's justificatif
 * (`Dossier.motivationAttachment`), with the reference's payload errors for an unknown,
 * not-uploaded or already-used blob.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, commentaires } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { DIRECT_UPLOAD_PATH, signDirectUploadTicket } from "../../../server/http/uploads/direct-upload-url";
import { createDirectUploadRouter } from "../../../server/http/uploads/direct-upload";
import { deleteUnreferencedAttachments } from "../../../server/jobs/purge-attachments.job";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let storageDir: string;
let secret: string;
let bearer: string;
let readOnlyBearer: string;
let strangerBearer: string;
let agentId: number;
let dossierId: number;
let decidedDossierId: number;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const md5 = (bytes: Buffer) => createHash("md5").update(bytes).digest("base64");

const CREATE = /* GraphQL */ `
  mutation create($input: CreateDirectUploadInput!) {
    createDirectUpload(input: $input) {
      clientMutationId
      directUpload { url headers blobId signedBlobId }
    }
  }
`;

interface DirectUpload {
  url: string;
  headers: string;
  blobId: string;
  signedBlobId: string;
}

beforeAll(async () => {
  database = await createTestDatabase();
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-direct-"));
  const app = express();
  const config = { ...database.config, storage: { backend: "local" as const, dir: storageDir }, uploadMaxBytes: 4096 };
  secret = config.sessionSecret;
  const services = { config, db: database.db, logger: logger.child({}, { level: "silent" }) };
  const mount = createGraphqlMount(services);
  app.use(mount.path, mount.handler);
  app.use(DIRECT_UPLOAD_PATH, createDirectUploadRouter(services));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const { db } = database;
  const admin = "admin-direct@exemple.fr";
  const { demarche, instructeurs } = await buildDemarche(db, {
    administrateurEmail: admin,
    instructeurEmails: ["agent-direct@exemple.fr"],
  });
  const agent = instructeurs[0] as unknown as { userId: number; instructeurId: number; email: string };
  agentId = agent.instructeurId;
  dossierId = (await buildDossier(db, { demarche, state: "en_instruction", instructeur: agent as never })).dossierId;
  decidedDossierId = (await buildDossier(db, { demarche, state: "en_instruction", instructeur: agent as never })).dossierId;
  const token = await createApiToken(db, { administrateurEmail: admin, name: "Direct", readOnly: false });
  const readOnly = await createApiToken(db, { administrateurEmail: admin, name: "Lecture", readOnly: true });
  await buildDemarche(db, { administrateurEmail: "autre-direct@exemple.fr" });
  const stranger = await createApiToken(db, { administrateurEmail: "autre-direct@exemple.fr", name: "Autre" });
  if (!token.ok || !readOnly.ok || !stranger.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  readOnlyBearer = readOnly.bearer;
  strangerBearer = stranger.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

async function gql(token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, Record<string, unknown> | null>;
    errors?: Array<{ message: string; extensions: { code: string } }>;
  };
}

async function create(bytes: Buffer, options: { dossier?: number; token?: string; checksum?: string; byteSize?: number } = {}) {
  return gql(options.token ?? bearer, CREATE, {
    input: {
      clientMutationId: "c1",
      dossierId: toGlobalId("Dossier", options.dossier ?? dossierId),
      filename: "arrete.pdf",
      byteSize: options.byteSize ?? bytes.length,
      checksum: options.checksum ?? md5(bytes),
      contentType: "application/pdf",
    },
  });
}

async function prepare(bytes: Buffer, options: { dossier?: number } = {}): Promise<DirectUpload> {
  const result = await create(bytes, options);
  return result.data?.createDirectUpload?.directUpload as DirectUpload;
}

/** PUTs to the returned URL on this test server (the URL names the configured application URL). */
function put(url: string, bytes: Buffer, headers: Record<string, string> = {}) {
  const { pathname } = new URL(url);
  return fetch(`${baseUrl}${pathname}`, { method: "PUT", headers, body: new Uint8Array(bytes) });
}

async function directUploadRows() {
  return database.db.select().from(attachments).where(eq(attachments.purpose, "direct_upload"));
}

describe("createDirectUpload", () => {
  it("gives a signed PUT URL, its headers and the blob ids", async () => {
    const result = await create(PDF);
    expect(result.errors).toBeUndefined();
    const upload = result.data?.createDirectUpload?.directUpload as DirectUpload;
    expect(result.data?.createDirectUpload?.clientMutationId).toBe("c1");
    expect(upload.url).toContain(`${DIRECT_UPLOAD_PATH}/`);
    expect(JSON.parse(upload.headers)).toEqual({ "Content-Type": "application/pdf", "Content-MD5": md5(PDF) });
    expect(upload.signedBlobId.startsWith(`${upload.blobId}--`)).toBe(true);
  });

  it("refuses a read-only token, a dossier of another administrateur and a checksum that is not a base64 MD5", async () => {
    const readOnly = await create(PDF, { token: readOnlyBearer });
    expect(readOnly.errors?.[0]?.message).toBe("Le jeton utilisé est configuré seulement en lecture");
    const stranger = await create(PDF, { token: strangerBearer });
    expect(stranger.errors?.[0]?.extensions.code).toBe("unauthorized");
    expect(stranger.data?.createDirectUpload).toBeNull();
    const badChecksum = await create(PDF, { checksum: "abc" });
    expect(badChecksum.errors?.[0]?.extensions.code).toBe("bad_request");
  });
});

describe("PUT on the signed URL", () => {
  it("refuses wrong bytes, a wrong size, a forged or expired URL, a refused format, and keeps nothing of them", async () => {
    const upload = await prepare(PDF);
    const other = Buffer.from(PDF.toString().replace("Catalog", "Catalox"));
    expect((await put(upload.url, other)).status).toBe(422);
    expect((await put(upload.url, Buffer.concat([PDF, Buffer.from("xx")]))).status).toBe(422);
    expect((await put(upload.url, PDF.subarray(0, 40))).status).toBe(422);
    expect((await put(upload.url, PDF, { "content-md5": md5(other) })).status).toBe(422);
    expect((await put(`${upload.url}x`, PDF)).status).toBe(404);
    const expired = signDirectUploadTicket(secret, {
      blobId: randomUUID(),
      dossierId,
      filename: "a.pdf",
      byteSize: PDF.length,
      checksum: md5(PDF),
      contentType: "application/pdf",
      expires: Math.floor(Date.now() / 1000) - 1,
    });
    expect((await put(`${baseUrl}${DIRECT_UPLOAD_PATH}/${expired}`, PDF)).status).toBe(404);
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
    const exeUpload = (
      await gql(bearer, CREATE, {
        input: {
          dossierId: toGlobalId("Dossier", dossierId),
          filename: "virus.exe",
          byteSize: exe.length,
          checksum: md5(exe),
          contentType: "application/pdf",
        },
      })
    ).data?.createDirectUpload?.directUpload as DirectUpload;
    expect((await put(exeUpload.url, exe)).status).toBe(415);
    expect(await directUploadRows()).toEqual([]);
  });

  it("stores the announced bytes once", async () => {
    const upload = await prepare(PDF);
    expect((await put(upload.url, PDF, JSON.parse(upload.headers))).status).toBe(204);
    expect((await put(upload.url, PDF)).status).toBe(409);
    const rows = (await directUploadRows()).filter((row) => row.id === upload.blobId);
    expect(rows).toMatchObject([{ dossierId, byteSize: PDF.length, contentType: "application/pdf", filename: "arrete.pdf" }]);
  });
});

const MESSAGE = /* GraphQL */ `
  mutation send($input: DossierEnvoyerMessageInput!) {
    dossierEnvoyerMessage(input: $input) {
      message { body attachments { filename byteSize } }
      errors { message }
    }
  }
`;

describe("signedBlobId in mutations", () => {
  function sendWith(attachment: string, dossier = dossierId) {
    return gql(bearer, MESSAGE, {
      input: {
        dossierId: toGlobalId("Dossier", dossier),
        instructeurId: toGlobalId("Instructeur", agentId),
        body: "Voici le document",
        attachment,
      },
    });
  }

  it("attaches an uploaded file to a message, once", async () => {
    const upload = await prepare(PDF);
    expect((await put(upload.url, PDF)).status).toBe(204);
    const sent = await sendWith(upload.signedBlobId);
    expect(sent.data?.dossierEnvoyerMessage).toEqual({
      message: { body: "Voici le document", attachments: [{ filename: "arrete.pdf", byteSize: PDF.length }] },
      errors: null,
    });
    const again = await sendWith(upload.signedBlobId);
    expect(again.data?.dossierEnvoyerMessage?.errors).toEqual([
      { message: "Le fichier n’a pas été correctement téléversé sur le serveur de stockage" },
    ]);
  });

  it("refuses a forged id, a blob never uploaded and a blob of another dossier, before anything changes", async () => {
    const before = await database.db.select({ id: commentaires.id }).from(commentaires);
    const forged = await sendWith(`${randomUUID()}--${"a".repeat(43)}`);
    expect(forged.data?.dossierEnvoyerMessage?.errors).toEqual([{ message: "L’identifiant du fichier téléversé est invalide" }]);
    const notUploaded = await prepare(PDF);
    expect((await sendWith(notUploaded.signedBlobId)).data?.dossierEnvoyerMessage?.errors).toEqual([
      { message: "Le fichier n’a pas été correctement téléversé sur le serveur de stockage" },
    ]);
    const elsewhere = await prepare(PDF, { dossier: decidedDossierId });
    expect((await put(elsewhere.url, PDF)).status).toBe(204);
    expect((await sendWith(elsewhere.signedBlobId)).data?.dossierEnvoyerMessage?.errors).toHaveLength(1);
    expect(await database.db.select({ id: commentaires.id }).from(commentaires)).toEqual(before);
  });

  it("takes a justificatif with a decision and serves it as motivationAttachment", async () => {
    const upload = await prepare(PDF, { dossier: decidedDossierId });
    expect((await put(upload.url, PDF)).status).toBe(204);
    const accepted = await gql(
      bearer,
      /* GraphQL */ `
        mutation accept($input: DossierAccepterInput!) {
          dossierAccepter(input: $input) {
            dossier { state motivationAttachment { filename contentType byteSize url } }
            errors { message }
          }
        }
      `,
      {
        input: {
          dossierId: toGlobalId("Dossier", decidedDossierId),
          instructeurId: toGlobalId("Instructeur", agentId),
          motivation: "Conforme",
          justificatif: upload.signedBlobId,
        },
      },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.dossierAccepter).toMatchObject({
      errors: null,
      dossier: {
        state: "accepte",
        motivationAttachment: { filename: "arrete.pdf", contentType: "application/pdf", byteSize: PDF.length },
      },
    });
  });
});

describe("unused direct uploads", () => {
  it("are removed by the purge job", async () => {
    const upload = await prepare(PDF);
    expect((await put(upload.url, PDF)).status).toBe(204);
    expect((await directUploadRows()).length).toBeGreaterThan(0);
    await deleteUnreferencedAttachments(database.db, 0);
    expect(await directUploadRows()).toEqual([]);
  });
});
