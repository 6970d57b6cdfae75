/**
 * API tokens managed by their administrateur (issue 11, item 5): creation with every bad input
 * refused (nothing stored), renewal (the old secret stops working), revocation, the allowed
 * networks checked on each request (403 with the reference's hint), expiry (401), a read-only
 * token refused on a mutation, `last_used_at` written at most once a minute, and the expiry
 * reminders e-mailed once each even when the job runs twice.
 */
import type { Server } from "node:http";
import { asc, eq, sql } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenExpiryNotices, apiTokens } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { renewApiToken } from "../../../server/operations/api-tokens/renew-api-token";
import { revokeApiToken } from "../../../server/operations/api-tokens/revoke-api-token";
import { sendApiTokenExpiryNotices } from "../../../server/operations/api-tokens/send-expiry-notices";
import { listApiTokens } from "../../../server/queries/admin/api-tokens";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let administrateurId: number;
let otherAdministrateurId: number;
let demarche: { id: number; path: string | null };
let otherDemarcheId: number;
let instructeur: { instructeurId: number; userId: number; email: string };

const ADMIN = "admin-jetons@exemple.fr";
const QUERY = "query($n: Int!) { demarche(number: $n) { number } }";

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const app = express();
  const mount = createGraphqlMount({ config: database.config, db, logger: logger.child({}, { level: "silent" }) });
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const built = await buildDemarche(db, { administrateurEmail: ADMIN, champs: [{ type: "text", libelle: "Nom" }] });
  demarche = { id: built.demarche.id, path: built.path };
  administrateurId = built.administrateurId;
  instructeur = built.instructeurs[0] as typeof instructeur;
  const other = await buildDemarche(db, { administrateurEmail: "autre-admin-jetons@exemple.fr" });
  otherDemarcheId = other.demarche.id;
  otherAdministrateurId = other.administrateurId;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function call(bearer: string, query = QUERY, variables: Record<string, unknown> = { n: demarche.id }) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> },
  };
}

async function create(input: Partial<Parameters<typeof createApiToken>[1]> = {}, now?: Date) {
  const result = await createApiToken(database.db, { administrateurId, name: "Logiciel de suivi", ...input }, now);
  return result;
}

async function tokenCount() {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(apiTokens);
  return row?.n ?? 0;
}

