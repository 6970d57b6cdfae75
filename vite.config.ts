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

export default defineConfig({
  plugins: [translationsOutOfTheBrowser(), reactRouter()],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // DSFR fonts and icons must stay files: inlining them as data: URLs would break the CSP and caching.
  build: { assetsInlineLimit: 0 },
  ssr: { noExternal: ["@codegouvfr/react-dsfr"] },
});
