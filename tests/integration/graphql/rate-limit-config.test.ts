/**
 * The API's mount takes its per-token rate limit from the configuration (`GRAPHQL_RATE_LIMIT`,
 * the reference's 400/min by default): with 2, the third request of a minute gets 429.
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { apiBearer } from "./support";

let database: TestDatabase;
let server: Server;
let url = "";
let bearer = "";
let number = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await buildUser(database.db, ["administrateur"]);
  number = (await buildDemarche(database.db, { administrateurEmail: admin.email })).demarche.id;
  bearer = await apiBearer(database.db, admin.email, { name: "limited", readOnly: true });
  const mount = createGraphqlMount({
    config: { ...database.config, graphqlRateLimitPerMinute: 2 },
    db: database.db,
    logger: logger.child({}, { level: "silent" }),
  });
  const app = express();
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}${mount.path}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.close();
});

it("answers 429 once the configured number of requests is reached", async () => {
  const post = () =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: "query($n: Int!) { demarche(number: $n) { number } }", variables: { n: number } }),
    });
  expect((await post()).status).toBe(200);
  expect((await post()).status).toBe(200);
  const limited = await post();
  expect(limited.status).toBe(429);
  expect(limited.headers.get("ratelimit-limit")).toBe("2");
});
