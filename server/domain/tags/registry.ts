/**
 * Which tags exist and where they may be used (the reference's `TagsSubstitutionConcern`).
 *
 * A template is one of `TAG_TEMPLATE_KINDS`: the six state e-mails and the two attestations. Each
 * is rendered for a dossier in one state (`TAG_TEMPLATES[kind].state`) and through one medium
 * (mail or attestation). A tag is available in a template when the template's state is one of the
 * tag's `states`, its medium one of the tag's `media` (absent: both), and the démarche matches
 * `applies` (absent: always): a `--motivation--` in the accusé de réception is « unavailable », not
 * « unknown ».
 *
 * Fixed tags are the list `FIXED_TAGS`: add an entry to extend it (e.g. the SVA/SVR date). Field
 * tags are built from the revision: every public field (states « soumis ») and every annotation
 * privée (states « instruction commencée »), plus the sub-tags of `CHAMP_SUB_TAGS`.
 */
import type { Locale } from "../../../common/i18n/types";
import { isMailTemplateKind, MAIL_TEMPLATE_KINDS, type MailTemplateKind, type TagCategory } from "../../../common/mail-templates";
import type { JsonValue } from "../champs/definition";
import { champKey } from "../form/keys";
import type { FlatChampDescriptor } from "../form/tree";
import { buildFormTree } from "../form/tree";
import { type DossierState, SOUMIS_STATES, TERMINE_STATES } from "../dossier/states";
import { CHAMP_SUB_TAGS, formatChampForTag, hasTag, type TagChampValues } from "./champ-values";
import { normalizeTagLibelle } from "./parse";

// ---------------------------------------------------------------- templates

export { MAIL_TEMPLATE_KINDS, type MailTemplateKind, isMailTemplateKind };

/** The two attestations (acceptation, refus). */
export const ATTESTATION_KINDS = ["attestation_acceptation", "attestation_refus"] as const;
export type AttestationKind = (typeof ATTESTATION_KINDS)[number];

export const TAG_TEMPLATE_KINDS = [...MAIL_TEMPLATE_KINDS, ...ATTESTATION_KINDS] as const;
export type TagTemplateKind = (typeof TAG_TEMPLATE_KINDS)[number];

export type TagMedium = "mail" | "attestation";

/** The state each template is rendered in, and its medium. */
export const TAG_TEMPLATES: Record<TagTemplateKind, { state: DossierState; medium: TagMedium }> = {
  initiated: { state: "en_construction", medium: "mail" },
  received: { state: "en_instruction", medium: "mail" },
  closed: { state: "accepte", medium: "mail" },
  refused: { state: "refuse", medium: "mail" },
  without_continuation: { state: "sans_suite", medium: "mail" },
  re_instructed: { state: "en_instruction", medium: "mail" },
  attestation_acceptation: { state: "accepte", medium: "attestation" },
  attestation_refus: { state: "refuse", medium: "attestation" },
};

/** States where the instruction has begun (the reference's `INSTRUCTION_COMMENCEE`). */
export const INSTRUCTION_COMMENCEE_STATES = ["en_instruction", ...TERMINE_STATES] as const satisfies readonly DossierState[];

// ---------------------------------------------------------------- data

/** What the démarche is, for the tags that exist only on some (identity kind, routing, SVA/SVR). */
export interface TagDemarcheContext {
  /** Personne physique (civilité, nom, prénom) or personne morale (SIRET, raison sociale…). */
  forIndividual: boolean;
  /** Several groupes instructeurs: `--groupe instructeur--` exists. */
  routingEnabled: boolean;
  /** SVA or SVR démarche (helper `special`): `--date prévisionnelle SVA/SVR--`. */
  svaSvr?: boolean;
  /** The revision's fields, flat as `loadRevisionChamps` gives them; `private` marks annotations. */
  fields: readonly (FlatChampDescriptor & { private: boolean })[];
}

/** One dossier's values, everything a tag may read. Dates are instants; they render in Paris time. */
export interface TagDossierData {
  number: number;
  state: DossierState;
  deposeAt: Date | null;
  enInstructionAt: Date | null;
  processedAt: Date | null;
  updatedAt: Date | null;
  motivation: string | null;
  demarche: {
    libelle: string;
    /**
     * « nom du service ». Today the démarche has no service card: callers pass the organisme they
     * know (or null). Helper `present` adds the `services` table: fill it from the démarche's service.
     */
    serviceName: string | null;
  };
  /** Personne physique. */
  individual: { civilite: string | null; nom: string | null; prenom: string | null } | null;
  /** Personne morale (no établissement is stored yet: null renders empty). */
  entreprise: {
    siren: string | null;
    numeroTva: string | null;
    siretSiege: string | null;
    raisonSociale: string | null;
    adresse: string | null;
  } | null;
  groupeInstructeur: string | null;
  /** Absolute URLs; null when there is none (no attestation yet). */
  links: { dossier: string; attestation?: string | null; justificatif?: string | null };
  /** Field values by `champKey`. */
  champs: TagChampValues;
  /** SVA/SVR decision date, when the démarche is one. */
  svaSvrDecisionOn?: Date | null;
}

