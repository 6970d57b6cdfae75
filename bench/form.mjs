#!/usr/bin/env node
/**
 * The form engine on a large form (issue 3): a démarche of N fields with a repetition block of R
 * rows, seeded by `guichet demarches:seed-form`, on embedded PGlite or on the PostgreSQL of
 * DATABASE_URL (a fresh database `guichet_bench_<n>`, dropped afterwards). Measures
 * - submission validation: `hiddenKeys` + `validateChampsForSubmit`, and `parseDraftValues` of the
 *   whole posted form (bench/form-validation.ts, in its own process, before the platform starts);
 * - the brouillon page: N sequential GETs of /dossiers/<n>/brouillon (median, p95, HTML size);
 * - the autosave round-trip: N sequential POSTs as the browser's fetcher sends them (the whole form,
 *   one field changed, intent=autosave, to the route's `.data` URL).
 * Pages are measured in turn with the demo usager's 9-field brouillon, whose medians give the ratios.
 *   node bench/form.mjs [--fields 100] [--rows 10] [--requests 100] [--iterations 200]
 * The pages come from BUILD_DIR (default build/): build it first (`npx react-router build`).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formEntries } from "./html-form.mjs";
import { benchEnvironment, cli, percentile, ROOT, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    fields: { type: "string", default: "100" },
    rows: { type: "string", default: "10" },
    requests: { type: "string", default: "100" },
    iterations: { type: "string", default: "200" },
  },
});
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 1) throw new Error("--requests takes a positive integer");

const { env, dropDatabase, backend } = await benchEnvironment();

// The machine is shared: the 1-minute load average, sampled during the run, qualifies the figures.
const loads = [];
const sampler = setInterval(() => loads.push(loadavg()[0]), 5000);
loads.push(loadavg()[0]);

const round = (ms) => Math.round(ms * 10) / 10;
function stats(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

/** `requests` rounds of one request per target, in turn (never two at once), timed per target. */
async function interleaved(targets, send) {
  const latencies = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let i = 0; i < requests; i++) {
    for (const [name, target] of Object.entries(targets)) {
      const started = process.hrtime.bigint();
      await send(target, i);
      latencies[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return Object.fromEntries(Object.entries(latencies).map(([name, list]) => [name, stats(list)]));
}

/** A usager's brouillon page: GET it, then autosave it as the page's fetcher does. */
function brouillon(url, cookie, dossierId) {
  const pageUrl = `${url}/dossiers/${dossierId}/brouillon`;
  let html = "";
  let entries = [];
  let changed = null;
  let lastTyped = "";
  let bodyBytes = 0;
  return {
    htmlBytes: () => Buffer.byteLength(html),
    bodyBytes: () => bodyBytes,
    async get() {
      const res = await fetch(pageUrl, { headers: { cookie } });
      html = await res.text();
      if (res.status !== 200) throw new Error(`GET ${pageUrl}: ${res.status}`);
    },
    /** What the fetcher sends: `new FormData(form)` (the intent is set apart), one text field to change. */
    readForm() {
      entries = formEntries(html, "formulaire-dossier").filter(([name]) => name !== "intent");
      changed = entries.find(([name, value]) => /^champ_\d+$/.test(name) && value.startsWith("Rénovation"));
      if (!changed) throw new Error(`no text field to change in ${pageUrl}`);
    },
    async autosave(i) {
      lastTyped = `Rénovation de la salle des fêtes, version ${i + 1}`;
      changed[1] = lastTyped;
      const body = new URLSearchParams([...entries, ["intent", "autosave"]]);
      bodyBytes = Buffer.byteLength(body.toString());
      const res = await fetch(`${pageUrl}.data`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      const answer = await res.text();
      if (res.status !== 200 || !/"ok",true/.test(answer))
        throw new Error(`autosave ${pageUrl}: ${res.status} ${answer.slice(0, 300)}`);
    },
    /** The last change must be stored: the page shows it again. */
    async checkSaved() {
      const page = await (await fetch(pageUrl, { headers: { cookie } })).text();
      if (!page.includes(lastTyped)) throw new Error(`the last autosaved value is not on ${pageUrl}`);
    },
  };
}

try {
  cli(["seed"], env);
  const seedStart = Date.now();
  const seeded = cli(["demarches:seed-form", "--fields", values.fields, "--rows", values.rows], env);
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const [, demarche, dossier] = seeded.match(/demarche=(\d+) dossier=(\d+)/) ?? [];
  if (!dossier) throw new Error(`unexpected output of demarches:seed-form:\n${seeded}`);

  // Embedded PGlite is one process at a time: the engine is timed before the platform opens it.
  const engine = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/form-validation.ts"), "--dossier", dossier, "--iterations", values.iterations],
    { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: "warn" }, encoding: "utf8" },
  );
  if (engine.status !== 0) throw new Error(`form-validation failed:\n${engine.stderr}${engine.stdout}`);
  const validation = JSON.parse(engine.stdout.trim().split("\n").at(-1));

  const platform = await startPlatform(env);
  try {
    const cookie = await signIn(platform.url, "usager@exemple.fr", "guichet-demo-2026");
    // The large form and, as the baseline, the demo usager's brouillon (dossier 1, 9 fields),
    // request by request in turn: both see the same machine load, so their ratio holds.
    const forms = { large: brouillon(platform.url, cookie, dossier), demo: brouillon(platform.url, cookie, "1") };
    const render = await interleaved(forms, (form) => form.get());
    for (const form of Object.values(forms)) form.readForm();
    const autosave = await interleaved(forms, (form, i) => form.autosave(i));
    for (const form of Object.values(forms)) await form.checkSaved();
    for (const name of Object.keys(forms)) {
      render[name].htmlKiB = round(forms[name].htmlBytes() / 1024);
      autosave[name].bodyKiB = round(forms[name].bodyBytes() / 1024);
    }
    const ratio = (s) => Math.round((s.large.median / s.demo.median) * 10) / 10;

    clearInterval(sampler);
    loads.push(loadavg()[0]);
    const result = {
      date: new Date().toISOString(),
      backend,
      fields: Number(values.fields),
      rows: Number(values.rows),
      demarche: Number(demarche),
      dossier: Number(dossier),
      seedSeconds,
      occurrences: validation.occurrences,
      hidden: validation.hidden,
      values: validation.postedValues,
      engine: { parse: validation.parse, validate: validation.validate, load: validation.load },
      render: { ...render, ratio: ratio(render) },
      autosave: { ...autosave, ratio: ratio(autosave) },
      machine: { cpus: availableParallelism(), load1: { min: Math.min(...loads), max: Math.max(...loads) } },
    };
    const ms = (s) => `median ${s.median} ms | p95 ${s.p95} ms`;
    console.log(`| ${backend} | ${result.fields} fields, ${result.rows} rows (${result.occurrences} occurrences) |`);
    console.log(
      `| validation (hiddenKeys + validateChampsForSubmit) | ${ms(validation.validate)} | ${validation.validate.n} runs |`,
    );
    console.log(`| parseDraftValues (whole form) | ${ms(validation.parse)} | ${validation.parse.n} runs |`);
    console.log(`| load form + values (2 queries) | ${ms(validation.load)} | ${validation.load.n} runs |`);
    console.log(
      `| brouillon page GET | ${ms(render.large)} | ${render.large.htmlKiB} KiB HTML | ×${ratio(render)} the demo form (${ms(render.demo)}, ${render.demo.htmlKiB} KiB) |`,
    );
    console.log(
      `| autosave POST | ${ms(autosave.large)} | ${autosave.large.bodyKiB} KiB posted | ×${ratio(autosave)} the demo form (${ms(autosave.demo)}) |`,
    );
    console.log(
      `| load average (1 min) | ${result.machine.load1.min.toFixed(1)}–${result.machine.load1.max.toFixed(1)} on ${result.machine.cpus} CPUs |`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await platform.stop();
  }
} finally {
  clearInterval(sampler);
  await dropDatabase();
  rmSync(env.DATA_DIR, { recursive: true, force: true });
}