describe("creating a token", () => {
  it("stores the settings, never the secret, and the bearer works for the chosen démarches only", async () => {
    const created = await create({ demarcheNumbers: [demarche.id], readOnly: true, networks: ["127.0.0.1/8", "2001:DB8::/32"] });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row).toMatchObject({
      administrateurId,
      name: "Logiciel de suivi",
      allowedDemarcheIds: [demarche.id],
      writeAccess: false,
      authorizedNetworks: ["127.0.0.1/8", "2001:db8::/32"],
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(created.bearer.slice(8, 40));
    expect((await call(created.bearer)).body).toEqual({ data: { demarche: { number: demarche.id } } });
    const { tokens } = await listApiTokens(database.db, administrateurId);
    expect(tokens.find((t) => t.id === created.id)).toMatchObject({ prefix: created.bearer.slice(0, 5), writeAccess: false });
  });

  it.each([
    ["a malformed CIDR", { networks: ["10.0.0.0/33"] }, "networks", "networks_invalid"],
    ["a network that is not an address", { networks: ["192.168.1.0/24", "intranet"] }, "networks", "networks_invalid"],
    ["an IPv6 prefix too long", { networks: ["2001:db8::/129"] }, "networks", "networks_invalid"],
    ["an expiry in the past", { expiresAt: new Date("2020-01-01T00:00:00Z") }, "expiresAt", "expires_at_past"],
    ["an expiry too far", { expiresAt: new Date("2999-01-01T00:00:00Z") }, "expiresAt", "expires_at_too_far"],
    ["an empty name", { name: "  " }, "name", "name_required"],
    ["a name too long", { name: "x".repeat(101) }, "name", "name_too_long"],
    ["no démarche chosen", { demarcheNumbers: [] }, "demarcheNumbers", "demarches_required"],
  ] as const)("refuses %s and stores nothing", async (_what, input, field, code) => {
    const before = await tokenCount();
    const result = await create(input as Parameters<typeof create>[0]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusals[0]).toMatchObject({ field, code });
    expect(await tokenCount()).toBe(before);
  });

  it("names the malformed networks in the refusal", async () => {
    const result = await create({ networks: ["10.0.0.0/8", "300.1.1.1", "fe80::/200"] });
    expect(result).toMatchObject({
      ok: false,
      refusals: [{ code: "networks_invalid", params: { entries: "300.1.1.1, fe80::/200" } }],
    });
  });

  it("refuses a démarche the administrateur does not administer, like one that does not exist", async () => {
    const before = await tokenCount();
    for (const numbers of [[otherDemarcheId], [demarche.id, otherDemarcheId], [999_999]]) {
      const result = await create({ demarcheNumbers: numbers });
      expect(result).toMatchObject({ ok: false, refusals: [{ field: "demarcheNumbers", code: "demarche_not_found" }] });
    }
    expect(await tokenCount()).toBe(before);
  });

  it("reaches démarches created later when it covers all of them", async () => {
    const created = await create();
    if (!created.ok) throw new Error("create");
    const later = await buildDemarche(database.db, { administrateurEmail: ADMIN });
    expect((await call(created.bearer, QUERY, { n: later.demarche.id })).body).toEqual({
      data: { demarche: { number: later.demarche.id } },
    });
  });
});

describe("using a token", () => {
  it("answers 403 with the reference's hint from outside the allowed networks, and does not mark it used", async () => {
    const created = await create({ networks: ["10.0.0.0/8", "2001:db8::/32"] });
    if (!created.ok) throw new Error("create");
    const answer = await call(created.bearer);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      data: null,
      errors: [
        {
          message: "Request issued from a forbidden network. Add 127.0.0.1/32 to your allowed adresses in your /admin/jetons",
          extensions: { code: "forbidden" },
        },
      ],
    });
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.lastUsedAt).toBeNull();
  });

  it("lets a request from an allowed network through", async () => {
    const created = await create({ networks: ["10.0.0.0/8", "127.0.0.0/8"] });
    if (!created.ok) throw new Error("create");
    expect(await call(created.bearer)).toEqual({ status: 200, body: { data: { demarche: { number: demarche.id } } } });
  });

  it("answers 401 to an expired token", async () => {
    const created = await create({ expiresAt: new Date(Date.now() + 3600_000) });
    if (!created.ok) throw new Error("create");
    await database.db.update(apiTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiTokens.id, created.id));
    expect(await call(created.bearer)).toEqual({
      status: 401,
      body: { data: null, errors: [{ message: "Token expired", extensions: { code: "unauthorized" } }] },
    });
  });

  it("refuses a mutation with a read-only token, as the reference words it, and changes nothing", async () => {
    const created = await create({ readOnly: true });
    if (!created.ok) throw new Error("create");
    const { dossierId } = await buildDossier(database.db, { demarche, state: "en_construction", instructeur });
    const answer = await call(
      created.bearer,
      "mutation($input: DossierPasserEnInstructionInput!) { dossierPasserEnInstruction(input: $input) { dossier { state } errors { message } } }",
      {
        input: {
          dossierId: toGlobalId("Dossier", dossierId),
          instructeurId: toGlobalId("Instructeur", instructeur.instructeurId),
        },
      },
    );
    expect(answer.body).toEqual({
      data: {
        dossierPasserEnInstruction: {
          dossier: null,
          errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
        },
      },
    });
    const state = await database.db.execute<{ state: string }>(sql`select state from dossiers where id = ${dossierId}`);
    expect(state.rows[0]?.state).toBe("en_construction");
  });

  it("writes last_used_at at most once a minute", async () => {
    const created = await create();
    if (!created.ok) throw new Error("create");
    await call(created.bearer);
    const [first] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(first?.lastUsedAt).not.toBeNull();
    await call(created.bearer);
    const [second] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(second?.lastUsedAt?.getTime()).toBe(first?.lastUsedAt?.getTime());
  });
});