// ---------------------------------------------------------------- tags

export type { TagCategory };

export interface TagDefinition {
  /** Stable id (`dossier_number`, `tdc12`, `tdc12/primaire`); `--<id>--` is accepted too for field tags. */
  id: string;
  /** What is written between the dashes (French, as the reference: tags are the same in every UI language). */
  libelle: string;
  category: TagCategory;
  /** States of the templates it may appear in. */
  states: readonly DossierState[];
  /** Media it may appear in; absent: mail and attestation. */
  media?: readonly TagMedium[];
  /** Whether the démarche has this tag at all; absent: every démarche. */
  applies?: (demarche: TagDemarcheContext) => boolean;
  /** i18n key (under `tags.descriptions`) of what it gives, for the picker; field tags have none. */
  description?: string;
  /** Its text for one dossier (plain text: callers escape). */
  value: (data: TagDossierData, locale: Locale) => string;
}

const PARIS_DATE = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** Tag dates are dd/mm/yyyy in Paris time, as the reference (the same in both languages). */
export function formatTagDate(date: Date | null | undefined): string {
  return date ? PARIS_DATE.format(date) : "";
}

const forIndividual = (d: TagDemarcheContext) => d.forIndividual;
const forEntreprise = (d: TagDemarcheContext) => !d.forIndividual;

/** The fixed tags, in picker order. Extend by adding entries (ids and libellés must stay unique). */
export const FIXED_TAGS: TagDefinition[] = [
  {
    id: "dossier_number",
    libelle: "numéro du dossier",
    category: "dossier",
    states: SOUMIS_STATES,
    description: "dossier_number",
    value: (d) => String(d.number),
  },
  {
    id: "dossier_motivation",
    libelle: "motivation",
    category: "dossier",
    states: TERMINE_STATES,
    description: "dossier_motivation",
    value: (d) => d.motivation ?? "",
  },
  {
    id: "dossier_depose_at",
    libelle: "date de dépôt",
    category: "dossier",
    states: SOUMIS_STATES,
    description: "dossier_depose_at",
    value: (d) => formatTagDate(d.deposeAt),
  },
  {
    id: "dossier_en_instruction_at",
    libelle: "date de passage en instruction",
    category: "dossier",
    states: INSTRUCTION_COMMENCEE_STATES,
    description: "dossier_en_instruction_at",
    value: (d) => formatTagDate(d.enInstructionAt),
  },
  {
    id: "dossier_processed_at",
    libelle: "date de décision",
    category: "dossier",
    states: TERMINE_STATES,
    description: "dossier_processed_at",
    value: (d) => formatTagDate(d.processedAt),
  },
  {
    id: "dossier_updated_at",
    libelle: "date de mise à jour",
    category: "dossier",
    states: SOUMIS_STATES,
    description: "dossier_updated_at",
    value: (d) => formatTagDate(d.updatedAt),
  },
  {
    id: "dossier_url",
    libelle: "lien dossier",
    category: "dossier",
    states: SOUMIS_STATES,
    media: ["mail"],
    description: "dossier_url",
    value: (d) => d.links.dossier,
  },
  {
    id: "dossier_attestation_url",
    libelle: "lien attestation",
    category: "dossier",
    states: ["accepte", "refuse"],
    media: ["mail"],
    description: "dossier_attestation_url",
    value: (d) => d.links.attestation ?? "",
  },
  {
    id: "dossier_justificatif_url",
    libelle: "lien document justificatif",
    category: "dossier",
    states: TERMINE_STATES,
    media: ["mail"],
    description: "dossier_justificatif_url",
    value: (d) => d.links.justificatif ?? "",
  },
  {
    id: "dossier_sva_svr_decision_on",
    libelle: "date prévisionnelle SVA/SVR",
    category: "dossier",
    states: SOUMIS_STATES,
    applies: (d) => d.svaSvr === true,
    description: "dossier_sva_svr_decision_on",
    value: (d) => formatTagDate(d.svaSvrDecisionOn),
  },
  {
    id: "demarche_libelle",
    libelle: "libellé démarche",
    category: "demarche",
    states: SOUMIS_STATES,
    description: "demarche_libelle",
    value: (d) => d.demarche.libelle,
  },
  {
    // Helper `present`: the service card's name (and later its other fields) plug in here.
    id: "dossier_service_name",
    libelle: "nom du service",
    category: "demarche",
    states: SOUMIS_STATES,
    description: "dossier_service_name",
    value: (d) => d.demarche.serviceName ?? "",
  },
  {
    id: "groupe_instructeur",
    libelle: "groupe instructeur",
    category: "demarche",
    states: SOUMIS_STATES,
    applies: (d) => d.routingEnabled,
    description: "groupe_instructeur",
    value: (d) => d.groupeInstructeur ?? "",
  },
  {
    id: "individual_civilite",
    libelle: "civilité",
    category: "individual",
    states: SOUMIS_STATES,
    applies: forIndividual,
    description: "individual_civilite",
    value: (d) => d.individual?.civilite ?? "",
  },
  {
    id: "individual_nom",
    libelle: "nom",
    category: "individual",
    states: SOUMIS_STATES,
    applies: forIndividual,
    description: "individual_nom",
    value: (d) => d.individual?.nom ?? "",
  },
  {
    id: "individual_prenom",
    libelle: "prénom",
    category: "individual",
    states: SOUMIS_STATES,
    applies: forIndividual,
    description: "individual_prenom",
    value: (d) => d.individual?.prenom ?? "",
  },
  {
    id: "entreprise_siren",
    libelle: "SIREN",
    category: "entreprise",
    states: SOUMIS_STATES,
    applies: forEntreprise,
    description: "entreprise_siren",
    value: (d) => d.entreprise?.siren ?? "",
  },
  {
    id: "entreprise_numero_tva",
    libelle: "numéro de TVA intracommunautaire",
    category: "entreprise",
    states: SOUMIS_STATES,
    applies: forEntreprise,
    description: "entreprise_numero_tva",
    value: (d) => d.entreprise?.numeroTva ?? "",
  },
  {
    id: "entreprise_siret_siege",
    libelle: "SIRET du siège social",
    category: "entreprise",
    states: SOUMIS_STATES,
    applies: forEntreprise,
    description: "entreprise_siret_siege",
    value: (d) => d.entreprise?.siretSiege ?? "",
  },
  {
    id: "entreprise_raison_sociale",
    libelle: "raison sociale",
    category: "entreprise",
    states: SOUMIS_STATES,
    applies: forEntreprise,
    description: "entreprise_raison_sociale",
    value: (d) => d.entreprise?.raisonSociale ?? "",
  },
  {
    id: "entreprise_adresse",
    libelle: "adresse",
    category: "entreprise",
    states: SOUMIS_STATES,
    applies: forEntreprise,
    description: "entreprise_adresse",
    value: (d) => d.entreprise?.adresse ?? "",
  },
];

