/**
 * A made-up dossier to preview a template when the démarche has none yet (or the administrateur
 * prefers it): fixed identity and dates, and each field filled with its type's sample input.
 */
import type { Locale } from "../../../common/i18n/types";
import type { JsonValue } from "../champs/definition";
import { getTypeDeChamp, usableOptions } from "../champs/registry";
import { champKey } from "../form/keys";
import { TAG_TEMPLATES, type TagDemarcheContext, type TagDossierData, type TagTemplateKind } from "./registry";

export const SAMPLE_DOSSIER_NUMBER = 12345;

export function sampleTagDossierData(
  demarche: TagDemarcheContext,
  demarcheInfo: { libelle: string; serviceName: string | null },
  kind: TagTemplateKind,
  appUrl: string,
  now: Date,
  locale: Locale,
): TagDossierData {
  const champs = new Map<string, JsonValue>();
  const rowId = "exemple";
  for (const field of demarche.fields) {
    const definition = getTypeDeChamp(field.type);
    if (field.type === "repetition") {
      champs.set(champKey(field.stableId), [rowId]);
      continue;
    }
    if (!definition.hasValue || definition.writtenByForm === false) continue;
    const options = usableOptions(field);
    let value: JsonValue | null = null;
    try {
      value = definition.parseFormInput(definition.sampleFormInput(options), options, () => undefined) as JsonValue | null;
    } catch {
      value = null;
    }
    if (value !== null) champs.set(champKey(field.stableId, field.parentStableId === null ? "" : rowId), value);
  }
  const day = 24 * 3600 * 1000;
  return {
    number: SAMPLE_DOSSIER_NUMBER,
    state: TAG_TEMPLATES[kind].state,
    deposeAt: new Date(now.getTime() - 10 * day),
    enInstructionAt: new Date(now.getTime() - 5 * day),
    processedAt: now,
    updatedAt: now,
    motivation: locale === "fr" ? "Motivation de la décision (exemple)" : "Reason for the decision (example)",
    demarche: demarcheInfo,
    individual: demarche.forIndividual ? { civilite: "Mme", nom: "Dupont", prenom: "Camille" } : null,
    entreprise: demarche.forIndividual
      ? null
      : {
          siren: "110000031",
          numeroTva: "FR40110000031",
          siretSiege: "11000003100014",
          raisonSociale: "Exemple SA",
          adresse: "20 avenue de Ségur 75007 Paris",
        },
    groupeInstructeur: demarche.routingEnabled ? (locale === "fr" ? "Groupe exemple" : "Example groupe") : null,
    links: {
      dossier: `${appUrl}/dossiers/${SAMPLE_DOSSIER_NUMBER}`,
      attestation: `${appUrl}/dossiers/${SAMPLE_DOSSIER_NUMBER}/attestation`,
      justificatif: null,
    },
    champs,
    svaSvrDecisionOn: demarche.svaSvr ? new Date(now.getTime() + 30 * day) : null,
  };
}
