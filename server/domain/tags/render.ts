/**
 * Checking a template's tags and replacing them by a dossier's values.
 */
import type { Locale } from "../../../common/i18n/types";
import { parseTags, replaceTags } from "./parse";
import {
  availableTags,
  demarcheTags,
  findTag,
  isTagAvailable,
  type TagDefinition,
  type TagDemarcheContext,
  type TagDossierData,
  type TagTemplateKind,
  uniqueByLibelle,
} from "./registry";

/**
 * A tag a template may not use: `tag_unknown` (no such tag on this démarche) or `tag_unavailable`
 * (it exists, but not in this template's state or medium). `tag` is the libellé as normalised.
 */
export interface TagProblem {
  code: "tag_unknown" | "tag_unavailable";
  tag: string;
}

/** The problems of `text` for template `kind`, each tag once, in order of first occurrence. */
export function validateTemplateTags(text: string, demarche: TagDemarcheContext, kind: TagTemplateKind): TagProblem[] {
  const all = uniqueByLibelle(demarcheTags(demarche));
  const problems: TagProblem[] = [];
  const seen = new Set<string>();
  for (const { libelle } of parseTags(text)) {
    if (seen.has(libelle)) continue;
    seen.add(libelle);
    const tag = findTag(all, libelle);
    if (!tag) problems.push({ code: "tag_unknown", tag: libelle });
    else if (!isTagAvailable(tag, kind)) problems.push({ code: "tag_unavailable", tag: libelle });
  }
  return problems;
}

export const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeTagHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export interface RenderTagsOptions {
  locale: Locale;
  /**
   * `html`: values are HTML-escaped and their line breaks become `<br>` (the template itself is
   * trusted HTML, sanitized when saved); `text`: values as they are (subjects, plain-text parts).
   */
  format: "html" | "text";
}

/**
 * `text` with every tag available in `kind` replaced by the dossier's value. Unknown or
 * unavailable tags (a template saved before the form changed) are left as written.
 */
export function renderTemplateTags(
  text: string,
  demarche: TagDemarcheContext,
  kind: TagTemplateKind,
  data: TagDossierData,
  options: RenderTagsOptions,
): string {
  const tags = availableTags(demarche, kind);
  const cache = new Map<TagDefinition, string>();
  return replaceTags(text, ({ libelle }) => {
    const tag = findTag(tags, libelle);
    if (!tag) return undefined;
    let value = cache.get(tag);
    if (value === undefined) {
      value = tag.value(data, options.locale);
      cache.set(tag, value);
    }
    return options.format === "html" ? escapeTagHtml(value).replace(/\r?\n/g, "<br>") : value;
  });
}
