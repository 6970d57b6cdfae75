/**
 * The messagerie in the API: `Dossier.messages(id)` (text, sender, files with signed links,
 * correction), `Dossier.dateDerniereCorrectionEnAttente`; a token of another administrateur gets
 * nothing of it.
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { toGlobalId } from "../../../server/graphql/ids";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { addMessageFile } from "../../../server/operations/messages/add-message-file";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let strangerBearer: string;
let dossierId: number;
let correctionMessageId: number;

const QUERY = /* GraphQL */ `
  query messages($number: Int!, $messageId: ID) {
    dossier(number: $number) {
      dateDerniereCorrectionEnAttente
      messages {
        id
        body
        email
        createdAt
        discardedAt
        attachments {
          filename
          contentType
          byteSize
          url
        }
        attachment {
          filename
        }
        correction {
          reason
          dateResolution
        }
      }
      one: messages(id: $messageId) {
        id
        body
      }
    }
  }
`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const services = { config: database.config, db, logger: logger.child({}, { level: "silent" }) };
  const app = express();
  const mount = createGraphqlMount(services);
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const admin = "admin-messages-api@exemple.fr";
  const { demarche, instructeurs } = await buildDemarche(db, {
    administrateurEmail: admin,
    instructeurEmails: ["agent-messages-api@exemple.fr"],
  });
  const agent = instructeurs[0] as unknown as { userId: number; instructeurId: number; email: string };
  const usager = await buildUser(db, [], "usager-messages-api@exemple.fr");
  dossierId = (await buildDossier(db, { demarche, usager, state: "en_construction" })).dossierId;
  await sendMessage(
    db,
    { kind: "usager", userId: usager.userId, email: usager.email },
    { dossierId, body: "Une question <b>urgente</b>" },
  );
  const author = { kind: "instructeur" as const, ...agent };
  const file = await addMessageFile(db, author, {
    dossierId,
    file: {
      storageKey: "k-api",
      filename: "modele.pdf",
      contentType: "application/pdf",
      byteSize: 1234,
      checksum: "b".repeat(64),
    },
  });
  if (!file.ok) throw new Error("file");
  const sent = await sendMessage(db, author, {
    dossierId,
    body: "Merci de compléter.",
    attachmentIds: [file.id],
    correction: "incomplete",
  });
  if (!sent.ok) throw new Error("sent");
  correctionMessageId = sent.commentaireId;

  const token = await createApiToken(db, { administrateurEmail: admin, name: "Messages" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  const other = await buildDemarche(db, { administrateurEmail: "autre-admin-messages@exemple.fr" });
  void other;
  const strangerToken = await createApiToken(db, { administrateurEmail: "autre-admin-messages@exemple.fr", name: "Autre" });
  if (!strangerToken.ok) throw new Error("createApiToken");
  strangerBearer = strangerToken.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function gql(token: string, variables: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  return (await response.json()) as {
    data?: { dossier: { dateDerniereCorrectionEnAttente: string | null } & Record<string, Array<Record<string, unknown>>> };
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

describe("Dossier.messages", () => {
  it("lists the thread with system copies, text, files and the correction", async () => {
    const result = await gql(bearer, { number: dossierId, messageId: toGlobalId("Commentaire", correctionMessageId) });
    expect(result.errors).toBeUndefined();
    const dossier = result.data?.dossier;
    expect(dossier?.dateDerniereCorrectionEnAttente).toMatch(/^\d{4}-\d\d-\d\dT/);
    const messages = dossier?.messages ?? [];
    // The accusé de réception copy, the usager's question, the instructeur's correction request.
    expect(messages).toHaveLength(3);
    expect(messages[0]?.body).toContain("a bien été déposé");
    expect(messages[1]).toMatchObject({
      body: "Une question urgente",
      email: "usager-messages-api@exemple.fr",
      correction: null,
    });
    expect(messages[2]).toMatchObject({
      id: toGlobalId("Commentaire", correctionMessageId),
      body: "Merci de compléter.",
      email: "agent-messages-api@exemple.fr",
      discardedAt: null,
      correction: { reason: "incomplete", dateResolution: null },
      attachment: { filename: "modele.pdf" },
    });
    expect(messages[2]?.attachments).toEqual([
      expect.objectContaining({ filename: "modele.pdf", contentType: "application/pdf", byteSize: 1234 }),
    ]);
    expect(dossier?.one).toEqual([{ id: toGlobalId("Commentaire", correctionMessageId), body: "Merci de compléter." }]);
  });

  it("gives nothing to a token of another administrateur", async () => {
    const result = await gql(strangerBearer, { number: dossierId });
    expect(result.data?.dossier ?? null).toBeNull();
    expect(result.errors?.[0]).toBeDefined();
  });
});
