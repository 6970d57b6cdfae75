/**
 * The service card of a démarche (the reference's `services`): who runs it and how usagers reach
 * them. Pure: the input schema the administrateur's form and the operations share.
 */
import { z } from "zod";
import { isValidSiret, normalizeSiret } from "../champs/types/siret";

/** The reference's `type_organisme` values (GraphQL enum `TypeOrganisme`). */
export const TYPES_ORGANISME = [
  "administration_centrale",
  "association",
  "collectivite_territoriale",
  "etablissement_enseignement",
  "operateur_d_etat",
  "service_deconcentre_de_l_etat",
  "autre",
] as const;
export type TypeOrganisme = (typeof TYPES_ORGANISME)[number];

/** La Poste's test SIRET, valid by its key but refused by the reference for a service. */
export const TEST_SIRET = "35600082800018";

/** A service's SIRET: 14 digits with a valid key, and not the test number. */
export function isServiceSiret(value: string): boolean {
  return value !== TEST_SIRET && isValidSiret(value);
}

const required = (max: number, code: string) =>
  z
    .string({ message: `${code}_required` })
    .trim()
    .min(1, { message: `${code}_required` })
    .max(max, { message: `${code}_too_long` });

/**
 * What the service form sends. Messages are keys of `presentation.service.errors`. The SIRET is
 * compacted (spaces, dots) before the Luhn check.
 */
export const ZServiceInput = z.object({
  nom: required(200, "nom"),
  organisme: required(300, "organisme"),
  typeOrganisme: z
    .string({ message: "type_organisme_invalid" })
    .pipe(z.enum(TYPES_ORGANISME, { message: "type_organisme_invalid" })),
  siret: z
    .string({ message: "siret_required" })
    .trim()
    .min(1, { message: "siret_required" })
    .transform((v) => normalizeSiret(v))
    .refine((v) => v !== TEST_SIRET, { message: "siret_test" })
    .refine((v) => isValidSiret(v), { message: "siret_invalid" }),
  email: required(320, "email").refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: "email_invalid" }),
  telephone: required(40, "telephone").refine((v) => /^\+?[0-9 ().-]{6,}$/.test(v), { message: "telephone_invalid" }),
  horaires: required(500, "horaires"),
  adresse: required(500, "adresse"),
});
export type TServiceInput = z.input<typeof ZServiceInput>;
export const SERVICE_FIELDS = [
  "nom",
  "organisme",
  "typeOrganisme",
  "siret",
  "email",
  "telephone",
  "horaires",
  "adresse",
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];
