/**
 * What Guichet keeps of an établissement looked up by SIRET (API Entreprise: INSEE Sirene
 * établissement and unité légale, the siège, the intra-community VAT number, the association
 * register when the unité légale has an RNA number). Stored as jsonb on `etablissements.data`,
 * parsed on read with `ZEtablissementData`. Pure: the adapter (server/integrations/api-entreprise)
 * builds it, pages and the API read it.
 */
import { z } from "zod";

/** Attempts of the job that fetches a degraded établissement's data (the reference retries 5 times). */
export const ETABLISSEMENT_FETCH_MAX_ATTEMPTS = 5;

export const ZEtablissementAddress = z.object({
  /** One line, as the reference's `inline_adresse` / `Address.label`. */
  label: z.string(),
  streetNumber: z.string().nullable(),
  streetType: z.string().nullable(),
  streetName: z.string().nullable(),
  complement: z.string().nullable(),
  postalCode: z.string(),
  cityName: z.string(),
  cityCode: z.string(),
  departmentCode: z.string().nullable(),
});
export type EtablissementAddress = z.infer<typeof ZEtablissementAddress>;

export const ZEntrepriseData = z.object({
  siren: z.string(),
  raisonSociale: z.string(),
  nomCommercial: z.string(),
  siretSiegeSocial: z.string(),
  formeJuridique: z.string().nullable(),
  formeJuridiqueCode: z.string().nullable(),
  /** INSEE's code of the headcount bracket (`tranche_effectif_salarie`), e.g. "12" = 20 to 49. */
  codeEffectif: z.string().nullable(),
  /** Its label, e.g. « 20 à 49 salariés ». */
  effectifIntitule: z.string().nullable(),
  dateCreation: z.string().nullable(),
  etatAdministratif: z.enum(["Actif", "Ferme"]).nullable(),
  numeroTvaIntracommunautaire: z.string().nullable(),
  capitalSocial: z.number().nullable(),
  nom: z.string().nullable(),
  prenom: z.string().nullable(),
  enseigne: z.string().nullable(),
  /** The siège's address, when the établissement is not the siège. */
  siegeAddress: z.string().nullable(),
});
export type EntrepriseData = z.infer<typeof ZEntrepriseData>;

export const ZAssociationData = z.object({
  rna: z.string(),
  titre: z.string(),
  objet: z.string().nullable(),
  dateCreation: z.string().nullable(),
  dateDeclaration: z.string().nullable(),
  datePublication: z.string().nullable(),
});
export type AssociationData = z.infer<typeof ZAssociationData>;

export const ZEtablissementData = z.object({
  siret: z.string().regex(/^\d{14}$/),
  siegeSocial: z.boolean(),
  naf: z.string().nullable(),
  libelleNaf: z.string(),
  enseigne: z.string().nullable(),
  /** A closed établissement (`etat_administratif` F) cannot file. */
  ferme: z.boolean(),
  address: ZEtablissementAddress,
  entreprise: ZEntrepriseData,
  association: ZAssociationData.nullable(),
});
export type EtablissementData = z.infer<typeof ZEtablissementData>;

/** Parses stored data; null when absent or of another shape (shown as « données indisponibles »). */
export function parseEtablissementData(value: unknown): EtablissementData | null {
  const parsed = ZEtablissementData.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The name an établissement goes by: the entreprise's raison sociale (or enseigne). */
export function etablissementName(data: EtablissementData): string {
  return data.entreprise.raisonSociale || data.enseigne || data.entreprise.nomCommercial || data.siret;
}
