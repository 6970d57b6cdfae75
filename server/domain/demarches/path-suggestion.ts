/**
 * The public path of a démarche (/commencer/<path>): the reference suggests the libellé
 * "parameterized" (ASCII, lower case, words joined by dashes) cut to 50 characters, followed by
 * -2, -3… when another démarche already uses it. Pure: the caller says which paths are taken.
 */

/** Length of the suggestion before any -2, -3… suffix (the reference's `first(50)`). */
export const PATH_SUGGESTION_MAX_LENGTH = 50;
const PATH_MIN_LENGTH = 3;
const FALLBACK = "demarche";

/** Letters that NFD does not decompose into ASCII + accents. */
const LIGATURES: Record<string, string> = {
  œ: "oe",
  Œ: "oe",
  æ: "ae",
  Æ: "ae",
  ß: "ss",
  ø: "o",
  Ø: "o",
  đ: "d",
  Đ: "d",
  ł: "l",
  Ł: "l",
};

/** "Demande d’aide à l’équipement (2024)" → "demande-d-aide-a-l-equipement-2024". */
export function slugifyLibelle(libelle: string, maxLength = PATH_SUGGESTION_MAX_LENGTH): string {
  const ascii = libelle
    .replace(/[œŒæÆßøØđĐłŁ]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug.length >= PATH_MIN_LENGTH ? slug : slug === "" ? FALLBACK : `${FALLBACK}-${slug}`;
}

/** The slug of the libellé, or the first of slug-2, slug-3… that `isTaken` does not reject. */
export function suggestPath(libelle: string, isTaken: (path: string) => boolean): string {
  const base = slugifyLibelle(libelle);
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Démarches get a random UUID path at creation, which is never worth suggesting back. */
export function isGeneratedPath(path: string | null): boolean {
  return path === null || UUID.test(path);
}
