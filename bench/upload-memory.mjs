#!/usr/bin/env node
/**
 * Memory of a large upload (issue 3: "200 MB files must stream with flat memory"): starts the
 * platform (`guichet start`, embedded PGlite, or the PostgreSQL of DATABASE_URL in a fresh
 * database), signs in as the demo usager, and sends a generated file of --mb megabytes (a PDF
 * header, then filler) through the real endpoint `POST /dossiers/<n>/pieces-jointes/<champ>` as
 * a browser's XMLHttpRequest does (multipart, CSRF field first). The client streams the body too.
 * While the upload runs, the server process's resident memory (VmRSS in /proc) is sampled every
 * 20 ms; the result is its growth over the idle level measured just before, with the time taken.
 *   node bench/upload-memory.mjs [--mb 200]
 * The pages come from BUILD_DIR (default build/): build it first (`npx react-router build`).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cli, freshDataDir, ROOT, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({ options: { mb: { type: "string", default: "200" } } });
const megabytes = Number(values.mb);
// 200 MiB is the limit of a piece justificative: a bigger file is refused (413), as it must be.
if (!Number.isInteger(megabytes) || megabytes < 1 || megabytes > 200) throw new Error("--mb takes a whole number from 1 to 200");
const fileBytes = megabytes * 1024 * 1024;

const dataDir = freshDataDir();
const env = { DATA_DIR: dataDir, SEED_DEMO: "true", PORT: "0", UPLOAD_MAX_BYTES: String(fileBytes + 1024 * 1024) };
if (process.env.DATABASE_URL) throw new Error("Run without DATABASE_URL: the benchmark uses the embedded database.");

cli(["seed"], env);
const setup = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/upload-setup.ts")], {
  env: { ...process.env, ...env },
  encoding: "utf8",
});
if (setup.status !== 0) throw new Error(`upload-setup failed:\n${setup.stderr}${setup.stdout}`);
const [, dossier, champ] = /dossier=(\d+) champ=(\d+)/.exec(setup.stdout) ?? [];

/** The process that serves HTTP: `guichet start` runs the CLI in a child (tsx). */
function serverPid(parentPid) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parentPid) return Number(entry);
    } catch {
      // The process ended meanwhile.
    }
  }
  throw new Error(`no child process of ${parentPid}`);
}

function residentBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? 0) * 1024;
}

/** The multipart body, generated as it is sent: never the whole file in memory. */
function multipartBody(csrf, filename) {
  const boundary = `----guichetbench${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  const pdfHeader = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  let sent = 0;
  let phase = 0;
  const stream = new ReadableStream({
    pull(controller) {
      if (phase === 0) {
        controller.enqueue(Buffer.concat([head, pdfHeader]));
        sent = pdfHeader.length;
        phase = 1;
      } else if (phase === 1) {
        const size = Math.min(chunk.length, fileBytes - sent);
        controller.enqueue(chunk.subarray(0, size));
        sent += size;
        if (sent >= fileBytes) phase = 2;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  return { stream, contentType: `multipart/form-data; boundary=${boundary}` };
}

const platform = await startPlatform(env);
try {
  const pid = serverPid(platform.pid ?? 0);
  const cookie = await signIn(platform.url, "usager@exemple.fr", "guichet-demo-2026");
  const page = await fetch(`${platform.url}/dossiers/${dossier}/brouillon`, { headers: { cookie } });
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`no CSRF token on the brouillon page (HTTP ${page.status})`);

  // Idle level: after a page render and a short pause, so that start-up garbage is collected.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = residentBytes(pid);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 20);
  const load = loadavg()[0];
  const started = process.hrtime.bigint();
  const body = multipartBody(csrf, `banc-${megabytes}-mo.pdf`);
  const response = await fetch(`${platform.url}/dossiers/${dossier}/pieces-jointes/${champ}`, {
    method: "POST",
    headers: { cookie, "content-type": body.contentType, accept: "application/json" },
    body: body.stream,
    duplex: "half",
  });
  const answer = await response.json();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, residentBytes(pid));
  if (response.status !== 201) throw new Error(`upload refused: HTTP ${response.status} ${JSON.stringify(answer)}`);
  if (answer.file?.byteSize !== fileBytes) throw new Error(`stored ${answer.file?.byteSize} bytes, sent ${fileBytes}`);

  const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const result = {
    file: `${megabytes} MiB`,
    seconds: Math.round(seconds * 10) / 10,
    throughputMiBps: Math.round((megabytes / seconds) * 10) / 10,
    idleRssMiB: mib(idle),
    peakRssMiB: mib(peak),
    growthMiB: mib(peak - idle),
    cpus: availableParallelism(),
    loadAverage: Math.round(load * 10) / 10,
  };
  console.log(JSON.stringify(result));
  console.log(
    `| ${result.file} through \`POST /dossiers/<n>/pieces-jointes/<champ>\` (PGlite) | ${result.seconds} s | ${result.throughputMiBps} MiB/s | ${result.idleRssMiB} MiB | ${result.peakRssMiB} MiB | **+${result.growthMiB} MiB** |`,
  );
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
