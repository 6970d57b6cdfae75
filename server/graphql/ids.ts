/**
 * Identifiers and cursors of the GraphQL API, encoded as the reference platform does so that ids
 * stored by existing API clients keep their shape:
 * - global ids: standard base64 (with padding) of `<Type>-<id>`, e.g. `Dossier-12` → `RG9zc2llci0xMg==`;
 * - field ids: base64 of `Champ-<stable_id>`, or `Champ-<stable_id>|<row_id>` inside a repetition;
 * - cursors: opaque base64url of `<UTC timestamp with microseconds>;<id>` for keyset pagination.
 * Pure functions, no I/O.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Decodes standard base64, with or without padding; null when the text is not base64 of UTF-8. */
function decodeBase64(text: string): string | null {
  if (text === "" || !BASE64.test(text)) return null;
  const unpadded = text.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return null;
  const decoded = Buffer.from(unpadded, "base64").toString("utf8");
  // Reject anything that does not survive a round trip (stray bits, invalid UTF-8).
  if (Buffer.from(decoded, "utf8").toString("base64").replace(/=+$/, "") !== unpadded) return null;
  return decoded;
}

/** `toGlobalId("Dossier", 12)` → base64 of `Dossier-12`, with padding. */
export function toGlobalId(type: string, id: number | string): string {
  return Buffer.from(`${type}-${id}`, "utf8").toString("base64");
}

/** The type and id of a global id; null when it is not one (never throws). */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = decodeBase64(globalId);
  if (decoded === null) return null;
  const dash = decoded.indexOf("-");
  if (dash <= 0 || dash === decoded.length - 1) return null;
  const type = decoded.slice(0, dash);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(type)) return null;
  return { type, id: decoded.slice(dash + 1) };
}

/** The integer id of a global id of `type`; null for another type or a non-integer id. */
export function numericIdOf(globalId: string, type: string): number | null {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type || !/^[1-9]\d{0,15}$/.test(parsed.id)) return null;
  const id = Number(parsed.id);
  return Number.isSafeInteger(id) ? id : null;
}

/** Id of a field (descriptor) or of its value: `Champ-<stable_id>` or `Champ-<stable_id>|<row_id>`. */
export function champId(stableId: number, rowId?: string | null): string {
  return toGlobalId("Champ", rowId ? `${stableId}|${rowId}` : String(stableId));
}

/** Inverse of `champId`; null when the id is not a field id. */
export function parseChampId(id: string): { stableId: number; rowId: string | null } | null {
  const parsed = fromGlobalId(id);
  if (parsed?.type !== "Champ") return null;
  const match = /^(\d{1,15})(?:\|([A-Za-z0-9]+))?$/.exec(parsed.id);
  if (!match) return null;
  return { stableId: Number(match[1]), rowId: match[2] ?? null };
}

// ---------------------------------------------------------------- cursors

/** A position in a list ordered by (timestamp, id). */
export interface CursorPosition {
  /** UTC instant with microseconds: `2024-03-15T13:02:11.123456Z`. */
  timestamp: string;
  id: number;
}

const CURSOR_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * Normalises a UTC timestamp to exactly six fractional digits (PostgreSQL's precision); null when
 * the text is not `YYYY-MM-DDTHH:MM:SS[.fraction]Z` naming a real instant.
 */
export function normalizeCursorTimestamp(text: string): string | null {
  const match = CURSOR_TIMESTAMP.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(9, "0").slice(0, 6);
  const normalized = `${match[1]}.${fraction}Z`;
  const check = new Date(`${match[1]}Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== match[1]) return null;
  return normalized;
}

/** Opaque cursor of a position (unpadded base64url of `<timestamp>;<id>`). */
export function encodeCursor(position: CursorPosition): string {
  const timestamp = normalizeCursorTimestamp(position.timestamp);
  if (timestamp === null) throw new Error(`invalid cursor timestamp: ${position.timestamp}`);
  return Buffer.from(`${timestamp};${position.id}`, "utf8").toString("base64url");
}

/** The position of a cursor; null when it was not produced by `encodeCursor` (never throws). */
export function decodeCursor(cursor: string): CursorPosition | null {
  if (cursor === "" || cursor.length > 200 || !BASE64URL.test(cursor)) return null;
  const text = Buffer.from(cursor.replace(/=+$/, ""), "base64url").toString("utf8");
  const match = /^([^;]+);([1-9]\d{0,15})$/.exec(text);
  if (!match) return null;
  const timestamp = normalizeCursorTimestamp(match[1] ?? "");
  const id = Number(match[2]);
  if (timestamp === null || !Number.isSafeInteger(id)) return null;
  return { timestamp, id };
}
