/**
 * Keyset pagination cursor of the instructeur list, for any sort: the sort it belongs to (a cursor
 * of another sort reads as "first page"), the sort key of the row as PostgreSQL prints it (exact:
 * timestamps keep their microseconds) or null, and the dossier number that breaks ties. "after"
 * reads the page following that row, "before" the page preceding it. Opaque to the URL (base64url);
 * anything malformed reads as "first page".
 */
export interface DossierCursor {
  direction: "after" | "before";
  /** `<column id>:<asc|desc>` of the list it was made for. */
  sort: string;
  value: string | null;
  id: number;
}

const MAX_LENGTH = 2_800;

export function encodeCursor(cursor: DossierCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.direction === "after" ? "a" : "b", cursor.sort, cursor.value, cursor.id]),
    "utf8",
  ).toString("base64url");
}

export function decodeCursor(value: string | null | undefined, sort?: string): DossierCursor | null {
  if (!value || value.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [direction, cursorSort, key, id] = parsed as unknown[];
  if (direction !== "a" && direction !== "b") return null;
  if (typeof cursorSort !== "string" || (sort !== undefined && cursorSort !== sort)) return null;
  if (key !== null && (typeof key !== "string" || key.length > 2_000)) return null;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  return { direction: direction === "a" ? "after" : "before", sort: cursorSort, value: key, id };
}
