/**
 * The project's import graph, read with the TypeScript parser (already a dev dependency) from the
 * git-tracked sources, for the boundary rules of `boundaries.ts`. Test tooling: nothing imports it
 * at runtime.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ImportEdge {
  /** Repository-relative path of the imported file, or the bare specifier of a package (`node:fs`, `pg`). */
  target: string;
  /** True for a package or Node built-in, false for a file of the repository. */
  external: boolean;
  /** `import type` / `export type` / `typeof import(…)`: erased at compile time. */
  typeOnly: boolean;
  /** `import("…")` at run time: evaluated lazily, so it cannot take part in an evaluation cycle. */
  dynamic: boolean;
}

export type ImportGraph = Map<string, ImportEdge[]>;

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

interface RawImport {
  specifier: string;
  typeOnly: boolean;
  dynamic: boolean;
}

/** Every module specifier a source file imports or re-exports, with how it is imported. */
export function parseImports(fileName: string, source: string): RawImport[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
  const found: RawImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false, dynamic: false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, dynamic: false });
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
        found.push({ specifier: argument.literal.text, typeOnly: true, dynamic: false });
      }
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The repository file a specifier names (`~/` is app/), or null for a package or a missing file. */
export function resolveSpecifier(root: string, fromFile: string, specifier: string, exists = existsSync): string | null {
  const bare = specifier.replace(/\?.*$/, "");
  let base: string;
  if (bare.startsWith("~/")) base = path.posix.join("app", bare.slice(2));
  else if (bare.startsWith(".")) base = path.posix.join(path.posix.dirname(fromFile), bare);
  else return null;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (exists(path.join(root, candidate)) && (extension !== "" || /\.\w+$/.test(candidate))) return candidate;
  }
  // An import written with `.js` for a `.ts` file.
  const withoutJs = base.replace(/\.js$/, "");
  if (withoutJs !== base && exists(path.join(root, `${withoutJs}.ts`))) return `${withoutJs}.ts`;
  return base;
}

/** The import graph of every git-tracked source file under `root`. */
export function readImportGraph(root: string): ImportGraph {
  const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\0")
    .filter((file) => SOURCE.test(file) && !file.endsWith(".d.ts") && existsSync(path.join(root, file)));
  const graph: ImportGraph = new Map();
  for (const file of tracked) {
    const edges = parseImports(file, readFileSync(path.join(root, file), "utf8")).map((raw): ImportEdge => {
      const resolved = resolveSpecifier(root, file, raw.specifier);
      return resolved === null
        ? { target: raw.specifier, external: true, typeOnly: raw.typeOnly, dynamic: raw.dynamic }
        : { target: resolved, external: false, typeOnly: raw.typeOnly, dynamic: raw.dynamic };
    });
    graph.set(file, edges);
  }
  return graph;
}
