import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";

const I18N_DIR = new URL("./common/i18n/", import.meta.url).pathname;

/**
 * The browser bundle gets no translations built in (`common/i18n/dictionaries.ts` becomes
 * `dictionaries.browser.ts`): each page's data brings its locale's namespaces (app/root.tsx).
 */
function translationsOutOfTheBrowser(): Plugin {
  return {
    name: "guichet:translations-out-of-the-browser",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    resolveId(source, importer) {
      if (source === "./dictionaries" && importer && path.dirname(importer) + path.sep === I18N_DIR) {
        return path.join(I18N_DIR, "dictionaries.browser.ts");
      }
      return null;
    },
  };
}

const DSFR_DIR = path.join(new URL("./node_modules/@codegouvfr/react-dsfr/", import.meta.url).pathname);
const DSFR_FR_SHIM = new URL("./app/lib/dsfr/fr-cx-only.ts", import.meta.url).pathname;

/**
 * The DSFR modules we load in the browser (`Footer`, `startReactDsfr`) import `fr` only for `fr.cx`
 * and one colour; they get `app/lib/dsfr/fr-cx-only.ts` instead of every colour table.
 */
function dsfrWithoutColourTables(): Plugin {
  return {
    name: "guichet:dsfr-without-colour-tables",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    resolveId(source, importer) {
      if (!importer?.startsWith(DSFR_DIR) || (source !== "./fr" && source !== "../fr")) return null;
      const target = path.join(path.dirname(importer), source);
      if (target === path.join(DSFR_DIR, "fr")) return DSFR_FR_SHIM;
      return null;
    },
  };
}

const ROOT = new URL(".", import.meta.url).pathname;

/**
 * Writes `<build>/client-modules.json` beside `client/` (not served): every browser chunk with the
 * source modules bundled in it, relative to the repository. `server/architecture/client-bundle.test.ts`
 * reads it to prove no server module (database, jobs, operations, node built-ins) reaches the browser.
 */
function clientModuleList(): Plugin {
  return {
    name: "guichet:client-module-list",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== "chunk") continue;
        chunks[file] = output.moduleIds.map((id) => (id.startsWith(ROOT) ? id.slice(ROOT.length) : id)).sort();
      }
      const outDir = path.resolve(ROOT, this.environment.config.build.outDir);
      mkdirSync(path.dirname(outDir), { recursive: true });
      writeFileSync(path.join(path.dirname(outDir), "client-modules.json"), `${JSON.stringify({ chunks }, null, 1)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [translationsOutOfTheBrowser(), dsfrWithoutColourTables(), reactRouter(), clientModuleList()],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // DSFR fonts and icons must stay files: inlining them as data: URLs would break the CSP and caching.
  // GUICHET_SOURCEMAP=1 writes source maps, for `node bench/bundle-bytes.mjs --sources`.
  build: { assetsInlineLimit: 0, sourcemap: process.env.GUICHET_SOURCEMAP === "1" },
  ssr: { noExternal: ["@codegouvfr/react-dsfr"] },
});