describe("renewing and revoking", () => {
  it("renews: a new secret, the old one refused, every setting kept", async () => {
    const created = await create({ demarcheNumbers: [demarche.id], readOnly: true, networks: ["127.0.0.0/8"] });
    if (!created.ok) throw new Error("create");
    const [before] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    const renewed = await renewApiToken(database.db, administrateurId, created.id);
    if (!renewed.ok) throw new Error("renew");
    expect(renewed.bearer).not.toBe(created.bearer);
    expect((await call(created.bearer)).status).toBe(401);
    expect((await call(renewed.bearer)).body).toEqual({ data: { demarche: { number: demarche.id } } });
    const [after] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(after).toMatchObject({
      allowedDemarcheIds: before?.allowedDemarcheIds,
      writeAccess: false,
      authorizedNetworks: ["127.0.0.0/8"],
      expiresAt: null,
    });
    expect(after?.secretHash).not.toBe(before?.secretHash);
  });

  it("revokes: every request refused from then on, the row kept as revoked", async () => {
    const created = await create();
    if (!created.ok) throw new Error("create");
    expect((await call(created.bearer)).status).toBe(200);
    await revokeApiToken(database.db, administrateurId, created.id);
    expect(await call(created.bearer)).toEqual({
      status: 401,
      body: { data: null, errors: [{ message: "Invalid token", extensions: { code: "unauthorized" } }] },
    });
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.revokedAt).not.toBeNull();
    await expect(renewApiToken(database.db, administrateurId, created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("answers 404 to another administrateur renewing or revoking, and changes nothing", async () => {
    const created = await create();
    if (!created.ok) throw new Error("create");
    const [before] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    await expect(renewApiToken(database.db, otherAdministrateurId, created.id)).rejects.toMatchObject({ status: 404 });
    await expect(revokeApiToken(database.db, otherAdministrateurId, created.id)).rejects.toMatchObject({ status: 404 });
    await expect(revokeApiToken(database.db, otherAdministrateurId, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
    const [after] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(after).toEqual(before);
    expect((await call(created.bearer)).status).toBe(200);
  });
});

describe("expiry reminders", () => {
  async function mailsTo(template: string) {
    const result = await database.db.execute<{ to: string; name: string }>(sql`
      select j.payload->>'to' as to, j.payload->'params'->>'name' as name
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'send-mail' and j.payload->>'template' = ${template} order by j.id`);
    return result.rows;
  }

  it("e-mails the owner a month, a week and a day before expiry, each once even when run twice", async () => {
    const created0 = new Date("2027-01-01T10:00:00Z");
    const expiresAt = new Date("2027-06-30T23:59:59Z");
    const created = await create({ name: "Rappels", expiresAt }, created0);
    if (!created.ok) throw new Error("create");
    await database.db.update(apiTokens).set({ createdAt: created0 }).where(eq(apiTokens.id, created.id));
    const mine = async () => (await mailsTo("api_token_expiring")).filter((m) => m.name === "Rappels");

    await sendApiTokenExpiryNotices(database.db, new Date("2027-05-15T23:45:00Z"));
    expect(await mine()).toEqual([]);
    for (const at of ["2027-06-01T23:45:00Z", "2027-06-24T23:45:00Z", "2027-06-30T00:00:00Z"]) {
      // A run repeated (a retry, another worker's tick): the second sends nothing.
      await sendApiTokenExpiryNotices(database.db, new Date(at));
      await sendApiTokenExpiryNotices(database.db, new Date(at));
    }
    expect(await mine()).toEqual([
      { to: ADMIN, name: "Rappels" },
      { to: ADMIN, name: "Rappels" },
      { to: ADMIN, name: "Rappels" },
    ]);
    const notices = await database.db
      .select({ window: apiTokenExpiryNotices.window })
      .from(apiTokenExpiryNotices)
      .where(eq(apiTokenExpiryNotices.tokenId, created.id))
      .orderBy(asc(apiTokenExpiryNotices.createdAt), asc(apiTokenExpiryNotices.window));
    expect(notices.map((n) => n.window).sort()).toEqual(["day", "month", "week"]);
  });

  it("sends nothing for a revoked token", async () => {
    const created = await create(
      { name: "Révoqué", expiresAt: new Date("2027-08-31T00:00:00Z") },
      new Date("2027-01-01T00:00:00Z"),
    );
    if (!created.ok) throw new Error("create");
    await database.db
      .update(apiTokens)
      .set({ createdAt: new Date("2027-01-01T00:00:00Z") })
      .where(eq(apiTokens.id, created.id));
    await revokeApiToken(database.db, administrateurId, created.id);
    await sendApiTokenExpiryNotices(database.db, new Date("2027-08-30T12:00:00Z"));
    expect((await mailsTo("api_token_expiring")).filter((m) => m.name === "Révoqué")).toEqual([]);
  });
});
