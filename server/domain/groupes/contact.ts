/**
 * A groupe instructeur's « informations de contact » (ds-behaviour §5.1 `contact_information`):
 * the service that instructs the groupe's dossiers, shown to the usager on their dossier page
 * instead of the démarche's. Pure: the form's schema and its refusal codes (field → code, keys of
 * `groupes.contact.errors`).
 * As the reference's `ContactInformation`, every part is required.
 */
import { z } from "zod";

export const CONTACT_FIELDS = ["nom", "email", "telephone", "adresse", "horaires"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface GroupeContact {
  nom: string;
  email: string;
  telephone: string;
  adresse: string;
  horaires: string;
}

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, "too_long"));

/** French and international numbers: digits, spaces, dots, dashes, parentheses, an optional leading +. */
const PHONE = /^\+?[0-9 ().-]{6,25}$/;

export const ZGroupeContact = z.object({
  nom: text(200).pipe(z.string().min(1, "required")),
  email: text(254).pipe(z.email("email_invalid")),
  telephone: text(25).pipe(z.string().regex(PHONE, "phone_invalid")),
  adresse: text(500).pipe(z.string().min(1, "required")),
  horaires: text(500).pipe(z.string().min(1, "required")),
});

export type ContactRefusals = Partial<Record<ContactField, string>>;

/** The contact read from a form, or the refusal code of each bad field. */
export function parseGroupeContact(
  input: Record<ContactField, string>,
): { ok: true; contact: GroupeContact } | { ok: false; errors: ContactRefusals } {
  const parsed = ZGroupeContact.safeParse(input);
  if (parsed.success) return { ok: true, contact: parsed.data };
  const errors: ContactRefusals = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ContactField;
    if (errors[field] === undefined) errors[field] = knownCode(issue.message);
  }
  return { ok: false, errors };
}

function knownCode(message: string): string {
  return ["required", "too_long", "email_invalid", "phone_invalid"].includes(message) ? message : "invalid";
}
