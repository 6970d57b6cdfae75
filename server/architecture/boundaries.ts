/**
 * The layer boundaries, as rules over the import graph (`import-graph.ts`). Each violation names
 * the importing file, what it imports and the rule, so a failing test says what to move where.
 */
import type { ImportEdge, ImportGraph } from "./import-graph";

export interface Violation {
  file: string;
  target: string;
  rule: string;
}

/** Packages and built-ins that do input/output: the pure domain must not use them. */
const IO_PACKAGES =
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|tls|worker_threads)$|^(pg|drizzle-orm|@electric-sql\/.*|nodemailer|graphile-worker|express|busboy|pino)(\/.*)?$/;

/** The query folders read by one persona's routes (`server/queries/<folder>/`), when not named like the persona. */
const QUERY_FOLDER_PERSONA: Record<string, string> = { mailbox: "dev" };

/**
 * Runtime cycles tolerated while they are being removed: each entry is a pair of files that import
 * each other. Nothing else may join a cycle.
 */
export const TOLERATED_CYCLES: ReadonlyArray<readonly [string, string]> = [];

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const under = (file: string, folder: string) => file.startsWith(`${folder}/`);

function routePersona(file: string): string | null {
  return /^app\/routes\/([^/]+)\//.exec(file)?.[1] ?? null;
}

/** The persona a server module belongs to: `app/routes/<p>/**.server.ts` or `server/queries/<p>/**`. */
function serverModulePersona(target: string): string | null {
  const route = /^app\/routes\/([^/]+)\/.*\.server\.tsx?$/.exec(target);
  if (route?.[1]) return route[1];
  const query = /^server\/queries\/([^/]+)\//.exec(target);
  if (query?.[1]) return QUERY_FOLDER_PERSONA[query[1]] ?? query[1];
  return null;
}

/** The rule an import breaks, or null. */
function brokenRule(file: string, edge: ImportEdge): string | null {
  const { target } = edge;
  if (under(file, "server") && !edge.external && under(target, "app")) {
    return "server/ never imports app/: move what both sides use to common/, or the type to server/";
  }
  if (under(file, "common") && !edge.external && (under(target, "server") || under(target, "app"))) {
    return "common/ imports neither server/ nor app/: it is the code both sides share";
  }
  if (under(file, "server/domain") && !isTest(file)) {
    if (edge.external ? IO_PACKAGES.test(target) : !under(target, "server/domain") && !under(target, "common")) {
      return "server/domain is pure (no database, HTTP, integrations, files or sockets): it imports only server/domain/, common/ and pure packages";
    }
  }
  if (!edge.external) {
    if (under(file, "server/queries") && under(target, "server/operations")) {
      return "server/queries/ never imports server/operations/: move the shared lookup to server/lookups/";
    }
    if (under(file, "server/operations") && under(target, "server/queries")) {
      return "server/operations/ never imports server/queries/: move the shared lookup to server/lookups/";
    }
    if (under(file, "server/events") && (under(target, "server/queries") || under(target, "server/operations"))) {
      return "server/events/ (the event stream and its reactions) is below operations: operations record events, reactions never call operations";
    }
    if (under(file, "server/lookups") && (under(target, "server/queries") || under(target, "server/operations"))) {
      return "server/lookups/ is below queries and operations: it imports neither";
    }
    const persona = routePersona(file);
    const owner = serverModulePersona(target);
    if (persona && owner && owner !== persona) {
      return `routes of one persona never import another persona's server modules (app/routes/${persona}/ → ${owner}): move what is shared to server/lookups/, server/queries/ (neutral) or app/lib/`;
    }
  }
  return null;
}

export function layerViolations(graph: ImportGraph): Violation[] {
  const violations: Violation[] = [];
  for (const [file, edges] of graph) {
    for (const edge of edges) {
      const rule = brokenRule(file, edge);
      if (rule) violations.push({ file, target: edge.target, rule });
    }
  }
  return violations;
}

/** Strongly connected components of the runtime import graph of server/ (Tarjan), larger than one file or self-importing. */
function runtimeCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const [file, edges] of graph) {
    if (!under(file, "server")) continue;
    next.set(
      file,
      edges.filter((e) => !e.external && !e.typeOnly && !e.dynamic && under(e.target, "server")).map((e) => e.target),
    );
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (next.get(file) ?? []).includes(file)) components.push(component.sort());
    }
  };
  for (const file of next.keys()) if (!index.has(file)) connect(file);
  return components;
}

export function cycleViolations(graph: ImportGraph, tolerated = TOLERATED_CYCLES): Violation[] {
  return runtimeCycles(graph)
    .filter((component) => !tolerated.some(([a, b]) => component.length === 2 && component.includes(a) && component.includes(b)))
    .map((component) => ({
      file: component[0] as string,
      target: component.slice(1).join(", "),
      rule: "no runtime import cycle in server/ (type-only and dynamic imports excluded): these files import each other",
    }));
}

export function formatViolation(violation: Violation): string {
  return `${violation.file} → ${violation.target}\n    rule: ${violation.rule}`;
}
