#!/usr/bin/env node
/**
 * Mixed load of simultaneous users on seeded data, loopback only:
 *   node bench/load.mjs [--users 100] [--seconds 60] [--dossiers 2000] [--url http://127.0.0.1:3000]
 *
 * Without --url it creates a fresh embedded platform (or a fresh database on DATABASE_URL, see
 * lib.mjs), seeds the demo and `dossiers:seed --count <dossiers>`, creates an API token, and starts
 * `guichet start` (WEB_CONCURRENCY from the environment). Then --users virtual users each loop without
 * think time over a weighted mix until --seconds have passed:
 *   40 % usager form page   GET  /dossiers/1/brouillon            (the demo usager's brouillon)
 *   20 % autosave           POST /dossiers/1/brouillon.data       (the whole form, one text changed)
 *   25 % instructeur list   GET  /procedures/1?statut=tous
 *   15 % GraphQL            POST /api/v2/graphql                  (a démarche with 20 dossiers)
 * Each request must answer 200; it prints requests/s and p50/p95 per page type, as JSON then as
 * Markdown rows. Requests are sent with `accept-encoding: gzip, br` like a browser.
 */
import { parseArgs } from "node:util";
import { formEntries } from "./html-form.mjs";
import { benchEnvironment, cli, percentile, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100" },
    seconds: { type: "string", default: "60" },
    dossiers: { type: "string", default: "2000" },
    url: { type: "string" },
    token: { type: "string" },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const PASSWORD = "guichet-demo-2026";

const GRAPHQL = `query getDemarche($n: Int!) { demarche(number: $n) { id title
  dossiers(first: 20) { nodes { id number state dateDepot champs { id label stringValue } } } } }`;

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`${url} is not a loopback address`);
}

async function setUp() {
  if (values.url) {
    assertLoopback(values.url);
    if (!values.token) throw new Error("--url needs --token <API token of the demo administrateur>");
    return { url: values.url, token: values.token, stop: async () => {}, backend: "given server" };
  }
  const { env, dropDatabase, backend } = await benchEnvironment();
  cli(["seed"], env);
  cli(["dossiers:seed", "--demarche", "1", "--count", values.dossiers], env);
  const token = cli(["api-tokens:create", "--admin", "administrateur@exemple.fr", "--read-only"], env).match(
    /^\s+(\S{20,})$/m,
  )?.[1];
  if (!token) throw new Error("could not read the API token");
  const platform = await startPlatform(env);
  assertLoopback(platform.url);
  return {
    url: platform.url,
    token,
    backend,
    stop: async () => {
      await platform.stop();
      await dropDatabase();
    },
  };
}

const { url, token, stop, backend } = await setUp();
try {
  const usager = await signIn(url, "usager@exemple.fr", PASSWORD);
  const instructeur = await signIn(url, "instructeur@exemple.fr", PASSWORD);
  const formUrl = `${url}/dossiers/1/brouillon`;
  const html = await (await fetch(formUrl, { headers: { cookie: usager } })).text();
  const entries = formEntries(html, "formulaire-dossier").filter(([name]) => name !== "intent");
  const text = entries.find(([name, value]) => /^champ_\d+$/.test(name) && value !== "" && !/^\d+$/.test(value));
  if (!text) throw new Error("no text field to change on the brouillon");
  const accept = { "accept-encoding": "gzip, br" };

  let saves = 0;
  const kinds = [
    { name: "usager form GET", weight: 40, send: () => fetch(formUrl, { headers: { ...accept, cookie: usager } }) },
    {
      name: "autosave POST",
      weight: 20,
      send: () => {
        const changed = entries.map(([k, v]) => [k, k === text[0] ? `${v.split(" #")[0]} #${++saves}` : v]);
        return fetch(`${formUrl}.data`, {
          method: "POST",
          headers: { ...accept, cookie: usager, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([...changed, ["intent", "autosave"]]),
        });
      },
    },
    {
      name: "instructeur list GET",
      weight: 25,
      send: () => fetch(`${url}/procedures/1?statut=tous`, { headers: { ...accept, cookie: instructeur } }),
    },
    {
      name: "GraphQL POST",
      weight: 15,
      send: () =>
        fetch(`${url}/api/v2/graphql`, {
          method: "POST",
          headers: { ...accept, authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ query: GRAPHQL, variables: { n: 1 } }),
        }),
    },
  ];
  const totalWeight = kinds.reduce((sum, k) => sum + k.weight, 0);
  const pick = (i) => {
    // Deterministic spread (no Math.random): the same mix on every run.
    let r = (i * 37) % totalWeight;
    for (const kind of kinds) {
      if (r < kind.weight) return kind;
      r -= kind.weight;
    }
    return kinds[0];
  };

  const latencies = new Map(kinds.map((k) => [k.name, []]));
  const errors = new Map(kinds.map((k) => [k.name, 0]));
  let firstError = null;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let counter = 0;
  async function virtualUser() {
    while (Date.now() < deadline) {
      const kind = pick(counter++);
      const t = process.hrtime.bigint();
      try {
        const res = await kind.send();
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${kind.name}: status ${res.status}`);
        latencies.get(kind.name).push(Number(process.hrtime.bigint() - t) / 1e6);
      } catch (error) {
        errors.set(kind.name, errors.get(kind.name) + 1);
        firstError ??= error;
      }
    }
  }
  await Promise.all(Array.from({ length: users }, virtualUser));
  const elapsed = (Date.now() - started) / 1000;

  const round = (n) => Math.round(n * 10) / 10;
  const rows = [...latencies].map(([name, list]) => {
    list.sort((a, b) => a - b);
    return {
      name,
      requests: list.length,
      errors: errors.get(name),
      rps: round(list.length / elapsed),
      p50: round(percentile(list, 50)),
      p95: round(percentile(list, 95)),
    };
  });
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  rows.push({
    name: "all",
    requests: all.length,
    errors: [...errors.values()].reduce((a, b) => a + b, 0),
    rps: round(all.length / elapsed),
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
  });
  console.log(JSON.stringify({ backend, users, seconds: elapsed, webConcurrency: process.env.WEB_CONCURRENCY, rows }, null, 2));
  if (firstError) console.error("first error:", firstError.message);
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.requests} | ${r.errors} | ${r.rps} | ${r.p50} ms | ${r.p95} ms |`);
  }
} finally {
  await stop();
}
