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
import { systemSenderAddress } from "../../../server/mail/system-sender";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let strangerBearer: string;
let readOnlyBearer: string;
let agentId: number;
let outsiderInstructeurId: number;
let secondDossierId: number;
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

  const token = await createApiToken(db, { administrateurEmail: admin, name: "Messages", readOnly: false });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  const readOnly = await createApiToken(db, { administrateurEmail: admin, name: "Lecture", readOnly: true });
  if (!readOnly.ok) throw new Error("createApiToken");
  readOnlyBearer = readOnly.bearer;
  agentId = agent.instructeurId;
  secondDossierId = (await buildDossier(db, { demarche, state: "en_instruction", instructeur: agent as never })).dossierId;
  const other = await buildDemarche(db, {
    administrateurEmail: "autre-admin-messages@exemple.fr",
    instructeurEmails: ["agent-ailleurs-api@exemple.fr"],
  });
  outsiderInstructeurId = (other.instructeurs[0] as unknown as { instructeurId: number }).instructeurId;
  const strangerToken = await createApiToken(db, { administrateurEmail: "autre-admin-messages@exemple.fr", name: "Autre" });
  if (!strangerToken.ok) throw new Error("createApiToken");
  strangerBearer = strangerToken.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function gql(token: string, variables: Record<string, unknown>, query = QUERY) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
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
    // An automatic message comes from the platform's address (CONTACT_EMAIL, else MAIL_FROM's), never "".
    expect(messages[0]?.email).toBe(systemSenderAddress(database.config));
    expect(messages[0]?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
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

const ENVOYER = /* GraphQL */ `
  mutation envoyer($input: DossierEnvoyerMessageInput!) {
    dossierEnvoyerMessage(input: $input) {
      clientMutationId
      errors {
        message
      }
      message {
        id
        body
        email
        correction {
          reason
        }
      }
    }
  }
`;

const SUPPRIMER = /* GraphQL */ `
  mutation supprimer($input: DossierSupprimerMessageInput!) {
    dossierSupprimerMessage(input: $input) {
      errors {
        message
      }
      message {
        id
        body
        discardedAt
      }
    }
  }
`;

type Payload = { errors: Array<{ message: string }> | null; message: Record<string, unknown> | null; clientMutationId?: string };

async function mutate(token: string, query: string, input: Record<string, unknown>) {
  const result = (await gql(token, { input }, query)) as unknown as {
    data?: Record<string, Payload>;
    errors?: Array<{ message: string }>;
  };
  return { payload: Object.values(result.data ?? {})[0] ?? null, errors: result.errors };
}

async function threadSize(number: number) {
  const result = await gql(bearer, { number });
  return result.data?.dossier.messages?.length ?? 0;
}

describe("dossierEnvoyerMessage and dossierSupprimerMessage", () => {
  it("sends a correction request that sends the dossier back en construction, then refuses a second one", async () => {
    const dossierId = toGlobalId("Dossier", secondDossierId);
    const instructeurId = toGlobalId("Instructeur", agentId);
    const sent = await mutate(bearer, ENVOYER, {
      clientMutationId: "m1",
      dossierId,
      instructeurId,
      body: "Le justificatif est périmé.",
      correction: "outdated",
    });
    expect(sent.payload).toMatchObject({
      clientMutationId: "m1",
      errors: null,
      message: {
        body: "Le justificatif est périmé.",
        email: "agent-messages-api@exemple.fr",
        correction: { reason: "outdated" },
      },
    });
    const state = await gql(bearer, { number: secondDossierId }, "query s($number: Int!) { dossier(number: $number) { state } }");
    expect((state.data?.dossier as unknown as { state: string } | undefined)?.state).toBe("en_construction");

    const before = await threadSize(secondDossierId);
    const again = await mutate(bearer, ENVOYER, { dossierId, instructeurId, body: "Encore", correction: "incorrect" });
    expect(again.payload?.message).toBeNull();
    expect(again.payload?.errors?.[0]?.message).toContain("déjà en attente");
    const empty = await mutate(bearer, ENVOYER, { dossierId, instructeurId, body: "  " });
    expect(empty.payload?.errors).toEqual([{ message: "Écrivez votre message" }]);
    expect(await threadSize(secondDossierId)).toBe(before);
  });

  it("refuses a read-only token and an instructeur outside the dossier's groupe, and nothing changes", async () => {
    const before = await threadSize(secondDossierId);
    const dossierId = toGlobalId("Dossier", secondDossierId);
    const readOnly = await mutate(readOnlyBearer, ENVOYER, {
      dossierId,
      instructeurId: toGlobalId("Instructeur", agentId),
      body: "Lecture seule",
    });
    expect(readOnly.payload?.errors?.[0]?.message).toContain("lecture");
    const outsider = await mutate(bearer, ENVOYER, {
      dossierId,
      instructeurId: toGlobalId("Instructeur", outsiderInstructeurId),
      body: "Intrus",
    });
    expect(outsider.payload?.errors?.[0]?.message).toContain("droits");
    const foreignToken = await mutate(strangerBearer, ENVOYER, {
      dossierId,
      instructeurId: toGlobalId("Instructeur", outsiderInstructeurId),
      body: "Intrus",
    });
    expect(foreignToken.payload ?? null).toBeNull();
    expect(foreignToken.errors?.[0]).toBeDefined();
    expect(await threadSize(secondDossierId)).toBe(before);
  });

  it("deletes the instructeur's own message, which stays as deleted", async () => {
    const instructeurId = toGlobalId("Instructeur", agentId);
    const sent = await mutate(bearer, ENVOYER, {
      dossierId: toGlobalId("Dossier", secondDossierId),
      instructeurId,
      body: "Message envoyé par erreur",
    });
    const messageId = sent.payload?.message?.id as string;
    const deleted = await mutate(bearer, SUPPRIMER, { messageId, instructeurId });
    expect(deleted.payload).toMatchObject({ errors: null, message: { id: messageId, body: "" } });
    expect(deleted.payload?.message?.discardedAt).toEqual(expect.any(String));
    const again = await mutate(bearer, SUPPRIMER, { messageId, instructeurId });
    expect(again.payload?.errors).toEqual([{ message: "Ce message a déjà été supprimé" }]);
    const unknown = await mutate(bearer, SUPPRIMER, { messageId: toGlobalId("Commentaire", 999_999), instructeurId });
    expect(unknown.errors?.[0]).toBeDefined();
  });
});
