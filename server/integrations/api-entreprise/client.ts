/**
 * Adapter of API Entreprise (https://entreprise.api.gouv.fr, v3/v4): SIRET → établissement,
 * entreprise (unité légale: raison sociale, forme juridique, effectif bracket), siège, intra-community
 * VAT number, association register (RNA). Token auth (`Authorization: Bearer`) with the mandatory
 * `context`, `recipient` (the platform's SIRET) and `object` parameters.
 *
 * The service is outside our control: every call has a timeout and any failure is reported, never
 * thrown. `not_found` (404) is the usager's mistake; `unavailable` (5xx, timeout, network, token or
 * parameter refusal, unexpected shape) puts the dossier in degraded mode (the SIRET is kept, a job
 * fetches the data later). The enrichments after the établissement (siège, TVA, association) are
 * best effort: their failure leaves their part empty.
 */
import { z } from "zod";
import type { AssociationData, EtablissementData } from "../../domain/entreprises/etablissement";

export interface ApiEntrepriseSettings {
  /** Base URL, e.g. `https://entreprise.api.gouv.fr`. */
  url: string;
  token: string;
  /** SIRET of the organisation running the platform (the `recipient` parameter). */
  recipient: string;
  timeoutMs: number;
}

export type EtablissementLookup =
  | { ok: true; data: EtablissementData }
  | { ok: false; reason: "not_found" | "unavailable"; detail: string };

const ZAdresse = z.object({
  numero_voie: z.string().nullable().optional(),
  type_voie: z.string().nullable().optional(),
  libelle_voie: z.string().nullable().optional(),
  complement_adresse: z.string().nullable().optional(),
  code_postal: z.string().nullable().optional(),
  libelle_commune: z.string().nullable().optional(),
  code_commune: z.string().nullable().optional(),
});

const ZCodeLibelle = z.object({ code: z.string().nullable().optional(), libelle: z.string().nullable().optional() });

