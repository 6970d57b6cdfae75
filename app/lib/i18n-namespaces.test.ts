/**
 * Every route declares in `handle.i18n` the translation namespaces its page uses in the browser (the
 * client receives only those, plus `common`). This test reads each route module's import graph (the
 * code bundled for the browser: not `*.server.ts`) and finds every namespace a key is taken from — in
 * `t("ns.…")`, `` t(`ns.…`) ``, `translate(locale, "ns.…")` — and fails when the route does not declare
 * one: the page would otherwise throw (in development and tests) or show keys (in production).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import routes from "../routes";
import { NAMESPACES } from "../../common/i18n";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");
const DOMAIN = path.join(ROOT, "server", "domain");
const COMMON = path.join(ROOT, "common");

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(APP, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Key-like literals: `"usager.title"`, `` `dossiers.states.${state}` `` (a false positive only costs bytes). */
const KEY_LITERAL = new RegExp(`["'\`](${NAMESPACES.join("|")})\\.[a-zA-Z]`, "g");

/**
 * Namespaces of the keys in `file` and in what it imports for the browser; a route's own `*.server.ts`
 * modules are read too (their loaders hand keys to the page) but not followed further.
 */
function namespacesOf(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(KEY_LITERAL)) found.add(m[1] as string);
  if (/\.server\.tsx?$/.test(file)) return found;
  for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/g)) {
    const target = resolveImport(file, m[1] as string);
    if (!target || target.includes(`${path.sep}common${path.sep}i18n${path.sep}`) || target.endsWith(".test.ts")) continue;
    if (/\.server\.tsx?$/.test(target) && !target.startsWith(APP)) continue;
    // Only app/, common/ and the pure domain can be bundled for the browser: a route's action reaches
    // operations, jobs and mail templates, which run on the server with the whole dictionary.
    if (!target.startsWith(APP) && !target.startsWith(DOMAIN) && !target.startsWith(COMMON)) continue;
    for (const ns of namespacesOf(target, seen)) found.add(ns);
  }
  return found;
}

interface RouteEntry {
  file: string;
  children?: RouteEntry[];
}
function routeFiles(entries: RouteEntry[]): string[] {
  return entries.flatMap((e) => [e.file, ...routeFiles(e.children ?? [])]);
}

/** `export const handle = { i18n: ["a", "b"] }`, read from the source (importing every route is slow). */
function declaredNamespaces(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const reexport = code.match(/export \{[^}]*\bhandle\b[^}]*\} from "([^"]+)"/)?.[1];
  if (reexport) return declaredNamespaces(resolveImport(file, reexport) as string);
  const m = code.match(/export const handle = \{\s*i18n: \[([^\]]*)\],?\s*\}/);
  return m ? [...(m[1] as string).matchAll(/"(\w+)"/g)].map((x) => x[1] as string) : [];
}

describe("translation namespaces of each route", () => {
  const rootNamespaces = declaredNamespaces(path.join(APP, "root.tsx"));
  const files = ["root.tsx", "routes/layout.tsx", ...routeFiles(routes as RouteEntry[])].filter(
    (f, i, all) => all.indexOf(f) === i,
  );
  it.each(files)("%s declares what it uses", (file) => {
    const full = path.join(APP, file);
    const used = [...namespacesOf(full)].filter((ns) => (NAMESPACES as readonly string[]).includes(ns));
    const declared = new Set([...rootNamespaces, ...declaredNamespaces(full)]);
    const missing = used.filter((ns) => !declared.has(ns)).sort();
    expect(missing, `${file} must declare: export const handle = { i18n: [...] }`).toEqual([]);
  });
});
