/**
 * `Dossier.avis(id)` and `Avis`, as the reference: the token (the administrateur's) sees every avis
 * of the dossier, confidential ones included — the reference's API does the same; a revoked request
 * is not listed (the reference deletes it). Answer files come with the signed one-hour URLs.
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments } from "../../../server/db/schema";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { toGlobalId } from "../../../server/graphql/ids";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { answerAvis } from "../../../server/operations/avis/answer-avis";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { revokeAvis } from "../../../server/operations/avis/revoke-avis";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { avisSetup, expertUser, requestInput } from "../avis/helpers";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let dossierId: number;
let answeredId: number;
let instructeurEmail: string;
let expertEmail: string;

const QUERY = /* GraphQL */ `
  query dossierAvis($number: Int!, $avisId: ID) {
    dossier(number: $number) {
      avis {
        id
        question
        questionLabel
        questionAnswer
        reponse
        dateQuestion
        dateReponse
        claimant { email }
        instructeur { email }
        expert { email }
        attachments { filename url }
        attachment { filename }
      }
      one: avis(id: $avisId) { id }
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

  const setup = await avisSetup(db);
  dossierId = setup.dossierId;
  instructeurEmail = setup.instructeur.email;
  const expert = await expertUser(db);
  expertEmail = expert.email;
  const claimant = { kind: "instructeur" as const, ...setup.instructeur, demarcheId: setup.demarche.id, dossierId };
  const asked = await requestAvis(
    db,
    claimant,
    requestInput(expert.email, { confidentiel: true, withQuestion: true, questionLabel: "Conforme ?", introduction: "Le devis" }),
  );
  if (!asked.ok) throw new Error("requestAvis");
  answeredId = asked.avisIds[0] as number;
  const [file] = await db
    .insert(attachments)
    .values({
      storageKey: "avis/analyse",
      filename: "analyse.pdf",
      contentType: "application/pdf",
      byteSize: 10,
      checksum: "00",
      purpose: "avis_reponse",
      dossierId,
      uploadedByUserId: expert.userId,
    })
    .returning({ id: attachments.id });
  const answered = await answerAvis(db, expert, answeredId, {
    answer: "Avis confidentiel favorable",
    questionAnswer: "oui",
    attachmentId: file?.id ?? null,
    removeAttachment: false,
  });
  if (!answered.ok) throw new Error("answerAvis");
  const revoked = await requestAvis(db, claimant, requestInput("revoque@exemple.fr"));
  if (!revoked.ok) throw new Error("requestAvis");
  await revokeAvis(db, setup.instructeur, { demarcheId: setup.demarche.id, dossierId, avisId: revoked.avisIds[0] as number });
  const token = await createApiToken(db, { administrateurEmail: setup.admin.email, name: "Avis" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function gql(variables: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  return (await response.json()) as { data?: { dossier: Record<string, Array<Record<string, unknown>>> }; errors?: unknown };
}

describe("Dossier.avis", () => {
  it("lists the avis as the reference, the confidential one included, not the revoked one", async () => {
    const result = await gql({ number: dossierId, avisId: toGlobalId("Avis", answeredId) });
    expect(result.errors).toBeUndefined();
    const list = result.data?.dossier.avis ?? [];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: toGlobalId("Avis", answeredId),
      question: "Le devis",
      questionLabel: "Conforme ?",
      questionAnswer: true,
      reponse: "Avis confidentiel favorable",
      claimant: { email: instructeurEmail },
      instructeur: { email: instructeurEmail },
      expert: { email: expertEmail },
      attachment: { filename: "analyse.pdf" },
    });
    expect(list[0]?.dateReponse).toEqual(expect.any(String));
    const files = list[0]?.attachments as Array<{ url: string }>;
    expect(files[0]?.url).toMatch(/\/pieces-jointes\/[0-9a-f-]+\?/);
    expect(result.data?.dossier.one).toEqual([{ id: toGlobalId("Avis", answeredId) }]);
    const none = await gql({ number: dossierId, avisId: toGlobalId("Avis", 999_999) });
    expect(none.data?.dossier.one).toEqual([]);
  });
});
