/**
 * `Dossier.demandeur` as a personne morale: the établissement looked up by SIRET (API Entreprise),
 * `PersonneMorale` with its `Entreprise` and `Association` once the data is there,
 * `PersonneMoraleIncomplete` (the SIRET alone) while in degraded mode, as the reference. Dossiers
 * without an établissement are `PersonnePhysique`. Batched by dossier id.
 */
import DataLoader from "dataloader";
import type { Db } from "../../db/client";
import type { EtablissementData } from "../../domain/entreprises/etablissement";
import { type DossierEtablissement, loadDossierEtablissements } from "../../lookups/etablissement";
import { toGlobalId } from "../ids";
import { addressView } from "./address";
import type { GraphqlContext } from "./context";
import type { DossierRow } from "../loaders";

export function createEtablissementLoaders(db: Db) {
  return {
    etablissement: new DataLoader<number, DossierEtablissement | null>(async (ids) => {
      const map = await loadDossierEtablissements(db, ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export interface DemandeurSource {
  __dossier: DossierRow;
  __etablissement: DossierEtablissement | null;
}

export async function dossierDemandeur(d: DossierRow, ctx: GraphqlContext): Promise<DemandeurSource> {
  return { __dossier: d, __etablissement: await ctx.loaders.etablissement.load(d.id) };
}

type MoraleSource = DemandeurSource & { __etablissement: DossierEtablissement & { data: EtablissementData } };

export function demandeurTypename(source: DemandeurSource) {
  if (!source.__etablissement) return "PersonnePhysique";
  return source.__etablissement.data ? "PersonneMorale" : "PersonneMoraleIncomplete";
}

const data = (s: MoraleSource) => s.__etablissement.data;
/** « Actif » / « Ferme » dates from INSEE are `YYYY-MM-DD`; anything else is not a date. */
const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

export const personneMoraleResolvers = {
  PersonneMorale: {
    id: (s: MoraleSource) => toGlobalId("Etablissement", s.__dossier.id),
    siret: (s: MoraleSource) => data(s).siret,
    siegeSocial: (s: MoraleSource) => data(s).siegeSocial,
    naf: (s: MoraleSource) => data(s).naf,
    libelleNaf: (s: MoraleSource) => data(s).libelleNaf,
    address: (s: MoraleSource) => {
      const a = data(s).address;
      const street = [a.streetNumber, a.streetType, a.streetName].filter(Boolean).join(" ");
      return addressView({
        label: a.label,
        type: a.streetName ? "housenumber" : "municipality",
        streetAddress: street || null,
        streetNumber: a.streetNumber,
        streetName: a.streetName,
        postalCode: a.postalCode,
        cityName: a.cityName,
        cityCode: a.cityCode,
        departmentCode: a.departmentCode,
        regionCode: null,
        countryCode: "FR",
      });
    },
    adresse: (s: MoraleSource) => data(s).address.label,
    codeInseeLocalite: (s: MoraleSource) => data(s).address.cityCode,
    codePostal: (s: MoraleSource) => data(s).address.postalCode,
    complementAdresse: (s: MoraleSource) => data(s).address.complement,
    localite: (s: MoraleSource) => data(s).address.cityName,
    nomVoie: (s: MoraleSource) => data(s).address.streetName,
    numeroVoie: (s: MoraleSource) => data(s).address.streetNumber,
    typeVoie: (s: MoraleSource) => data(s).address.streetType,
    entreprise: (s: MoraleSource) => data(s).entreprise,
    association: (s: MoraleSource) => data(s).association,
  },
  PersonneMoraleIncomplete: {
    id: (s: DemandeurSource) => toGlobalId("Etablissement", s.__dossier.id),
    siret: (s: DemandeurSource) => s.__etablissement?.siret ?? "",
  },
  Entreprise: {
    capitalSocial: (e: EtablissementData["entreprise"]) =>
      e.capitalSocial === null ? null : String(Math.trunc(e.capitalSocial)),
    codeEffectifEntreprise: (e: EtablissementData["entreprise"]) => e.codeEffectif,
    dateCreation: (e: EtablissementData["entreprise"]) => isoDate(e.dateCreation),
    inlineAdresse: (e: EtablissementData["entreprise"]) => e.siegeAddress ?? "",
    // Not fetched (API Entreprise's attestations and headcounts need further scopes).
    attestationFiscaleAttachment: () => null,
    attestationSocialeAttachment: () => null,
    effectifAnnuel: () => null,
    effectifMensuel: () => null,
  },
  Association: {
    dateCreation: (a: NonNullable<EtablissementData["association"]>) => isoDate(a.dateCreation),
    dateDeclaration: (a: NonNullable<EtablissementData["association"]>) => isoDate(a.dateDeclaration),
    datePublication: (a: NonNullable<EtablissementData["association"]>) => isoDate(a.datePublication),
  },
};
