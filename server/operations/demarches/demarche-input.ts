import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `too_long:${max}` })
    .transform((v) => (v === "" ? null : v));

/**
 * The presentation of a démarche as the administrateur edits it (create and update share it).
 * Messages are i18n keys of the `admin` namespace (`admin.demarcheForm.errors.<key>`).
 */
export const ZDemarcheInput = z.object({
  libelle: z.string().trim().min(1, { message: "libelle_required" }).max(200, { message: "libelle_too_long" }),
  description: z.string().trim().min(1, { message: "description_required" }).max(20_000, { message: "description_too_long" }),
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
