/**
 * The public search endpoints of the geographic autocomplete (/api/geo/*) over real HTTP, with a
 * real database (rate limits) and a local BAN peer (tests/support/ban-peer.ts).
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "../../../server/logger";
import { createReferenceData } from "../../../server/integrations/reference-data";
import { createGeoSearchRouter } from "../../../server/rest/geo-search";
import { type BanPeer, startBanPeer } from "../../support/ban-peer";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let peer: BanPeer;
let server: Server;
let baseUrl: string;
let limitedUrl: string;
let disabledUrl: string;

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const s = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  const address = s.address();
  return { server: s, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` };
}

const servers: Server[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startBanPeer("up");
  const services = { config: database.config, db: database.db, logger: logger.child({}, { level: "silent" }) };
  // Behind a proxy, as in production: the client address comes from X-Forwarded-For.
  const app = (router: express.RequestHandler) => express().set("trust proxy", true).use("/api/geo", router);
  const refs = createReferenceData({ ban: { url: peer.url, timeoutMs: 5000 } });
  const main = await listen(app(createGeoSearchRouter(services, { refs })));
  const limited = await listen(app(createGeoSearchRouter(services, { refs, rateLimitPerMinute: 2 })));
  // The test configuration has no BAN (tests never reach the internet): the address search is disabled.
  const disabled = await listen(app(createGeoSearchRouter(services)));
  servers.push(main.server, limited.server, disabled.server);
  server = main.server;
  baseUrl = main.url;
  limitedUrl = limited.url;
  disabledUrl = disabled.url;
});

afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await peer.stop();
  await database.close();
});

async function get(path: string, base = baseUrl, ip = "198.51.100.1") {
  const response = await fetch(`${base}${path}`, { headers: { "x-forwarded-for": ip } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/geo/communes", () => {
  it("finds communes by name, accents and case ignored, prefix first, with the form's value and label", async () => {
    const { status, body, headers } = await get(`/api/geo/communes?q=${encodeURIComponent("st etienne")}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/application\/json/);
    const results = body.results as Array<{ value: string; label: string; hint: string }>;
    expect(results[0]).toEqual({ value: "42218|42000", label: "Saint-Étienne (42000)", hint: "42 – Loire" });
    expect(results.length).toBeLessThanOrEqual(20);
  });

  it("finds communes by postal code", async () => {
    const { body } = await get("/api/geo/communes?q=75015");
    expect(body.results).toEqual([{ value: "75115|75015", label: "Paris 15e Arrondissement (75015)", hint: "75 – Paris" }]);
  });

  it("answers an empty list when nothing matches", async () => {
    expect((await get("/api/geo/communes?q=xyzzyville")).body).toEqual({ results: [] });
  });

  it.each([
    ["no q", "/api/geo/communes"],
    ["one character", "/api/geo/communes?q=a"],
    ["blank", "/api/geo/communes?q=%20%20%20"],
    ["too long", `/api/geo/communes?q=${"a".repeat(101)}`],
    ["q twice", "/api/geo/communes?q=lyon&q=paris"],
  ])("refuses a bad query (%s) with 400", async (_name, path) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error).toMatch(/q parameter|between 2 and 100/);
  });
});

describe("GET /api/geo/epci", () => {
  it("finds EPCI by name or SIREN, one entry per département", async () => {
    const { body } = await get("/api/geo/epci?q=200066793");
    expect(body.results).toEqual([
      { value: "200066793|74", label: "CA du Grand Annecy (74)", hint: "74 – Haute-Savoie · SIREN 200066793" },
    ]);
    const grandParis = (await get(`/api/geo/epci?q=${encodeURIComponent("Métropole du Grand Paris")}`)).body.results as Array<{
      value: string;
    }>;
    expect(grandParis.map((r) => r.value)).toEqual(expect.arrayContaining(["200054781|75", "200054781|93"]));
  });
});

describe("GET /api/geo/adresses", () => {
  it("searches the national address base", async () => {
    const { status, body } = await get(`/api/geo/adresses?q=${encodeURIComponent("8 bd du port")}`);
    expect(status).toBe(200);
    expect(body.results).toEqual([
      { value: "80021_6590_00008", label: "8 Boulevard du Port 80000 Amiens" },
      { value: "13201_4370_00008", label: "8 Boulevard du Port 13001 Marseille" },
    ]);
    expect(peer.queries.at(-1)).toBe("8 bd du port");
  });

  it("needs 3 characters, as the BAN", async () => {
    expect((await get("/api/geo/adresses?q=ab")).status).toBe(400);
  });

  it("answers 503 when the service is down, so that the form offers the manual mode", async () => {
    peer.mode = "error";
    const { status, body } = await get(`/api/geo/adresses?q=${encodeURIComponent("8 bd du port")}`);
    expect(status).toBe(503);
    expect(body.error).toMatch(/unavailable/);
    peer.mode = "up";
  });

  it("answers 503 when no address service is configured", async () => {
    expect((await get(`/api/geo/adresses?q=${encodeURIComponent("8 bd du port")}`, disabledUrl)).status).toBe(503);
  });
});

describe("the endpoints", () => {
  it("are rate-limited per IP", async () => {
    const ip = "203.0.113.7";
    expect((await get("/api/geo/communes?q=lyon", limitedUrl, ip)).status).toBe(200);
    expect((await get("/api/geo/communes?q=lyon", limitedUrl, ip)).status).toBe(200);
    const refused = await get("/api/geo/epci?q=annecy", limitedUrl, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Someone else is not affected.
    expect((await get("/api/geo/communes?q=lyon", limitedUrl, "203.0.113.8")).status).toBe(200);
  });

  it("answer only GET on known paths", async () => {
    const post = await fetch(`${baseUrl}/api/geo/communes?q=lyon`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    expect((await get("/api/geo/villes?q=lyon")).status).toBe(404);
    expect(server.listening).toBe(true);
  });
});
