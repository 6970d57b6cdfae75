#!/usr/bin/env node
/**
 * JavaScript weight per page type, read from the build output (no server needed):
 * `node bench/bundle-bytes.mjs [--build build] [--json] [--files]`.
 *
 * A page loads the client entry and, for every route its URL matches, the route module and its static
 * imports (the React Router manifest lists them; chunks are also scanned for their own static imports
 * so that nothing is missed). Dynamic imports (`import()`) are not counted: they load only when used —
 * except the field types' components (decision 0011), which a page with a form loads before it hydrates:
 * a page type listing `champTypes` counts the chunks of those types (read from the registry chunk's
 * `import()` of each type and the dependencies the build lists for it).
 * Sizes are raw, gzip (level 9) and brotli (quality 11) of each file, summed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { matchRoutes } from "react-router";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const buildDir = option("build", process.env.BUILD_DIR ?? "build");
const clientDir = join(buildDir, "client");

/** The demo démarche's form (server/seed/demo.ts). */
const DEMO_TYPES = ["header_section", "text", "date", "integer_number", "textarea", "drop_down_list", "yes_no"];
/** Every field type: the heaviest form (the « tous les champs » démarche). */
const ALL_TYPES = "*";

/**
 * Page types measured, with one URL each (ids and paths are placeholders: only the route matters) and,
 * for pages showing a form, the field types of that form.
 */
export const PAGE_TYPES = [
  { name: "home", url: "/" },
  { name: "sign-in", url: "/users/sign_in" },
  { name: "commencer", url: "/commencer/demo" },
  { name: "usager form (brouillon), demo form", url: "/dossiers/1/brouillon", champTypes: DEMO_TYPES },
  { name: "usager form (brouillon), every type", url: "/dossiers/1/brouillon", champTypes: ALL_TYPES },
  { name: "instructeur list", url: "/procedures/1" },
  { name: "instructeur dossier, demo form", url: "/procedures/1/dossiers/1", champTypes: DEMO_TYPES },
  { name: "admin editor (champs)", url: "/admin/procedures/1/champs" },
  { name: "admin closing (fermeture)", url: "/admin/procedures/1/fermeture" },
  { name: "admin catalogue (toutes)", url: "/admin/procedures/toutes" },
];

function readManifest() {
  const assets = join(clientDir, "assets");
  const file = readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`No React Router manifest in ${assets}: run \`npm run build\` first.`);
  const text = readFileSync(join(assets, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
}

/** Builds the nested route tree `matchRoutes` expects from the manifest's flat list. */
function routeTree(routes) {
  const byId = new Map(Object.values(routes).map((r) => [r.id, { ...r, children: [] }]));
  const roots = [];
  for (const route of byId.values()) {
    if (route.parentId) byId.get(route.parentId).children.push(route);
    else roots.push(route);
  }
  return roots;
}

const sizes = new Map();
function sizeOf(asset) {
  let size = sizes.get(asset);
  if (!size) {
    const bytes = readFileSync(join(clientDir, asset));
    size = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(asset, size);
  }
  return size;
}

/** Adds `asset` and every chunk it imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function addWithStaticImports(asset, into) {
  if (into.has(asset)) return;
  into.add(asset);
  const code = readFileSync(join(clientDir, asset), "utf8");
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    addWithStaticImports(`/assets/${m[1].slice(2)}`, into);
  }
}

/**
 * The chunks of each field type, from the registry chunk: `text:()=>c(()=>import(`./text-X.js`)…,
 * __vite__mapDeps([9,10,…]))`, the indexes pointing into the `__vite__mapDeps` file list.
 */
function champTypeChunks() {
  const assets = join(clientDir, "assets");
  for (const file of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
    const code = readFileSync(join(assets, file), "utf8");
    if (!code.includes("HeaderSectionInput")) continue;
    const deps = code.match(/m\.f=\[([^\]]*)\]/);
    const list = deps ? [...deps[1].matchAll(/"([^"]+)"/g)].map((m) => `/${m[1]}`) : [];
    const byType = new Map();
    for (const m of code.matchAll(/(\w+):\(\)=>\w+\(\(\)=>import\(`\.\/([^`]+)`\)[\s\S]*?__vite__mapDeps\(\[([\d,]*)\]\)/g)) {
      const files = [
        `/assets/${m[2]}`,
        ...m[3]
          .split(",")
          .filter(Boolean)
          .map((i) => list[Number(i)]),
      ];
      byType.set(
        m[1],
        files.filter((f) => f.endsWith(".js")),
      );
    }
    if (byType.size > 0) return byType;
  }
  throw new Error("No field-type registry chunk found in the build.");
}

export function measure() {
  const manifest = readManifest();
  const tree = routeTree(manifest.routes);
  const typeChunks = champTypeChunks();
  return PAGE_TYPES.map(({ name, url, champTypes }) => {
    const matches = matchRoutes(tree, url) ?? [];
    const files = new Set();
    for (const asset of [manifest.entry.module, ...manifest.entry.imports]) addWithStaticImports(asset, files);
    for (const { route } of matches) {
      for (const asset of [route.module, ...(route.imports ?? [])]) addWithStaticImports(asset, files);
    }
    const types = champTypes === ALL_TYPES ? [...typeChunks.keys()] : (champTypes ?? []);
    for (const type of types) {
      const chunks = typeChunks.get(type);
      if (!chunks) throw new Error(`No chunk for field type ${type}`);
      for (const asset of chunks) addWithStaticImports(asset, files);
    }
    const total = { raw: 0, gzip: 0, brotli: 0 };
    const list = [...files].map((file) => ({ file, ...sizeOf(file) })).sort((a, b) => b.gzip - a.gzip);
    for (const f of list) for (const k of Object.keys(total)) total[k] += f[k];
    return { name, url, routes: matches.map((m) => m.route.id), files: list, total };
  });
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = measure();
  if (args.includes("--json")) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    console.log("| Page type | URL | Files | Raw | gzip | brotli |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const r of results) {
      console.log(
        `| ${r.name} | \`${r.url}\` | ${r.files.length} | ${kib(r.total.raw)} | ${kib(r.total.gzip)} | ${kib(r.total.brotli)} |`,
      );
    }
    if (args.includes("--files")) {
      for (const r of results) {
        console.log(`\n${r.name} (${r.routes.join(" > ")})`);
        for (const f of r.files) console.log(`  ${kib(f.gzip).padStart(10)} gz  ${f.file}`);
      }
    }
  }
}
