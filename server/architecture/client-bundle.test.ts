/**
 * No server code in the browser bundle, checked on the build (`npm test` builds before it runs
 * vitest, so CI always checks the current build). Without a build, outside CI, the checks of the
 * build are skipped; the rules themselves are tested on examples either way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  assetTextProblems,
  type ClientBundleProblem,
  forbiddenModule,
  moduleProblems,
  secretSettingNames,
  serverNamedChunks,
} from "./client-bundle";

const root = path.resolve(import.meta.dirname, "../..");
const buildDir = path.resolve(root, process.env.BUILD_DIR ?? "build");
const assetsDir = path.join(buildDir, "client", "assets");
const hasBuild = existsSync(assetsDir);

const format = (problems: ClientBundleProblem[]) => problems.map((p) => `${p.file}: ${p.what}`);

/** Basenames (without extension) of the source files under `folder`, tests excluded. */
function sourceNames(folder: string, keep: (file: string) => boolean = () => true): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(path.join(root, folder), { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || !keep(file)) continue;
    names.add(path.basename(file).replace(/(\.server)?\.tsx?$/, ""));
  }
  return names;
}

describe.skipIf(!hasBuild && !process.env.CI)("the browser bundle (build/client)", () => {
  it("exists (CI builds before the tests)", () => {
    expect(hasBuild, `no ${path.relative(root, assetsDir)}: run \`npm run build\``).toBe(true);
  });

  it("bundles no server module, server-only package or Node.js built-in", () => {
    const listFile = path.join(buildDir, "client-modules.json");
    expect(existsSync(listFile), `${listFile} missing: the build predates vite.config.ts's module list; rebuild`).toBe(true);
    const { chunks } = JSON.parse(readFileSync(listFile, "utf8")) as { chunks: Record<string, string[]> };
    expect(Object.keys(chunks).length).toBeGreaterThan(50);
    expect(Object.values(chunks).flat()).toContain("app/root.tsx");
    expect(format(moduleProblems(chunks))).toEqual([]);
  });

  it("has no node: import, process.env or secret setting name in any asset", () => {
    const secrets = secretSettingNames(readFileSync(path.join(root, "server/config.ts"), "utf8"));
    expect(secrets).toContain("SESSION_SECRET");
    const problems = readdirSync(assetsDir)
      .filter((f) => f.endsWith(".js"))
      .flatMap((f) => assetTextProblems(f, readFileSync(path.join(assetsDir, f), "utf8"), secrets));
    expect(format(problems)).toEqual([]);
  });

  it("has no chunk named after a server-only module (enqueue, record-event, apply-transition…)", () => {
    const serverOnly = sourceNames("server", (f) => !f.startsWith("domain/") && !f.startsWith("architecture/"));
    expect(serverOnly).toContain("enqueue");
    const shared = new Set([...sourceNames("app"), ...sourceNames("common"), ...sourceNames("server/domain")]);
    const chunks = readdirSync(assetsDir).filter((f) => f.endsWith(".js"));
    expect(format(serverNamedChunks(chunks, serverOnly, shared))).toEqual([]);
  });
});

describe("the rules of the browser bundle", () => {
  it("refuses server modules, server-only packages and built-ins, not the pure domain nor the UI", () => {
    expect(forbiddenModule("server/jobs/enqueue.ts")).toMatch(/server module/);
    expect(forbiddenModule("server/operations/demarches/close-demarche.ts")).toMatch(/server module/);
    expect(forbiddenModule("server/queries/instructeur/counters.ts")).toMatch(/server module/);
    expect(forbiddenModule("app/routes/admin/admin.server.ts")).toMatch(/server-only module/);
    expect(forbiddenModule("__vite-browser-external")).toMatch(/built-in/);
    expect(forbiddenModule("node_modules/drizzle-orm/pg-core/table.js")).toMatch(/package/);
    expect(forbiddenModule("node_modules/graphile-worker/dist/index.js")).toMatch(/package/);
    expect(forbiddenModule("/abs/node_modules/pdfkit/js/pdfkit.es.js")).toMatch(/package/);
    for (const ok of [
      "server/domain/demarches/lifecycle.ts",
      "app/routes/admin/fermeture.tsx?__react-router-build-client-route",
      "common/i18n/index.ts",
      "node_modules/react-dom/cjs/react-dom-client.production.js",
      "node_modules/zod/v4/classic/external.js",
      "node_modules/@codegouvfr/react-dsfr/Footer.js",
    ]) {
      expect(forbiddenModule(ok), ok).toBeNull();
    }
  });

  it("finds node: imports, process.env and secret names in built code", () => {
    const secrets = ["SESSION_SECRET", "DATABASE_URL"];
    expect(assetTextProblems("a.js", `import{createHash as e}from"node:crypto";`, secrets)).toHaveLength(1);
    expect(assetTextProblems("a.js", `const t=await import("node:fs");`, secrets)).toHaveLength(1);
    expect(assetTextProblems("a.js", `let s=process.env.SESSION_SECRET;`, secrets)).toHaveLength(2);
    expect(assetTextProblems("a.js", `x={DATABASE_URL:"postgres://"}`, secrets)).toHaveLength(1);
    expect(assetTextProblems("a.js", `import{t as e}from"./node-DX.js";let n="node:";`, secrets)).toEqual([]);
  });

  it("reads the secret settings from the configuration's schema", () => {
    const source = `const Schema = z.object({\n  APP_URL: optionalUrl(),\n  DATABASE_URL: optionalUrl(),\n  SESSION_SECRET: z.string(),\n  SMTP_URL: x,\n  FRANCECONNECT_CLIENT_SECRET: y,\n  LOG_LEVEL: z,\n});`;
    expect(secretSettingNames(source)).toEqual(["DATABASE_URL", "SESSION_SECRET", "SMTP_URL", "FRANCECONNECT_CLIENT_SECRET"]);
  });

  it("names chunks after server-only modules unless the UI has a module of that name", () => {
    const problems = serverNamedChunks(
      ["assets/enqueue-BmgCFzhI.js", "assets/webhooks-DPgSO6Ke.js", "assets/dossier-tabs-D-AYIZBs.js", "assets/root-6mMtVTqj.js"],
      new Set(["enqueue", "webhooks", "dossier-tabs"]),
      new Set(["webhooks", "root"]),
    );
    expect(problems.map((p) => p.file)).toEqual(["assets/enqueue-BmgCFzhI.js", "assets/dossier-tabs-D-AYIZBs.js"]);
  });
});

describe("moduleProblems", () => {
  it("lists each server module, and each server package once per chunk", () => {
    const problems = moduleProblems({
      "assets/a.js": ["app/routes/x.tsx", "server/jobs/enqueue.ts", "node_modules/pg/lib/a.js", "node_modules/pg/lib/b.js"],
      "assets/b.js": ["server/domain/x.ts", "node_modules/react/index.js"],
    });
    expect(problems.map((p) => p.what.split(":")[0])).toEqual(["server/jobs/enqueue.ts", "node_modules/pg/lib/a.js"]);
  });
});
