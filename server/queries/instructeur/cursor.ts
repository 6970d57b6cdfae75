/**
 * Keyset pagination cursor over (updated_at, id) in descending order. The timestamp keeps
 * PostgreSQL's microseconds (a JavaScript Date would round them and skip or repeat rows).
 * "after" reads the page following a row, "before" the page preceding it. Opaque to the URL
 * (base64url); anything malformed reads as "first page".
 */
export interface DossierCursor {
  direction: "after" | "before";
  updatedAt: string;
  id: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(cursor: DossierCursor): string {
  return Buffer.from(`${cursor.direction === "after" ? "a" : "b"}|${cursor.updatedAt}|${cursor.id}`, "utf8").toString(
    "base64url",
  );
}

export function decodeCursor(value: string | null | undefined): DossierCursor | null {
  if (!value || value.length > 100) return null;
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  const [direction, updatedAt, id, ...rest] = decoded.split("|");
  if (rest.length > 0 || (direction !== "a" && direction !== "b") || !updatedAt || !TIMESTAMP.test(updatedAt)) return null;
  if (!id || !/^\d{1,10}$/.test(id)) return null;
  const number = Number(id);
  if (!Number.isSafeInteger(number) || number <= 0 || number > 2_147_483_647) return null;
  if (Number.isNaN(Date.parse(updatedAt))) return null;
  return { direction: direction === "a" ? "after" : "before", updatedAt, id: number };
}