/** The tags of the revision's fields: public ones in « soumis » states, annotations once instruction began. */
export function champTags(fields: TagDemarcheContext["fields"]): TagDefinition[] {
  const tree = buildFormTree(fields);
  const tags: TagDefinition[] = [];
  for (const field of tree) {
    if (!hasTag(field.type)) continue;
    const annotation = field.private;
    const states = annotation ? INSTRUCTION_COMMENCEE_STATES : SOUMIS_STATES;
    const category: TagCategory = annotation ? "annotation" : "champ";
    const libelle = normalizeTagLibelle(field.libelle);
    if (libelle === "") continue;
    tags.push({
      id: `tdc${field.stableId}`,
      libelle,
      category,
      states,
      value: (d, locale) => formatChampForTag(field, d.champs, locale),
    });
    for (const sub of CHAMP_SUB_TAGS[field.type] ?? []) {
      tags.push({
        id: `tdc${field.stableId}/${sub.path}`,
        libelle: normalizeTagLibelle(`${field.libelle}${sub.suffix}`),
        category,
        states,
        value: (d, locale) => {
          const stored: JsonValue | undefined = d.champs.get(champKey(field.stableId));
          return stored === undefined || stored === null ? "" : sub.read(stored, locale);
        },
      });
    }
  }
  return tags;
}

/**
 * Every tag of the démarche (fixed ones that apply, then its fields), whatever the template. When
 * a field's libellé equals a fixed tag's, the fixed tag wins (it comes first), as the reference.
 */
export function demarcheTags(demarche: TagDemarcheContext): TagDefinition[] {
  return [...FIXED_TAGS.filter((tag) => tag.applies?.(demarche) ?? true), ...champTags(demarche.fields)];
}

export function isTagAvailable(tag: TagDefinition, kind: TagTemplateKind): boolean {
  const { state, medium } = TAG_TEMPLATES[kind];
  return tag.states.includes(state) && (tag.media?.includes(medium) ?? true);
}

/** The tags a template may use, for the picker and the validation (first of each libellé only). */
export function availableTags(demarche: TagDemarcheContext, kind: TagTemplateKind): TagDefinition[] {
  return uniqueByLibelle(demarcheTags(demarche)).filter((tag) => isTagAvailable(tag, kind));
}

export function uniqueByLibelle(tags: readonly TagDefinition[]): TagDefinition[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    if (seen.has(tag.libelle)) return false;
    seen.add(tag.libelle);
    return true;
  });
}

/** Finds a tag by libellé, or by id for field tags (`tdc12`), among `tags` (first match). */
export function findTag(tags: readonly TagDefinition[], libelle: string): TagDefinition | undefined {
  return (
    tags.find((tag) => tag.libelle === libelle) ??
    (libelle.startsWith("tdc") ? tags.find((tag) => tag.id === libelle) : undefined)
  );
}
