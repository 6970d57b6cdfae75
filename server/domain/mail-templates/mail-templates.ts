/**
 * The démarche's state e-mails as the administrateur customises them (the reference's six mail
 * templates): their default texts (those Guichet sends when nothing is customised, written with
 * tags), the check of what the administrateur typed, and the rendering of a body for one dossier
 * (HTML and plain text, values escaped). Pure.
 */
import sanitizeHtml from "sanitize-html";
import { getT } from "../../../common/i18n";
import type { Locale, TranslationKey } from "../../../common/i18n";
import { MAIL_BODY_MAX_LENGTH, MAIL_SUBJECT_MAX_LENGTH } from "../../../common/mail-templates";
import { plainText } from "../messages/message-body";
import {
  findTag,
  availableTags,
  escapeTagHtml,
  type MailTemplateKind,
  replaceTags,
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

/**
 * Stands for the application's URL in links rendered inside a transaction (reactions do not know
 * it): the send-mail job replaces it (`server/mail/templates/dossier-custom-mail.ts`), the
 * messagerie copy drops it (a link relative to the site). Typed input never contains it: a
 * private-use character that `sanitizeMailBody` and `cleanSubject` strip.
 */
export const APP_URL_TOKEN = "\uE001APP_URL\uE001";

export { MAIL_BODY_MAX_LENGTH, MAIL_SUBJECT_MAX_LENGTH };

/** Translations (`mail.dossier.<key>`) of the built-in e-mail each template replaces. */
const BUILT_IN: Record<MailTemplateKind, { key: string; motivation?: true; after?: string }> = {
  initiated: { key: "depose", after: "stillEditable" },
  received: { key: "passeEnInstruction", after: "messages" },
  closed: { key: "accepte", motivation: true },
  refused: { key: "refuse", motivation: true },
  without_continuation: { key: "classeSansSuite", motivation: true },
  re_instructed: { key: "repasseEnInstruction", after: "next" },
};

/** Which built-in e-mail (`MAIL_TEMPLATES` name) each template replaces when customised. */
export const MAIL_TEMPLATE_OF_DOSSIER_MAIL = {
  dossier_depose: "initiated",
  dossier_passe_en_instruction: "received",
  dossier_accepte: "closed",
  dossier_refuse: "refused",
  dossier_classe_sans_suite: "without_continuation",
  dossier_repasse_en_instruction: "re_instructed",
} as const satisfies Record<string, MailTemplateKind>;

export interface MailTemplateText {
  subject: string;
  body: string;
}

/**
 * The text Guichet sends when the template is not customised, with tags in place of the values,
 * in `locale` (the e-mail itself is then sent in each usager's language; a customised one as written).
 */
export function defaultMailTemplate(kind: MailTemplateKind, locale: Locale): MailTemplateText {
  const t = getT(locale);
  const def = BUILT_IN[kind];
  const key = (leaf: string) => `mail.dossier.${def.key}.${leaf}` as TranslationKey;
  const vars = { number: tagText("numéro du dossier"), demarche: tagText("libellé démarche") };
  const paragraphs = [t("mail.dossier.hello"), t(key("body"), vars)];
  if (def.motivation) paragraphs.push(`${t(key("motivation"))}\n${tagText("motivation")}`);
  if (def.after) paragraphs.push(t(key(def.after)));
  paragraphs.push(`${t("mail.dossier.followUp")}\n${tagText("lien dossier")}`, t("mail.dossier.signature"));
  return { subject: t(key("subject"), vars), body: paragraphs.join("\n\n") };
}

const ALLOWED = {
  allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href", "title"] },
  allowedSchemes: ["https", "http", "mailto"],
};

function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are stripped from what is typed
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000-\uF8FF]/g;

/**
 * What is stored of a typed body: plain text as typed (line breaks kept), or, when it holds HTML,
 * that HTML sanitized (scripts, styles, event handlers and unknown tags removed; links http(s)/mailto).
 */
export function sanitizeMailBody(body: string): string {
  const text = body.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
  return looksLikeHtml(text) ? sanitizeHtml(text, ALLOWED).trim() : text;
}

