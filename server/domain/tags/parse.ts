/**
 * The `--libellé--` syntax of templates (the reference's `TagsSubstitutionConcern`): a tag is two
 * dashes, a libellé that does not start with a dash and holds no line break, two dashes. Libellés
 * are compared once normalised: whitespace collapsed and trimmed, and `--` inside a field's libellé
 * written `__` (so that the tag can be typed at all).
 */

/** One `--…--` found in a template. */
export interface TagOccurrence {
  /** As written, dashes included (`--date de dépôt--`). */
  raw: string;
  /** The normalised libellé (`date de dépôt`), the key tags are looked up by. */
  libelle: string;
  /** Offset of `raw` in the text. */
  index: number;
}

// Non-greedy: `--a-- et --b--` is two tags. A libellé starts with anything but a dash or a line break.
const TAG_PATTERN = /--([^-\n\r][^\n\r]*?)--/g;

/** The key a libellé is looked up by: whitespace collapsed, `--` → `__` (the reference's rule). */
export function normalizeTagLibelle(libelle: string): string {
  return libelle.replace(/--/g, "__").replace(/\s+/g, " ").trim();
}

/** How a tag is written in a template: `--<libellé>--`. */
export function tagText(libelle: string): string {
  return `--${normalizeTagLibelle(libelle)}--`;
}

/** Every tag of `text`, in order (the same libellé may occur several times). */
export function parseTags(text: string): TagOccurrence[] {
  const found: TagOccurrence[] = [];
  for (const match of text.matchAll(TAG_PATTERN)) {
    const inner = match[1] ?? "";
    const libelle = normalizeTagLibelle(inner);
    if (libelle === "") continue;
    found.push({ raw: match[0], libelle, index: match.index ?? 0 });
  }
  return found;
}

/** Replaces each tag of `text` by `replace(occurrence)`; undefined keeps it as written. */
export function replaceTags(text: string, replace: (occurrence: TagOccurrence) => string | undefined): string {
  return text.replace(TAG_PATTERN, (raw: string, inner: string, index: number) => {
    const libelle = normalizeTagLibelle(inner);
    if (libelle === "") return raw;
    return replace({ raw, libelle, index }) ?? raw;
  });
}
