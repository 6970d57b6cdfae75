import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // DSFR fonts and icons must stay files: inlining them as data: URLs would break the CSP and caching.
  build: { assetsInlineLimit: 0 },
  ssr: { noExternal: ["@codegouvfr/react-dsfr"] },
});
