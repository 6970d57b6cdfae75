/**
 * French-aware normalisation for search and « contient » filters, done in the application (PGlite
 * has no `unaccent`): accents removed, ligatures spelt out, lower case. The same function builds
 * the stored documents and the queries, so « Élodie », « elodie » and « ÉLODIE » meet.
 */
export function normalizeText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/giu, "oe")
    .replace(/æ/giu, "ae")
    .replace(/ß/gu, "ss")
    .toLowerCase();
}

/** The words of a normalised text (letters and digits), as `to_tsvector('simple', …)` will cut them. */
export function searchWords(value: string): string[] {
  return normalizeText(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

export const SEARCH_MAX_WORDS = 10;
export const SEARCH_MAX_LENGTH = 200;

/**
 * A `to_tsquery('simple', …)` text for what was typed: every word required, each as a prefix
 * (« dup » finds « Dupont »). Only letters and digits reach the query: nothing to escape. Null
 * when nothing searchable was typed.
 */
export function searchQuery(typed: string): string | null {
  const words = searchWords(typed.slice(0, SEARCH_MAX_LENGTH)).slice(0, SEARCH_MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((word) => `${word.slice(0, 60)}:*`).join(" & ");
}

/** A dossier number typed alone (« 1234 », « n° 1234 », « #1234 »): direct access. */
export function dossierNumberOfQuery(typed: string): number | null {
  const match = typed.trim().match(/^(?:n°\s*|no\s*|#)?(\d{1,10})$/iu);
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 && number <= 2_147_483_647 ? number : null;
}

/** At most this many matches of a search are sorted and paged (the most specific words narrow it). */
export const SEARCH_MATCH_LIMIT = 10_000;

/**
 * Of a header search's matches, at most this many matches are ranked: the most recent ones (highest numbers). `ts_rank` re-parses
 * each document (~0.1 ms each): ranking the 10 000 matches of a word every dossier holds took 1.1 s
 * at 100k dossiers. A query that matches more dossiers lists these, most relevant first.
 */
export const RECHERCHE_RANKED_LIMIT = 500;
