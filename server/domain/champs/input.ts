/**
 * Shared normalisation of what users type. The reference strips control characters from every
 * champ; we do the same and also apply Unicode NFC so that "é" typed as e + combining accent
 * compares equal to a drop-down option written with the precomposed "é".
 */
import type { FormInput, TypedChampDescriptor } from "./definition";
import { champError, type ChampError } from "./errors";

// C0 and C1 control characters except tab and line feed (line breaks are handled first).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;

/** Single-line text: line breaks and tabs become spaces, other controls are removed, then trimmed. */
export function normalizeLine(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .replace(/[\t\n]/g, " ")
    .replace(CONTROL_CHARS, "")
    .trim();
}

/** Multi-line text: line breaks become "\n" (browsers send CRLF), tabs are kept, other controls removed. */
export function normalizeMultiline(raw: string): string {
  return raw.normalize("NFC").replace(LINE_BREAKS, "\n").replace(CONTROL_CHARS, "").trim();
}

/**
 * One value from a form input: the first non-blank one when the name appears several times
 * (e.g. a hidden fallback input next to the real one). Returned normalised as one line.
 */
export function singleLine(raw: FormInput): string | null {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  for (const value of values) {
    const line = normalizeLine(value);
    if (line !== "") return line;
  }
  return null;
}

/** Length as users count it: code points, so an emoji or an accented letter is one character. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function isBlankString(value: string | null): boolean {
  return value === null || value.trim() === "";
}

/** The mandatory check shared by every type with a value. */
export function requiredError<O>(isBlank: boolean, descriptor: TypedChampDescriptor<O>): ChampError | null {
  return isBlank && descriptor.mandatory ? champError("required", descriptor) : null;
}

/** Prefill accepts strings, and numbers/booleans sent by JSON clients, as text. */
export function prefillText(raw: unknown): string | null {
  if (typeof raw === "string") return raw;
  if ((typeof raw === "number" && Number.isFinite(raw)) || typeof raw === "boolean") return String(raw);
  return null;
}
