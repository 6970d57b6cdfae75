/**
 * What the browser loads with a form (decision 0014): the field list, the form and each field type's
 * components must reach neither zod nor re2js through static imports — else every form page would
 * download the schemas again. Only the live-conditions evaluator (loaded on first interaction) and
 * the geographic types (their modules are still to split) may.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ImportGraph, readImportGraph } from "./import-graph";

const root = path.resolve(import.meta.dirname, "../..");
const HEAVY = ["zod", "re2js"];

/** The static runtime import chain from `from` to a heavy package, or null. */
function heavyChain(graph: ImportGraph, from: string): string[] | null {
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const edge of graph.get(file) ?? []) {
      if (edge.typeOnly || edge.dynamic) continue;
      if (edge.external) {
        if (HEAVY.some((p) => edge.target === p || edge.target.startsWith(`${p}/`))) {
          const chain = [edge.target];
          for (let f: string | null = file; f !== null; f = parent.get(f) ?? null) chain.push(f);
          return chain.reverse();
        }
        continue;
      }
      if (parent.has(edge.target)) continue;
      parent.set(edge.target, file);
      queue.push(edge.target);
    }
  }
  return null;
}

/** Geographic types: their components still import their zod modules (listed in docs/performance.md). */
const NOT_YET = ["address", "communes", "departements", "epci"];

describe("the browser's form code carries no schema library", () => {
  const graph = readImportGraph(root);
  const components = [...graph.keys()].filter(
    (file) =>
      file.startsWith("app/components/champs/types-de-champ/") &&
      file.endsWith(".tsx") &&
      !NOT_YET.some((type) => file.endsWith(`/${type}.tsx`)),
  );

  it("finds the type components", () => {
    expect(components.length).toBeGreaterThan(20);
  });

  it.each([
    "app/components/champs/champ-list.tsx",
    "app/components/champs/registry.ts",
    "app/components/usager/dossier-champs-form.tsx",
    "app/entry.client.tsx",
  ])("%s", (file) => {
    expect(graph.has(file)).toBe(true);
    expect(heavyChain(graph, file)).toBeNull();
  });

  it("each type's components (but the geographic ones)", () => {
    const chains = components.map((file) => heavyChain(graph, file)).filter((chain) => chain !== null);
    expect(chains).toEqual([]);
  });

  it("while the live-conditions evaluator does (it is why it is loaded on demand)", () => {
    expect(heavyChain(graph, "app/lib/live-visibility-evaluator.ts")).not.toBeNull();
  });
});
