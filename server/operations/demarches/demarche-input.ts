import { z } from "zod";
import { sanitizeRichText } from "../../domain/demarches/rich-text";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `too_long:${max}` })
    .transform((v) => (v === "" ? null : v));

/** Limited HTML, sanitized on save (scripts removed); empty → null; absent → unchanged. */
const richText = (max: number) =>
  z
    .string()
    .max(max, { message: `too_long:${max}` })
    .transform((v) => sanitizeRichText(v))
    .transform((v) => (v === "" ? null : v))
    .optional();

const optionalUrl = (max: number, code: string) =>
  optionalText(max)
    .refine((v) => v === null || isHttpUrl(v), { message: code })
    .optional();

/**
 * The presentation of a démarche as the administrateur edits it (create and update share it).
 * Messages are i18n keys of the `admin` namespace (`admin.demarcheForm.errors.<key>`).
 */
export const ZDemarcheInput = z.object({
  libelle: z.string().trim().min(1, { message: "libelle_required" }).max(200, { message: "libelle_too_long" }),
  description: z
    .string()
    .max(20_000, { message: "description_too_long" })
    .transform((v) => sanitizeRichText(v))
    .pipe(z.string().min(1, { message: "description_required" })),
  descriptionTargetAudience: richText(5000),
  descriptionPj: richText(5000),
  messageFinDepot: richText(5000),
  lienSiteWeb: optionalUrl(500, "url_invalid"),
  lienNotice: optionalUrl(500, "url_invalid"),
  /** Checkbox "on"; absent: unchanged (default shown). */
  estimatedDurationVisible: z
    .union([z.string(), z.boolean()], { message: "invalid" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === true || v === "on")),
  cadreJuridique: optionalText(2000),
  lienDpo: optionalText(500).refine((v) => v === null || isUrlOrEmail(v), { message: "lien_dpo_invalid" }),
  dureeConservation: z.coerce
    .number({ message: "duree_conservation_invalid" })
    .int({ message: "duree_conservation_invalid" })
    .min(1, { message: "duree_conservation_invalid" })
    .max(12, { message: "duree_conservation_invalid" }),
  /** Public statistics (checkbox "on"); absent from a caller that does not set it: unchanged, or true at creation. */
  opendata: z
    .union([z.string(), z.boolean()], { message: "invalid" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === true || v === "on")),
});
export type TDemarcheInput = z.input<typeof ZDemarcheInput>;

function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function isUrlOrEmail(value: string) {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** zod issues → { field: i18n key } for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!(field in errors)) errors[field] = issue.message.split(":")[0] ?? "invalid";
  }
  return errors;
}
