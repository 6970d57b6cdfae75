/**
 * How names are compared when someone searches a commune, an EPCI or an address: accents, case,
 * apostrophes, hyphens and the usual abbreviations (« St », « Ste ») do not matter, so « st etienne »,
 * « Saint-Étienne » and « SAINT ETIENNE » are the same key.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s'’`´‘"“”\-‐–—_.,;:/\\()[\]]+/g;

export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(SEPARATORS, " ")
    .trim()
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint");
}

/** How well a name key answers a query key: 0 equal, 1 prefix, 2 a word starts with it, 3 contains it, null no match. */
export function matchRank(nameKey: string, queryKey: string): 0 | 1 | 2 | 3 | null {
  if (queryKey === "") return null;
  if (nameKey === queryKey) return 0;
  if (nameKey.startsWith(queryKey)) return 1;
  if (nameKey.includes(` ${queryKey}`)) return 2;
  if (nameKey.includes(queryKey)) return 3;
  return null;
}

/**
 * A query as typed in a commune search: a 5-digit postal code anywhere (« Saint-Denis 93200 », or a
 * label « Saint-Denis (93200) » picked earlier) and the words around it.
 */
export function splitPostalCode(query: string): { postalCode: string | null; words: string } {
  const match = query.match(/(?:^|[^\d])(\d{5})(?![\d])/);
  if (!match?.[1]) return { postalCode: null, words: query.trim() };
  const words = query.replace(match[1], " ").replace(/[()]/g, " ");
  return { postalCode: match[1], words: words.replace(/\s+/g, " ").trim() };
}
