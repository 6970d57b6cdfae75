/**
 * The legacy API v1: tokens (Bearer and `?token=`, none or invalid → 401 `{}`), another
 * administrateur's démarche → 401 `{}`, an unknown one → 404 `{}`, the dossier list's pagination
 * (`page`, `resultats_par_page` capped at 1 000, `pagination` object, `order`), legacy state
 * names, and one dossier (only of that démarche, never a brouillon).
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { createApiV1Router } from "../../../server/rest/api-v1";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let strangerBearer: string;
let demarcheId: number;
let otherDemarcheId: number;
let otherDossierId: number;
let brouillonId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const services = { config: database.config, db, logger: logger.child({}, { level: "silent" }) };
  const app = express();
  app.use("/api/v1", createApiV1Router(services));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const admin = "admin-v1@exemple.fr";
  const { demarche, instructeurs } = await buildDemarche(db, {
    administrateurEmail: admin,
    instructeurEmails: ["agent-v1@exemple.fr"],
  });
  demarcheId = demarche.id;
  const agent = instructeurs[0] as never;
  for (const state of ["en_construction", "en_instruction", "accepte", "refuse", "sans_suite"] as const) {
    ids[state] = (await buildDossier(db, { demarche, state, instructeur: agent })).dossierId;
  }
  brouillonId = (await buildDossier(db, { demarche, state: "brouillon" })).dossierId;
  const other = await buildDemarche(db, { administrateurEmail: "autre-v1@exemple.fr" });
  otherDemarcheId = other.demarche.id;
  otherDossierId = (await buildDossier(db, { demarche: other.demarche, state: "en_construction" })).dossierId;
  const token = await createApiToken(db, { administrateurEmail: admin, name: "V1", readOnly: true });
  const stranger = await createApiToken(db, { administrateurEmail: "autre-v1@exemple.fr", name: "Autre" });
  if (!token.ok || !stranger.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  strangerBearer = stranger.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function get(path: string, token: string | null = bearer, how: "header" | "query" = "header") {
  const url = new URL(`${baseUrl}/api/v1${path}`);
  const headers: Record<string, string> = {};
  if (token && how === "header") headers.authorization = `Bearer ${token}`;
  if (token && how === "query") url.searchParams.set("token", token);
  const response = await fetch(url, { headers });
  // biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are what the tests check.
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe("API v1 tokens and access", () => {
  it("answers 401 {} without a token or with an invalid one", async () => {
    expect(await get(`/procedures/${demarcheId}`, null)).toEqual({ status: 401, json: {} });
    expect(await get(`/procedures/${demarcheId}`, "bm9wZTtub3Bl")).toEqual({ status: 401, json: {} });
  });

  it("takes the token from the header or the legacy ?token=", async () => {
    expect((await get(`/procedures/${demarcheId}`)).status).toBe(200);
    expect((await get(`/procedures/${demarcheId}/dossiers`, bearer, "query")).status).toBe(200);
  });

  it("answers 401 {} for another administrateur's démarche and 404 {} for an unknown one", async () => {
    expect(await get(`/procedures/${demarcheId}`, strangerBearer)).toEqual({ status: 401, json: {} });
    expect(await get(`/procedures/${demarcheId}/dossiers`, strangerBearer)).toEqual({ status: 401, json: {} });
    expect(await get(`/procedures/${demarcheId}/dossiers/${ids.accepte}`, strangerBearer)).toEqual({ status: 401, json: {} });
    expect(await get("/procedures/999999/dossiers")).toEqual({ status: 404, json: {} });
    expect(await get("/procedures/abc")).toEqual({ status: 404, json: {} });
  });
});

describe("GET /api/v1/procedures/:id", () => {
  it("describes the démarche and its fields", async () => {
    const { json } = await get(`/procedures/${demarcheId}`);
    expect(json.procedure).toMatchObject({ id: demarcheId, total_dossier: 5, types_de_piece_justificative: [] });
    expect(Array.isArray(json.procedure.types_de_champ)).toBe(true);
  });
});

describe("GET /api/v1/procedures/:id/dossiers", () => {
  it("lists submitted dossiers with legacy state names and UTC dates", async () => {
    const { json } = await get(`/procedures/${demarcheId}/dossiers`);
    expect(json.pagination).toEqual({ page: 1, resultats_par_page: 100, nombre_de_page: 1 });
    const byId = new Map((json.dossiers as Array<{ id: number; state: string; updated_at: string }>).map((d) => [d.id, d]));
    expect(byId.has(brouillonId)).toBe(false);
    expect(
      [ids.en_construction, ids.en_instruction, ids.accepte, ids.refuse, ids.sans_suite].map(
        (id) => byId.get(id as number)?.state,
      ),
    ).toEqual(["initiated", "received", "closed", "refused", "without_continuation"]);
    expect(byId.get(ids.accepte as number)?.updated_at).toMatch(/Z$/);
  });

  it("pages with page and resultats_par_page (capped at 1 000), in either order", async () => {
    const first = await get(`/procedures/${demarcheId}/dossiers?resultats_par_page=2`);
    expect(first.json.pagination).toEqual({ page: 1, resultats_par_page: 2, nombre_de_page: 3 });
    const last = await get(`/procedures/${demarcheId}/dossiers?resultats_par_page=2&page=3`);
    expect(last.json.dossiers).toHaveLength(1);
    const all = (await get(`/procedures/${demarcheId}/dossiers`)).json.dossiers.map((d: { id: number }) => d.id);
    const pages = [
      ...first.json.dossiers,
      ...(await get(`/procedures/${demarcheId}/dossiers?resultats_par_page=2&page=2`)).json.dossiers,
      ...last.json.dossiers,
    ];
    expect(pages.map((d: { id: number }) => d.id)).toEqual(all);
    const desc = (await get(`/procedures/${demarcheId}/dossiers?order=desc`)).json.dossiers.map((d: { id: number }) => d.id);
    expect(desc).toEqual([...all].reverse());
    expect((await get(`/procedures/${demarcheId}/dossiers?resultats_par_page=5000`)).json.pagination.resultats_par_page).toBe(
      1000,
    );
    expect((await get(`/procedures/${demarcheId}/dossiers?resultats_par_page=-3&page=zero`)).json.pagination).toEqual({
      page: 1,
      resultats_par_page: 100,
      nombre_de_page: 1,
    });
  });
});

describe("GET /api/v1/procedures/:id/dossiers/:dossier_id", () => {
  it("gives one dossier of the démarche", async () => {
    const { status, json } = await get(`/procedures/${demarcheId}/dossiers/${ids.accepte}`);
    expect(status).toBe(200);
    expect(json.dossier).toMatchObject({
      id: ids.accepte,
      state: "closed",
      simplified_state: "Accepté",
      champs: expect.any(Array),
    });
  });

  it("answers 404 {} for a brouillon or a dossier of another démarche", async () => {
    expect(await get(`/procedures/${demarcheId}/dossiers/${brouillonId}`)).toEqual({ status: 404, json: {} });
    expect(await get(`/procedures/${demarcheId}/dossiers/${otherDossierId}`)).toEqual({ status: 404, json: {} });
    expect(await get(`/procedures/${otherDemarcheId}/dossiers/${otherDossierId}`)).toEqual({ status: 401, json: {} });
  });
});
