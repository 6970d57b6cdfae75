#!/usr/bin/env node
/**
 * Requests per second and p95 of the usager form page and of the instructeur dossier list on a
 * démarche with N seeded dossiers (default 10 000), on embedded PGlite or on the PostgreSQL of
 * DATABASE_URL (a fresh database `guichet_bench_<n>` is created there and dropped afterwards).
 *   node bench/pages.mjs [--dossiers 10000] [--requests 300] [--concurrency 8]
 */
import { parseArgs } from "node:util";
import { benchEnvironment, cli, load, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    dossiers: { type: "string", default: "10000" },
    requests: { type: "string", default: "300" },
    concurrency: { type: "string", default: "8" },
  },
});
const count = Number(values.dossiers);
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const { env, dropDatabase, backend } = await benchEnvironment();

try {
  cli(["seed"], env);
  const seedStart = Date.now();
  cli(["dossiers:seed", "--demarche", "1", "--count", String(count)], env);
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const platform = await startPlatform(env);
  try {
    const usager = await signIn(platform.url, "usager@exemple.fr", "guichet-demo-2026");
    const instructeur = await signIn(platform.url, "instructeur@exemple.fr", "guichet-demo-2026");
    // The demo usager's brouillon is the first dossier of the demo démarche.
    const form = await load(`${platform.url}/dossiers/1/brouillon`, { cookie: usager, requests, concurrency });
    const list = await load(`${platform.url}/procedures/1?statut=tous`, { cookie: instructeur, requests, concurrency });
    const result = { backend, dossiers: count, seedSeconds, usagerForm: form, instructeurList: list };
    console.log(JSON.stringify(result, null, 2));
    console.log(`| ${backend} | ${count} | usager form | ${form.rps} req/s | p50 ${form.p50} ms | p95 ${form.p95} ms |`);
    console.log(`| ${backend} | ${count} | instructeur list | ${list.rps} req/s | p50 ${list.p50} ms | p95 ${list.p95} ms |`);
  } finally {
    await platform.stop();
  }
} finally {
  await dropDatabase();
}