const ZUniteLegale = z.object({
  siren: z.string(),
  rna: z.string().nullable().optional(),
  siret_siege_social: z.string().nullable().optional(),
  personne_morale_attributs: z
    .object({ raison_sociale: z.string().nullable().optional(), sigle: z.string().nullable().optional() })
    .nullable()
    .optional(),
  personne_physique_attributs: z
    .object({
      prenom_usuel: z.string().nullable().optional(),
      nom_usage: z.string().nullable().optional(),
      nom_naissance: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  forme_juridique: ZCodeLibelle.nullable().optional(),
  tranche_effectif_salarie: z
    .object({ code: z.string().nullable().optional(), intitule: z.string().nullable().optional() })
    .nullable()
    .optional(),
  etat_administratif: z.string().nullable().optional(),
  date_creation: z.number().nullable().optional(),
});

const ZEtablissement = z.object({
  siret: z.string().regex(/^\d{14}$/),
  siege_social: z.boolean(),
  etat_administratif: z.string(),
  enseigne: z.string().nullable().optional(),
  activite_principale: ZCodeLibelle.nullable().optional(),
  unite_legale: ZUniteLegale,
  adresse: ZAdresse,
});

const ZTva = z.object({ tva_number: z.string() });

const ZAssociation = z.object({
  rna: z.string(),
  nom: z.string().nullable().optional(),
  objet: z.string().nullable().optional(),
  date_creation: z.string().nullable().optional(),
  date_declaration: z.string().nullable().optional(),
  date_publication_journal_officiel: z.string().nullable().optional(),
});

type Answer = { ok: true; data: unknown } | { ok: false; status: number | null; detail: string };

async function get(settings: ApiEntrepriseSettings, path: string, object: string): Promise<Answer> {
  const url = new URL(path, `${settings.url.replace(/\/+$/, "")}/`);
  url.searchParams.set("context", "Guichet");
  url.searchParams.set("recipient", settings.recipient);
  url.searchParams.set("object", object);
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${settings.token}`, accept: "application/json" },
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, status: response.status, detail: `HTTP ${response.status}` };
    const body = JSON.parse(text) as { data?: unknown };
    return { ok: true, data: body?.data ?? null };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { ok: false, status: null, detail: name === "TimeoutError" ? "timeout" : `network: ${String(error)}` };
  }
}

function dateOf(seconds: number | null | undefined): string | null {
  return typeof seconds === "number" ? new Date(seconds * 1000).toISOString().slice(0, 10) : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function addressLabel(a: z.infer<typeof ZAdresse>): string {
  const street = [a.numero_voie, a.type_voie, a.libelle_voie].map(clean).filter(Boolean).join(" ");
  return [street, clean(a.complement_adresse), [clean(a.code_postal), clean(a.libelle_commune)].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
}

function departmentOf(cityCode: string | null | undefined): string | null {
  if (!cityCode) return null;
  return cityCode.startsWith("97") ? cityCode.slice(0, 3) : cityCode.slice(0, 2);
}

/** Looks an établissement up with everything the dossier keeps; never throws. */
export async function fetchEtablissement(settings: ApiEntrepriseSettings, siret: string): Promise<EtablissementLookup> {
  const object = `Identification du demandeur (SIRET ${siret})`;
  const answer = await get(settings, `v3/insee/sirene/etablissements/${siret}`, object);
  if (!answer.ok) {
    return answer.status === 404
      ? { ok: false, reason: "not_found", detail: answer.detail }
      : { ok: false, reason: "unavailable", detail: answer.detail };
  }
  const parsed = ZEtablissement.safeParse(answer.data);
  if (!parsed.success) return { ok: false, reason: "unavailable", detail: "unexpected établissement shape" };
  const e = parsed.data;
  const u = e.unite_legale;
  const siren = u.siren;

  const [siege, tva, association] = await Promise.all([
    e.siege_social ? Promise.resolve(null) : get(settings, `v3/insee/sirene/unites_legales/${siren}/siege_social`, object),
    get(settings, `v3/european_commission/unites_legales/${siren}/numero_tva`, object),
    u.rna ? get(settings, `v4/djepva/api-association/associations/${siret}`, object) : Promise.resolve(null),
  ]);
  const siegeParsed = siege?.ok ? ZEtablissement.safeParse(siege.data) : null;
  const tvaParsed = tva.ok ? ZTva.safeParse(tva.data) : null;
  const associationParsed = association?.ok ? ZAssociation.safeParse(association.data) : null;
  const associationData: AssociationData | null = associationParsed?.success
    ? {
        rna: associationParsed.data.rna,
        titre: clean(associationParsed.data.nom) ?? clean(u.personne_morale_attributs?.raison_sociale) ?? "",
        objet: clean(associationParsed.data.objet),
        dateCreation: clean(associationParsed.data.date_creation),
        dateDeclaration: clean(associationParsed.data.date_declaration),
        datePublication: clean(associationParsed.data.date_publication_journal_officiel),
      }
    : null;

  const raisonSociale =
    clean(u.personne_morale_attributs?.raison_sociale) ??
    [
      clean(u.personne_physique_attributs?.prenom_usuel),
      clean(u.personne_physique_attributs?.nom_usage ?? u.personne_physique_attributs?.nom_naissance),
    ]
      .filter(Boolean)
      .join(" ");
  const a = e.adresse;
  return {
    ok: true,
    data: {
      siret: e.siret,
      siegeSocial: e.siege_social,
      naf: clean(e.activite_principale?.code),
      libelleNaf: clean(e.activite_principale?.libelle) ?? "",
      enseigne: clean(e.enseigne),
      ferme: e.etat_administratif === "F",
      address: {
        label: addressLabel(a),
        streetNumber: clean(a.numero_voie),
        streetType: clean(a.type_voie),
        streetName: clean(a.libelle_voie),
        complement: clean(a.complement_adresse),
        postalCode: clean(a.code_postal) ?? "",
        cityName: clean(a.libelle_commune) ?? "",
        cityCode: clean(a.code_commune) ?? "",
        departmentCode: departmentOf(clean(a.code_commune)),
      },
      entreprise: {
        siren,
        raisonSociale,
        nomCommercial: clean(u.personne_morale_attributs?.sigle) ?? "",
        siretSiegeSocial: clean(u.siret_siege_social) ?? (e.siege_social ? e.siret : ""),
        formeJuridique: clean(u.forme_juridique?.libelle),
        formeJuridiqueCode: clean(u.forme_juridique?.code),
        codeEffectif: clean(u.tranche_effectif_salarie?.code),
        effectifIntitule: clean(u.tranche_effectif_salarie?.intitule),
        dateCreation: dateOf(u.date_creation),
        etatAdministratif: u.etat_administratif === "A" ? "Actif" : u.etat_administratif ? "Ferme" : null,
        numeroTvaIntracommunautaire: tvaParsed?.success ? tvaParsed.data.tva_number : null,
        capitalSocial: null,
        nom: clean(u.personne_physique_attributs?.nom_usage ?? u.personne_physique_attributs?.nom_naissance),
        prenom: clean(u.personne_physique_attributs?.prenom_usuel),
        enseigne: clean(e.enseigne),
        siegeAddress: siegeParsed?.success ? addressLabel(siegeParsed.data.adresse) : null,
      },
      association: associationData,
    },
  };
}
