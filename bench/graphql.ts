/**
 * GraphQL API at scale (issue 15, « Measure »): seeds N dossiers with the CLI
 * (`dossiers:seed`) in the demo démarche « Tous les champs » (one field of every type), then, through the real HTTP handler on loopback with a token of the demo
 * administrateur and the rate limit raised (the reference's 400/min stays the default):
 *   1. a page of 100 dossiers with their champs (and columns), R times: p50 / p95 of the request, and
 *      the time SQL was in flight during it (queries overlap: the union of their intervals, not the sum);
 *   2. a full cursor sync of every dossier (`first: 100`, `after`), dossiers/s and the process's peak
 *      RSS sampled along the way (constant memory: it must not grow with N).
 * PostgreSQL from DATABASE_URL (fresh database, dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/graphql.ts [--dossiers 10000] [--repeat 30]
 */
import type { Server } from "node:http";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import express from "express";
import pg from "pg";
import { eq } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { demarches } from "../server/db/schema";
import { createGraphqlHandler } from "../server/graphql/handler";
import { logger } from "../server/logger";
import { createApiToken } from "../server/operations/api-tokens/create-api-token";
import { TOUS_LES_CHAMPS_PATH } from "../server/seed/tous-les-champs";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli, percentile } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    dossiers: { type: "string", default: "10000" },
    repeat: { type: "string", default: "30" },
  },
});

const PAGE = /* GraphQL */ `
  query page($n: Int!, $after: String) {
    demarche(number: $n) {
      dossiers(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id number state dateDepot dateDerniereModification
          usager { email }
          demandeur { ... on PersonnePhysique { civilite nom prenom } }
          traitements { state dateTraitement emailAgentTraitant }
          champs {
            id label stringValue
            columns { id label stringValue }
            ... on RepetitionChamp { rows { champs { id label stringValue } } }
          }
          annotations { id label stringValue }
        }
      }
    }
  }
`;

/** Time during which at least one SQL query was in flight, for the whole process. */
let inFlight = 0;
let sqlMs = 0;
let since = 0;
const originalQuery = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: wraps node-postgres' overloaded query() (promise or callback).
(pg.Client.prototype as any).query = function timedQuery(this: pg.Client, ...args: any[]) {
  if (inFlight++ === 0) since = performance.now();
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    if (--inFlight === 0) sqlMs += performance.now() - since;
  };
  const last = args[args.length - 1];
  if (typeof last === "function") {
    // biome-ignore lint/suspicious/noExplicitAny: node-postgres callback.
    args[args.length - 1] = (...cbArgs: any[]) => {
      done();
      return last(...cbArgs);
    };
  }
  // biome-ignore lint/suspicious/noExplicitAny: same overloads as the original.
  const result = (originalQuery as any).apply(this, args);
  if (result && typeof result.then === "function") result.then(done, done);
  else if (typeof last !== "function" && result && typeof result.on === "function") {
    result.on("end", done);
    result.on("error", done);
  }
  return result;
};

const count = Number(values.dossiers);
const repeat = Number(values.repeat);
const { env, dropDatabase, backend } = await benchEnvironment();
let server: Server | null = null;
try {
  cli(["seed"], env);
  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase(config);
  // The demo « Tous les champs » démarche: one field of every type, a repetition block, an annotation.
  const [demarche] = await database.db
    .select({ id: demarches.id })
    .from(demarches)
    .where(eq(demarches.path, TOUS_LES_CHAMPS_PATH));
  const demarcheNumber = Number(demarche?.id);
  const seedStart = performance.now();
  cli(["dossiers:seed", "--demarche", String(demarcheNumber), "--count", String(count)], env);
  console.log(`${backend}: seeded ${count} dossiers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const token = await createApiToken(database.db, { administrateurEmail: "administrateur@exemple.fr", name: "bench" });
  if (!token.ok) throw new Error("createApiToken");
  const app = express();
  app.use(
    "/api/v2/graphql",
    createGraphqlHandler(
      { config, db: database.db, logger: logger.child({}, { level: "warn" }) },
      { rateLimitPerMinute: 1_000_000 },
    ),
  );
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/v2/graphql`;

  async function post(after: string | null) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.ok ? token.bearer : ""}` },
      body: JSON.stringify({ query: PAGE, variables: { n: demarcheNumber, after } }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON answer.
    const body = (await response.json()) as any;
    if (response.status !== 200 || body.errors) throw new Error(JSON.stringify(body).slice(0, 500));
    return body.data.demarche.dossiers as {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ champs: unknown[] }>;
    };
  }

  // 1. One page of 100, repeated (after one warm-up).
  const first = await post(null);
  const champsPerDossier = first.nodes[0]?.champs.length ?? 0;
  const durations: number[] = [];
  const sqlShares: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const sqlBefore = sqlMs;
    const started = performance.now();
    await post(null);
    durations.push(performance.now() - started);
    sqlShares.push(sqlMs - sqlBefore);
  }
  durations.sort((a, b) => a - b);
  sqlShares.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  console.log(
    JSON.stringify({
      bench: "page of 100 dossiers",
      champsPerDossier,
      repeat,
      p50Ms: round(percentile(durations, 50)),
      p95Ms: round(percentile(durations, 95)),
      sqlP50Ms: round(percentile(sqlShares, 50)),
      ratioP50: Math.round((percentile(durations, 50) / Math.max(1, percentile(sqlShares, 50))) * 10) / 10,
    }),
  );

  // 2. Full cursor sync.
  let peakRss = process.memoryUsage().rss;
  const rssAt: number[] = [];
  let synced = 0;
  let after: string | null = null;
  const sqlBefore = sqlMs;
  const started = performance.now();
  for (;;) {
    const page = await post(after);
    synced += page.nodes.length;
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    rssAt.push(rss);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  console.log(
    JSON.stringify({
      bench: "full cursor sync",
      dossiers: synced,
      seconds: Math.round(seconds * 10) / 10,
      dossiersPerSecond: Math.round(synced / seconds),
      sqlSeconds: Math.round((sqlMs - sqlBefore) / 100) / 10,
      rssFirstTenthMb: mb(Math.max(...rssAt.slice(0, Math.max(1, Math.floor(rssAt.length / 10))))),
      rssLastTenthMb: mb(Math.max(...rssAt.slice(-Math.max(1, Math.floor(rssAt.length / 10))))),
      peakRssMb: mb(peakRss),
    }),
  );
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  server = null;
  await database.close();
} finally {
  if (server) server.close();
  rmSync(env.DATA_DIR, { recursive: true, force: true });
  await dropDatabase();
}
process.exit(0);
