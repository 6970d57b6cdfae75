#!/usr/bin/env node
/**
 * `npm start`: builds the web interface when the sources changed since the last build, then runs
 * `guichet start` (migrations, demo seed on first run, web + jobs on embedded PGlite by default).
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const buildDir = join(root, process.env.BUILD_DIR ?? "build");
const stamp = join(buildDir, ".stamp");
const inputs = ["app", "server", "common", "react-router.config.ts", "vite.config.ts", "package-lock.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const serverEntry = join(buildDir, "server", "index.js");
// A build made by `npm run build` has no stamp: its server entry's time says when it was made.
const built = Math.max(
  existsSync(stamp) ? statSync(stamp).mtimeMs : 0,
  existsSync(serverEntry) ? statSync(serverEntry).mtimeMs : 0,
);
const changed = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
if (!existsSync(serverEntry) || changed > built) {
  console.log("Building the web interface…");
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

const child = spawn(process.execPath, [join(root, "bin", "guichet.mjs"), "start", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
