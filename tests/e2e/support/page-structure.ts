/**
 * A page's structure without its words: what axe's verdict depends on (elements, their roles, types,
 * classes and styles, the ids that labels and ARIA attributes point to, which attributes and texts are
 * present), without what differs between two journeys on the same page (names, numbers, typed values,
 * links). Two pages with the same structure get the same axe verdict — with or without JavaScript, as
 * the DOM is what axe reads —, so `checkA11y` runs axe once per structure in a run (the journeys' shared
 * steps — creating a démarche, filing a dossier — show the same pages again and again, and axe was
 * most of a journey's time). The workers share what they found clean through the file named by
 * E2E_A11Y_CLEAN (created by the global setup), one digest per line.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

/** Attributes whose values change what axe says; other attributes count by presence (empty or not). */
const KEPT_VALUES = new Set([
  "class",
  "role",
  "type",
  "style",
  "id",
  "for",
  "lang",
  "dir",
  "tabindex",
  "scope",
  "headers",
  "colspan",
  "rowspan",
  "autocomplete",
  "aria-describedby",
  "aria-labelledby",
  "aria-controls",
  "aria-owns",
  "aria-activedescendant",
  "aria-hidden",
  "aria-expanded",
  "aria-current",
  "aria-invalid",
  "aria-live",
  "aria-modal",
  "aria-selected",
  "aria-checked",
  "aria-pressed",
  "aria-level",
]);

const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function pageStructure(html: string): string {
  const withoutNoise = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<script\b[\s\S]*?<\/script>/gi, "<script></script>")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const tagsAndTexts = withoutNoise.replace(/>([^<]+)</g, (_, text: string) => (text.trim() ? ">T<" : "><"));
  return tagsAndTexts.replace(TAG, (_, name: string, attributes: string, selfClosing: string) => {
    const kept: string[] = [];
    for (const match of attributes.matchAll(ATTRIBUTE)) {
      const attribute = (match[1] ?? "").toLowerCase();
      const value = match[2] ?? match[3] ?? match[4];
      // Numbers in values (dossier numbers, generated ids) are not structure; heading levels in tag names are.
      if (KEPT_VALUES.has(attribute)) kept.push(`${attribute}=${(value ?? "").replace(/\d+/g, "0")}`);
      else kept.push(value === undefined ? attribute : `${attribute}=${value === "" ? "" : "*"}`);
    }
    return `<${name.toLowerCase()} ${kept.sort().join(" ")}${selfClosing}>`;
  });
}

export function pageStructureDigest(html: string): string {
  return createHash("sha256").update(pageStructure(html)).digest("hex");
}

const clean = new Set<string>();

export function isCleanStructure(key: string): boolean {
  if (clean.has(key)) return true;
  const file = process.env.E2E_A11Y_CLEAN;
  if (file && existsSync(file)) for (const line of readFileSync(file, "utf8").split("\n")) if (line) clean.add(line);
  return clean.has(key);
}

export function recordCleanStructure(key: string) {
  clean.add(key);
  const file = process.env.E2E_A11Y_CLEAN;
  // One short line per append: the two workers' lines never interleave.
  if (file) appendFileSync(file, `${key}\n`);
}
