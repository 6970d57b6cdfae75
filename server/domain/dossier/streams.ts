/**
 * The value streams of a dossier (reference: `champs.stream`). Every value row belongs to one:
 * - `main`: what the administration sees (instructeur pages, API, exports), and the usager's
 *   brouillon;
 * - `user:buffer`: the usager's changes to a dossier en construction, a full copy of their fields
 *   taken at the first change, merged into `main` when they press « Déposer les modifications »
 *   and discarded when they cancel or when the dossier passes en instruction;
 * - `history:<ISO timestamp>`: the `main` values a re-submission replaced, kept as they were.
 * Pure: names and which stream a usager writes; the SQL lives in `server/db/champ-streams.ts`.
 */
import type { DossierState } from "./states";

export const MAIN_STREAM = "main";
export const USER_BUFFER_STREAM = "user:buffer";
const HISTORY_PREFIX = "history:";

export type ChampStream = typeof MAIN_STREAM | typeof USER_BUFFER_STREAM | `${typeof HISTORY_PREFIX}${string}`;

/** The stream that keeps the `main` values replaced at `at`. */
export function historyStream(at: Date): ChampStream {
  return `${HISTORY_PREFIX}${at.toISOString()}`;
}

/** When a history stream was written (null for any other stream or a malformed name). */
export function historyStreamDate(stream: string): Date | null {
  if (!stream.startsWith(HISTORY_PREFIX)) return null;
  const date = new Date(stream.slice(HISTORY_PREFIX.length));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Where the usager's changes go: straight to `main` while the dossier is theirs alone (brouillon),
 * to their buffer once the administration has it (en construction). Null: they cannot change it.
 */
export function usagerWriteStream(state: DossierState): ChampStream | null {
  if (state === "brouillon") return MAIN_STREAM;
  if (state === "en_construction") return USER_BUFFER_STREAM;
  return null;
}
