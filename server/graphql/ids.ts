/**
 * Identifiers and cursors of the GraphQL API, encoded as the reference platform does so that ids
 * stored by existing API clients keep their shape:
 * - global ids (`server/domain/global-id.ts`): standard base64 of `<Type>-<id>`;
 * - field ids (`server/domain/form/champ-id.ts`): base64 of `Champ-<stable_id>[|<row_id>]`;
 * - cursors: opaque base64url of `<UTC timestamp with microseconds>;<id>` for keyset pagination.
 * Pure functions, no I/O.
 */
import { fromGlobalId } from "../domain/global-id";

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

// Global and field ids are the reference's identifier format, also read by prefill links: they
// live in the domain, and the API's code reaches them here.
export { fromGlobalId, numericIdOf, toGlobalId } from "../domain/global-id";
export { champId, parseChampId } from "../domain/form/champ-id";

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
