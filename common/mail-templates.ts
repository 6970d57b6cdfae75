/**
 * The kinds of the démarche's customisable e-mails and the limits of their texts, shared by the
 * server (`server/domain/tags`, `server/domain/mail-templates`) and the admin pages.
 */

/** The six e-mails of the reference (tables `initiated_mails`… `re_instructed_mails`). */
export const MAIL_TEMPLATE_KINDS = [
  "initiated",
  "received",
  "closed",
  "refused",
  "without_continuation",
  "re_instructed",
] as const;
export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number];

export function isMailTemplateKind(value: unknown): value is MailTemplateKind {
  return typeof value === "string" && (MAIL_TEMPLATE_KINDS as readonly string[]).includes(value);
}

export const MAIL_SUBJECT_MAX_LENGTH = 250;
export const MAIL_BODY_MAX_LENGTH = 20_000;

/** How the tag picker groups tags. */
export const TAG_CATEGORIES = ["dossier", "individual", "entreprise", "demarche", "champ", "annotation"] as const;
export type TagCategory = (typeof TAG_CATEGORIES)[number];
