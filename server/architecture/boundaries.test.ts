import path from "node:path";
import { describe, expect, it } from "vitest";
import { cycleViolations, formatViolation, layerViolations } from "./boundaries";
import { type ImportEdge, type ImportGraph, parseImports, readImportGraph } from "./import-graph";

const root = path.resolve(import.meta.dirname, "../..");

const edge = (target: string, extra: Partial<ImportEdge> = {}): ImportEdge => ({
  target,
  external: !/^(app|server|common|tests)\//.test(target),
  typeOnly: false,
  dynamic: false,
  ...extra,
});
const graphOf = (entries: Record<string, ImportEdge[]>): ImportGraph => new Map(Object.entries(entries));

describe("layer boundaries of the repository", () => {
  const graph = readImportGraph(root);

  it("reads the sources", () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(
      graph.get("server/architecture/boundaries.test.ts")?.some((e) => e.target === "server/architecture/boundaries.ts"),
    ).toBe(true);
  });

  it("has no import across a layer boundary", () => {
    expect(layerViolations(graph).map(formatViolation)).toEqual([]);
  });

  it("has no runtime import cycle in server/", () => {
    expect(cycleViolations(graph).map(formatViolation)).toEqual([]);
  });
});

describe("the boundary rules", () => {
  it("parses static, type-only, re-exported and dynamic imports", () => {
    const source = `
      import a from "./a";
      import type { B } from "./b";
      export { c } from "./c";
      export type { D } from "./d";
      // import x from "./commented";
      type E = typeof import("./e");
      const f = await import("./f");
    `;
    expect(parseImports("x.ts", source)).toEqual([
      { specifier: "./a", typeOnly: false, dynamic: false },
      { specifier: "./b", typeOnly: true, dynamic: false },
      { specifier: "./c", typeOnly: false, dynamic: false },
      { specifier: "./d", typeOnly: true, dynamic: false },
      { specifier: "./e", typeOnly: true, dynamic: false },
      { specifier: "./f", typeOnly: false, dynamic: true },
    ]);
  });

  it("names each broken layer rule with the file", () => {
    const violations = layerViolations(
      graphOf({
        "server/mail/x.ts": [edge("app/lib/i18n.tsx", { typeOnly: true })],
        "common/y.ts": [edge("server/config.ts")],
        "server/domain/z.ts": [edge("server/db/client.ts"), edge("node:fs"), edge("zod"), edge("server/domain/w.ts")],
        "server/queries/admin/q.ts": [edge("server/operations/demarches/o.ts")],
        "server/operations/dossiers/o.ts": [edge("server/queries/usager/q.ts")],
        "server/lookups/l.ts": [edge("server/operations/errors.ts")],
        "app/routes/auth/sign-in.tsx": [edge("app/routes/usager/prefill.server.ts"), edge("app/routes/usager/ui.tsx")],
        "app/routes/public/p.tsx": [edge("server/queries/usager/list.ts"), edge("server/lookups/demarche-by-path.ts")],
        "app/routes/dev/mailbox.tsx": [edge("server/queries/mailbox/messages.ts")],
      }),
    );
    expect(violations.map((v) => `${v.file} → ${v.target}`)).toEqual([
      "server/mail/x.ts → app/lib/i18n.tsx",
      "common/y.ts → server/config.ts",
      "server/domain/z.ts → server/db/client.ts",
      "server/domain/z.ts → node:fs",
      "server/queries/admin/q.ts → server/operations/demarches/o.ts",
      "server/operations/dossiers/o.ts → server/queries/usager/q.ts",
      "server/lookups/l.ts → server/operations/errors.ts",
      "app/routes/auth/sign-in.tsx → app/routes/usager/prefill.server.ts",
      "app/routes/public/p.tsx → server/queries/usager/list.ts",
    ]);
    expect(violations[0]?.rule).toMatch(/server\/ never imports app\//);
  });

  it("finds runtime cycles, not type-only or lazy ones, and tolerates only a listed pair", () => {
    const graph = graphOf({
      "server/a.ts": [edge("server/b.ts")],
      "server/b.ts": [edge("server/c.ts")],
      "server/c.ts": [edge("server/a.ts")],
      "server/t1.ts": [edge("server/t2.ts")],
      "server/t2.ts": [edge("server/t1.ts", { typeOnly: true })],
      "server/d1.ts": [edge("server/d2.ts")],
      "server/d2.ts": [edge("server/d1.ts", { dynamic: true })],
      "server/graphql/resolvers/champs.ts": [edge("server/graphql/resolvers/repetition-champs.ts")],
      "server/graphql/resolvers/repetition-champs.ts": [edge("server/graphql/resolvers/champs.ts")],
    });
    const tolerated = [["server/graphql/resolvers/champs.ts", "server/graphql/resolvers/repetition-champs.ts"]] as const;
    expect(cycleViolations(graph, tolerated).map((v) => [v.file, v.target])).toEqual([
      ["server/a.ts", "server/b.ts, server/c.ts"],
    ]);
    expect(cycleViolations(graph)).toHaveLength(2);
  });
});
