/**
 * The administrateur's regular expressions for `formatted` fields, run by RE2 (re2js): matching
 * time is linear in the input, so no pattern can hang the server (no catastrophic backtracking);
 * see docs/decisions/0003-formatted-regex-re2.md. Features that need backtracking (lookaround,
 * backreferences) do not compile and are reported to the administrateur.
 */
import { RE2JS } from "re2js";

/** Longer patterns are not what this field is for, and would only grow the compiled program. */
export const REGEX_MAX_LENGTH = 500;

export type RegexCheck =
  | { ok: true; regex: RE2JS }
  | { ok: false; reason: "too_long" | "unsupported" | "invalid"; fragment: string };

// Compiled patterns, shared by every validation of the same field (a form is validated often).
const cache = new Map<string, RegexCheck>();
const CACHE_MAX = 500;

/** Compiles a pattern once; tells why it cannot be used otherwise. */
export function compileRegex(pattern: string): RegexCheck {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const result = compileUncached(pattern);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(pattern, result);
  return result;
}

function compileUncached(pattern: string): RegexCheck {
  if (pattern.length > REGEX_MAX_LENGTH) return { ok: false, reason: "too_long", fragment: "" };
  try {
    return { ok: true, regex: RE2JS.compile(pattern) };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    // re2js messages end with the offending part between backquotes: "…: `(?=`".
    let fragment = /`([^`]*)`\s*$/.exec(message)?.[1] || pattern.slice(0, 40);
    // Lookbehind is reported as a bad named group: name the construct instead.
    const lookbehind = /^\(\?<[=!]/.exec(fragment)?.[0];
    if (lookbehind) fragment = lookbehind;
    const unsupported =
      lookbehind !== undefined ||
      message.includes("invalid or unsupported Perl syntax") ||
      /invalid escape sequence: `\\[1-9]/.test(message);
    return { ok: false, reason: unsupported ? "unsupported" : "invalid", fragment };
  }
}

/**
 * True when the pattern matches somewhere in the value, as the reference's `match?` does: write
 * `^…$` to match the whole value. An unusable pattern matches nothing.
 */
export function regexMatches(pattern: string, value: string): boolean {
  const compiled = compileRegex(pattern);
  return compiled.ok && compiled.regex.test(value);
}