/** A subject line: one line, control characters removed, whitespace collapsed. */
export function cleanSubject(subject: string): string {
  return subject.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/**
 * Checks a template as typed: subject and body required and bounded, every tag known and
 * available in this template. Refusals are per field (`subject`, `body`), one per bad tag, named.
 */
export function checkMailTemplateInput(
  input: { subject: unknown; body: unknown },
  demarche: TagDemarcheContext,
  kind: MailTemplateKind,
): { ok: true; value: MailTemplateText } | { ok: false; refusals: Refusal[] } {
  const subject = cleanSubject(typeof input.subject === "string" ? input.subject : "");
  const body = sanitizeMailBody(typeof input.body === "string" ? input.body : "");
  const refusals: Refusal[] = [];
  if (subject === "") refusals.push({ code: "subject_required", field: "subject" });
  else if ([...subject].length > MAIL_SUBJECT_MAX_LENGTH)
    refusals.push({ code: "subject_too_long", field: "subject", params: { max: MAIL_SUBJECT_MAX_LENGTH } });
  if (plainText(body) === "") refusals.push({ code: "body_required", field: "body" });
  else if ([...body].length > MAIL_BODY_MAX_LENGTH)
    refusals.push({ code: "body_too_long", field: "body", params: { max: MAIL_BODY_MAX_LENGTH } });
  for (const [field, text] of [
    ["subject", subject],
    ["body", body],
  ] as const) {
    for (const problem of validateTemplateTags(text, demarche, kind)) {
      refusals.push({ code: problem.code, field, params: { tag: tagText(problem.tag) } });
    }
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, value: { subject, body } };
}

/** The tag problems of a saved template (publication checks): subject and body together. */
export function mailTemplateProblems(template: MailTemplateText, demarche: TagDemarcheContext, kind: MailTemplateKind) {
  return validateTemplateTags(`${template.subject}\n${template.body}`, demarche, kind);
}

export interface RenderedMailTemplate {
  subject: string;
  html: string;
  text: string;
}

const TOKEN = "\uE000";

function paragraphs(escaped: string): string {
  return escaped
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/**
 * A template rendered for one dossier: the subject (plain text, falling back to the default
 * subject when it renders blank, as the reference), the body as HTML (values escaped, line breaks
 * of plain text as paragraphs) and as plain text.
 */
export function renderMailTemplate(
  template: MailTemplateText,
  demarche: TagDemarcheContext,
  kind: MailTemplateKind,
  data: TagDossierData,
  locale: Locale,
): RenderedMailTemplate {
  let subject = cleanSubject(renderTemplateTags(template.subject, demarche, kind, data, { locale, format: "text" }));
  if (subject === "") {
    subject = cleanSubject(
      renderTemplateTags(defaultMailTemplate(kind, locale).subject, demarche, kind, data, { locale, format: "text" }),
    );
  }
  // Tags become tokens first, so that escaping and sanitizing the template never touch a value
  // nor a libellé (a tag may contain an apostrophe or an ampersand).
  const tags = availableTags(demarche, kind);
  const values: string[] = [];
  const body = sanitizeMailBody(template.body);
  const tokenized = replaceTags(body, ({ libelle }) => {
    const tag = findTag(tags, libelle);
    if (!tag) return undefined;
    values.push(tag.value(data, locale));
    return `${TOKEN}${values.length - 1}${TOKEN}`;
  });
  const tokenPattern = new RegExp(`${TOKEN}(\\d+)${TOKEN}`, "g");
  let htmlTemplate: string;
  if (looksLikeHtml(tokenized)) {
    const clean = sanitizeHtml(tokenized, ALLOWED);
    htmlTemplate = /<(p|ul|ol|li|br)\b/i.test(clean) ? clean : paragraphs(clean);
  } else {
    htmlTemplate = paragraphs(escapeTagHtml(tokenized));
  }
  const textTemplate = looksLikeHtml(tokenized) ? plainText(sanitizeHtml(tokenized, ALLOWED)) : tokenized;
  const html = htmlTemplate.replace(tokenPattern, (_m, i: string) =>
    escapeTagHtml(values[Number(i)] ?? "").replace(/\r?\n/g, "<br>"),
  );
  const text = textTemplate.replace(tokenPattern, (_m, i: string) => values[Number(i)] ?? "");
  return { subject, html, text };
}
