/**
 * The DSFR stylesheet the pages load (react-dsfr's main.css) bundles only part of the icon set: a
 * class outside it renders as a plain square. Every `fr-icon-*` class the UI names must exist there.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ICONS_CSS = path.join(ROOT, "node_modules/@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css");
/** Modifiers, not icons. */
const NOT_ICONS = new Set(["fr-icon--sm", "fr-icon--md", "fr-icon--lg", "fr-icon--xs"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(tsx?|css)$/.test(name) && !name.endsWith(".test.ts") ? [file] : [];
  });
}

describe("DSFR icons", () => {
  it("every fr-icon class used by the UI is in the bundled icon stylesheet", () => {
    const css = readFileSync(ICONS_CSS, "utf8");
    const defined = new Set([...css.matchAll(/\.(fr-icon-[a-z0-9-]+)(?:::?before|::?after)/g)].map((m) => m[1]));
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, "app"))) {
      for (const [name] of readFileSync(file, "utf8").matchAll(/fr-icon-[a-z0-9-]+/g)) {
        if (!NOT_ICONS.has(name) && !defined.has(name)) missing.push(`${path.relative(ROOT, file)}: ${name}`);
      }
    }
    expect(defined.size).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
