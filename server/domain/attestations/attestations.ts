/**
 * The démarche's attestations as the administrateur writes them (the reference's v1 attestation
 * templates): title, body and footer in plain text with `--tags--`, checked against the tag
 * system (unknown or unavailable tag named), sanitized (markup and control characters removed);
 * the default texts; the rendering of a template for one dossier (tags replaced, as text: the PDF
 * draws text, nothing is interpreted). Pure.
 */
import sanitizeHtml from "sanitize-html";
import {
  ATTESTATION_BODY_MAX_LENGTH,
  ATTESTATION_FOOTER_MAX_LENGTH,
  ATTESTATION_TITLE_MAX_LENGTH,
  type AttestationTemplateKind,
} from "../../../common/attestations";
import { getT } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import {
  type AttestationKind,
  type MailTemplateKind,
  normalizeTagLibelle,
  parseTags,
  renderTemplateTags,
  type TagDemarcheContext,
  type TagDossierData,
  tagText,
  validateTemplateTags,
} from "../tags";

/** Same shape as `Refusal` of server/refusal.ts (the domain does not import it). */
interface Refusal {
  code: string;
  field: string;
  params?: Record<string, string | number>;
}

/** The tag system's template of each attestation kind. */
export const ATTESTATION_TAG_KIND: Record<AttestationTemplateKind, AttestationKind> = {
  acceptation: "attestation_acceptation",
  refus: "attestation_refus",
};

/** The decision e-mail that must carry `--lien attestation--` when the attestation is activated. */
export const ATTESTATION_MAIL_KIND: Record<AttestationTemplateKind, MailTemplateKind> = {
  acceptation: "closed",
  refus: "refused",
};

/** The attestation generated for a dossier reaching this state, if any. */
export function attestationKindForState(state: string): AttestationTemplateKind | null {
  return state === "accepte" ? "acceptation" : state === "refuse" ? "refus" : null;
}

export const ATTESTATION_LINK_TAG = "lien attestation";

export interface AttestationText {
  title: string;
  body: string;
  footer: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are stripped from what is typed
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000-\uF8FF]/g;

/** Plain text as typed: markup removed (its text kept), control characters removed, line breaks kept. */
export function sanitizeAttestationText(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n").replace(CONTROL, "");
  const stripped = /<\/?[a-z][^>]*>/i.test(normalized)
    ? sanitizeHtml(normalized, {
        allowedTags: [],
        allowedAttributes: {},
        nonTextTags: ["script", "style", "textarea", "noscript"],
      })
    : normalized;
  // sanitize-html escapes what it keeps: the stored text is plain, never HTML.
  return stripped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

function oneLine(text: string): string {
  return sanitizeAttestationText(text).replace(/\s+/g, " ").trim();
}

/** Default texts offered before the administrateur writes theirs (in the admin's language). */
export function defaultAttestationTemplate(kind: AttestationTemplateKind, locale: Locale): AttestationText {
  const t = getT(locale);
  const vars = {
    number: tagText("numéro du dossier"),
    demarche: tagText("libellé démarche"),
    date: tagText("date de décision"),
  };
  return {
    title: t(`attestations.defaults.${kind}.title`, vars),
    body: t(`attestations.defaults.${kind}.body`, vars),
    footer: "",
  };
}

/**
 * Checks a template as typed: title and body required, each bounded, footer ≤ 190 characters,
 * every tag known and available in an attestation of this kind (named when not).
 */
export function checkAttestationTemplateInput(
  input: { title: unknown; body: unknown; footer: unknown },
  demarche: TagDemarcheContext,
  kind: AttestationTemplateKind,
): { ok: true; value: AttestationText } | { ok: false; refusals: Refusal[] } {
  const value: AttestationText = {
    title: oneLine(typeof input.title === "string" ? input.title : ""),
    body: sanitizeAttestationText(typeof input.body === "string" ? input.body : ""),
    footer: oneLine(typeof input.footer === "string" ? input.footer : ""),
  };
  const refusals: Refusal[] = [];
  const limits = {
    title: ATTESTATION_TITLE_MAX_LENGTH,
    body: ATTESTATION_BODY_MAX_LENGTH,
    footer: ATTESTATION_FOOTER_MAX_LENGTH,
  };
  for (const field of ["title", "body", "footer"] as const) {
    if (field !== "footer" && value[field] === "") refusals.push({ code: `${field}_required`, field });
    else if ([...value[field]].length > limits[field])
      refusals.push({ code: `${field}_too_long`, field, params: { max: limits[field] } });
    for (const problem of validateTemplateTags(value[field], demarche, ATTESTATION_TAG_KIND[kind])) {
      refusals.push({ code: problem.code, field, params: { tag: tagText(problem.tag) } });
    }
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, value };
}

/** The tag problems of a saved template (publication and activation checks). */
export function attestationTemplateProblems(
  template: AttestationText,
  demarche: TagDemarcheContext,
  kind: AttestationTemplateKind,
) {
  return validateTemplateTags(`${template.title}\n${template.body}\n${template.footer}`, demarche, ATTESTATION_TAG_KIND[kind]);
}

/** The template's texts for one dossier: tags replaced by its values (plain text). */
export function renderAttestationTemplate(
  template: AttestationText,
  demarche: TagDemarcheContext,
  kind: AttestationTemplateKind,
  data: TagDossierData,
  locale: Locale,
): AttestationText {
  const render = (text: string) =>
    renderTemplateTags(text, demarche, ATTESTATION_TAG_KIND[kind], data, { locale, format: "text" });
  return { title: oneLine(render(template.title)), body: render(template.body).trim(), footer: oneLine(render(template.footer)) };
}

/** Whether a decision e-mail's text carries the attestation link. */
export function mentionsAttestationLink(text: string): boolean {
  return parseTags(text).some((tag) => normalizeTagLibelle(tag.libelle) === ATTESTATION_LINK_TAG);
}
