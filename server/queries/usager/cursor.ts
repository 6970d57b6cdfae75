/**
 * Keyset cursor of "Mes dossiers": the (updated_at, id) of the last row shown. The timestamp is
 * carried in microseconds since the epoch, PostgreSQL's own precision, so no row is skipped or
 * repeated when several share the same millisecond.
 */
export interface DossierCursor {
  updatedAtMicros: number;
  id: number;
}

const CURSOR = /^(\d{1,16})_(\d{1,10})$/;

export function encodeCursor(cursor: DossierCursor): string {
  return `${cursor.updatedAtMicros}_${cursor.id}`;
}

/** Null for a missing or malformed cursor (the list then starts from the most recent dossier). */
export function decodeCursor(value: string | null | undefined): DossierCursor | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match) return null;
  const updatedAtMicros = Number(match[1]);
  const id = Number(match[2]);
  if (!Number.isSafeInteger(updatedAtMicros) || !Number.isSafeInteger(id) || id <= 0) return null;
  return { updatedAtMicros, id };
}
