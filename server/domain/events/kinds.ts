/**
 * The domain events: every change to a dossier or a démarche that something else reacts to
 * (badges, e-mails, webhooks, the operation log, statistics) is recorded as one event row, in the
 * same transaction as the change (architecture §8). This is their typed registry, like the field
 * types: each kind declares the payload it carries, checked when the event is recorded.
 *
 * Payloads stay small: identifiers and the few values a consumer needs without re-reading history
 * (a motivation, a label id). Consumers read the current state from the database when they need more.
 */
import { z } from "zod";
import { TRAITEMENT_EVENTS, type TraitementEvent } from "../dossier/transitions";
import { DELETION_REASONS } from "../dossier/expiry";

const ZStateChange = z.object({
  from: z.string(),
  to: z.string(),
  motivation: z.string().nullish(),
  /** The instructeur chose not to e-mail the usager (the API's `disableNotification`). */
  silent: z.boolean().optional(),
});

/** One event kind per traitement (state change): `dossier.<traitement event>`. */
type StateChangeKind = `dossier.${TraitementEvent}`;

const STATE_CHANGE_KINDS = Object.fromEntries(TRAITEMENT_EVENTS.map((event) => [`dossier.${event}`, ZStateChange])) as {
  [K in StateChangeKind]: typeof ZStateChange;
};

export const EVENT_KINDS = {
  ...STATE_CHANGE_KINDS,
  /** The usager changed values of a dossier already submitted (or an instructeur its annotations). */
  "dossier.modifie": z.object({ stream: z.enum(["main", "private"]), stableIds: z.array(z.number().int()).max(10_000) }),
  /**
   * The usager's changes not yet submitted (their buffer) were dropped: they cancelled them, or the
   * dossier left en construction (an instructeur passed it en instruction) before they submitted.
   */
  "dossier.modifications_abandonnees": z.object({ cause: z.enum(["usager", "passer_en_instruction"]) }),
  "dossier.suivi": z.object({ instructeurId: z.number().int() }),
  /**
   * The usager gave the SIRET of the établissement the dossier is for: `degraded` when API Entreprise
   * was down or slow (the SIRET is kept, its data fetched later by `fetch-etablissement`).
   */
  "dossier.etablissement_renseigne": z.object({ siret: z.string().regex(/^\d{14}$/), degraded: z.boolean() }),
  /** The data of an établissement kept in degraded mode arrived (job). */
  "dossier.etablissement_complete": z.object({ siret: z.string().regex(/^\d{14}$/) }),
  /** The usager filed for a bénéficiaire (mandataire), or stopped doing so. */
  "dossier.mandataire_modifie": z.object({ forTiers: z.boolean() }),
  "dossier.plus_suivi": z.object({ instructeurId: z.number().int() }),
  /** Archived / unarchived by an instructeur (terminé dossiers). */
  "dossier.archive": z.object({ instructeurId: z.number().int() }),
  "dossier.desarchive": z.object({ instructeurId: z.number().int() }),
  /** Put in the corbeille by the administration / restored from it (terminé dossiers). */
  "dossier.supprime": z.object({ instructeurId: z.number().int(), reason: z.enum(["instructeur_request"]) }),
  "dossier.restaure": z.object({ instructeurId: z.number().int() }),
  /**
   * The usager deleted their dossier (« Supprimer le dossier »: hidden, purged 2 weeks later, or for a
   * decided one once the administration deleted it too) / restored it; `transferCancelled` when it
   * was in a pending transfer, which the deletion cancels.
   */
  "dossier.supprime_par_usager": z.object({ state: z.string(), transferCancelled: z.boolean() }),
  "dossier.restaure_par_usager": z.object({ state: z.string() }),
  /** The usager duplicated another of their dossiers into this new brouillon (the reference's clone). */
  "dossier.duplique": z.object({ parentDossierId: z.number().int(), copiedStableIds: z.number().int().nonnegative() }),
  /** The owner invited a co-editor (e-mail) to the dossier / removed the invitation; or the invitee left it. */
  "dossier.invitation_envoyee": z.object({ inviteId: z.number().int(), email: z.string().max(320) }),
  "dossier.invitation_retiree": z.object({ email: z.string().max(320), by: z.enum(["owner", "invitee"]) }),
  /** The owner proposed the dossier (alone or with all of theirs) to another e-mail; accepted, refused or cancelled. */
  "dossier.transfert_propose": z.object({ transferId: z.number().int(), email: z.string().max(320) }),
  "dossier.transfert_accepte": z.object({
    transferId: z.number().int(),
    fromUserId: z.number().int(),
    toUserId: z.number().int(),
    fromEmail: z.string().max(320),
    toEmail: z.string().max(320),
  }),
  "dossier.transfert_refuse": z.object({ transferId: z.number().int(), email: z.string().max(320) }),
  "dossier.transfert_expire": z.object({ transferId: z.number().int(), email: z.string().max(320) }),
  /** The usager deleted their account: the submitted dossier stays without usager. */
  "dossier.titulaire_supprime": z.object({}),
  /** An avis was asked of an expert (by an instructeur or, when allowed, another expert). */
  "avis.demande": z.object({ avisId: z.number().int(), expertId: z.number().int(), confidentiel: z.boolean() }),
  /** The expert answered (`first`) or changed their answer. */
  "avis.rendu": z.object({ avisId: z.number().int(), expertId: z.number().int(), first: z.boolean() }),
  "avis.relance": z.object({ avisId: z.number().int(), expertId: z.number().int() }),
  "avis.revoque": z.object({ avisId: z.number().int(), expertId: z.number().int() }),
  /** The administrateur changed the démarche's experts settings or its list of experts. */
  "demarche.experts_modifies": z.object({
    change: z.enum(["settings", "expert_added", "expert_revoked", "expert_decision_access"]),
    expertId: z.number().int().optional(),
  }),
  /** An administrateur published the démarche (first publication, new revision, or reopening / new path). */
  "demarche.publiee": z.object({
    path: z.string(),
    /** The revision published; null when the form did not change (reopened or moved to another path). */
    revisionId: z.number().int().nullable(),
    republication: z.boolean(),
  }),
  /** An administrateur customised one of the démarche's state e-mails, or reset it to the default. */
  "demarche.modele_mail_modifie": z.object({
    template: z.enum(["initiated", "received", "closed", "refused", "without_continuation", "re_instructed"]),
    change: z.enum(["saved", "reset"]),
  }),
  /** An administrateur changed one of the démarche's attestation templates. */
  "demarche.modele_attestation_modifie": z.object({
    template: z.enum(["acceptation", "refus"]),
    change: z.enum(["saved", "activated", "deactivated", "logo_added", "logo_removed", "signature_added", "signature_removed"]),
  }),
  /**
   * The démarche was closed: by an administrateur (possibly in favour of a replacement, telling the
   * usagers with brouillons / dossiers en cours), or by the system on its closing date (`automatic`).
   */
  "demarche.close": z.object({
    replacedByDemarcheId: z.number().int().nullish(),
    notifyBrouillon: z.boolean().optional(),
    notifyEnCours: z.boolean().optional(),
    automatic: z.boolean().optional(),
  }),
  /**
   * An administrateur (whole démarche) or an instructeur (the dossiers of `groupeIds`, their groupes)
   * asked for the monthly archive of `month` (YYYY-MM); generated, then e-mailed.
   */
  "demarche.archive_demandee": z.object({
    archiveId: z.number().int(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    groupeIds: z.array(z.number().int()).optional(),
  }),
  "demarche.archive_generee": z.object({
    archiveId: z.number().int(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    count: z.number().int().nonnegative(),
    groupeIds: z.array(z.number().int()).optional(),
  }),
  /** An administrateur unpublished the démarche (its link stops; brouillons may still be submitted). */
  "demarche.depubliee": z.object({}),
  /** An administrateur set (day) or removed (null) the démarche's closing date. */
  "demarche.date_fermeture": z.object({ day: z.string().nullable() }),
  /** Put in the corbeille / restored from it by an administrateur. */
  "demarche.supprimee": z.object({ previousState: z.string() }),
  "demarche.restauree": z.object({}),
  /** Created as a clone of another démarche (`sourceDemarcheId`) or of a gallery model (`model`). */
  "demarche.clonee": z.object({ sourceDemarcheId: z.number().int().nullable(), model: z.string().nullable() }),
  /** An administrateur changed the démarche's special procedures (declarative, SVA/SVR, accusé de lecture). */
  /** The administrateur chose who files: particuliers or personnes morales, and whether for a tiers. */
  "demarche.audience_modifiee": z.object({ forIndividual: z.boolean(), forTiersEnabled: z.boolean() }),
  "demarche.procedures_speciales_modifiees": z.object({
    declarative: z.enum(["en_instruction", "accepte"]).nullable(),
    svaSvr: z.enum(["disabled", "sva", "svr"]),
    accuseLecture: z.boolean(),
  }),
  /** The usager acknowledged the decision hidden by the démarche's accusé de lecture. */
  "dossier.accuse_lecture": z.object({}),
  /** An administrateur changed the presentation (the fields named) or chose the démarche's service. */
  "demarche.presentation_modifiee": z.object({ fields: z.array(z.string().max(50)).max(30) }),
  "demarche.service_choisi": z.object({ serviceId: z.number().int() }),
  /** Another démarche of the administrateur was published at this one's path: the path moved there (this one unpublished if it was published). */
  "demarche.chemin_deplace": z.object({
    path: z.string(),
    toDemarcheId: z.number().int(),
    unpublished: z.boolean(),
  }),
  /** An administrateur added another administrateur to the démarche (invited when they had no account). */
  "demarche.administrateur_ajoute": z.object({
    administrateurId: z.number().int(),
    email: z.string().max(320),
    invited: z.boolean(),
  }),
  /** An administrateur removed an administrateur (possibly themselves) from the démarche. */
  "demarche.administrateur_retire": z.object({ administrateurId: z.number().int(), email: z.string().max(320) }),
  /** An instructeur put a label of the démarche on the dossier / took it off. */
  "label.ajoute": z.object({ labelId: z.number().int(), name: z.string() }),
  "label.retire": z.object({ labelId: z.number().int(), name: z.string() }),
  /** An instructeur sent the dossier to colleagues of its groupe (the reference's `send_to_instructeurs`). */
  "dossier.envoye_a_un_collegue": z.object({
    instructeurIds: z.array(z.number().int()).min(1).max(100),
    message: z.string().max(2000),
  }),
  /**
   * The dossier changed groupe instructeur: routed at submission (`auto`), moved by an instructeur
   * (`manual`) or by the administrateur's re-routing of the démarche (`bulk`). `from` is null at the
   * first routing.
   */
  "dossier.groupe_change": z.object({
    mode: z.enum(["auto", "manual", "bulk"]),
    fromGroupeId: z.number().int().nullable(),
    fromLabel: z.string().nullable(),
    toGroupeId: z.number().int(),
    toLabel: z.string(),
    /** Followers who are not in the new groupe: they stopped following it (and are told). */
    unfollowedInstructeurIds: z.array(z.number().int()).max(10_000).optional(),
  }),
  /** The administrateur changed the démarche's groupes instructeurs, their members or their rules. */
  "demarche.groupes_modifies": z.object({
    change: z.enum([
      "created",
      "renamed",
      "closed",
      "reopened",
      "deleted",
      "default_changed",
      "rule_changed",
      "instructeurs_added",
      "instructeur_removed",
      "imported",
      "simple_routing",
      "rerouted",
      "self_management_enabled",
      "self_management_disabled",
      "contact_changed",
      "signature_changed",
    ]),
    groupeId: z.number().int().optional(),
    count: z.number().int().optional(),
  }),
  /** A message in the messagerie (never a system copy of an e-mail); `correction` when it asks one. */
  "message.envoye": z.object({
    commentaireId: z.number().int(),
    authorKind: z.enum(["usager", "instructeur", "expert"]),
    correction: z.enum(["incorrect", "incomplete", "outdated"]).nullish(),
  }),
  /** The administrateur changed the démarche's webhooks (subscriptions, the legacy `web_hook_url`) or replayed deliveries. */
  "demarche.webhooks_modifies": z.object({
    change: z.enum(["created", "updated", "deleted", "web_hook_url", "replayed"]),
    subscriptionId: z.number().int().optional(),
    count: z.number().int().optional(),
  }),
  /** Conservation (§2.6): the usager was told the dossier is deleted on `expiredAt` (the daily job). */
  "dossier.expirant": z.object({ expiredAt: z.string() }),
  /** The dossier reached the end of its conservation and was hidden (purged 2 weeks later unless extended). */
  "dossier.expire": z.object({ state: z.string() }),
  /** « Conserver plus longtemps » by the usager or an instructeur; `restored` when it un-hid an expired dossier. */
  "dossier.conservation_prolongee": z.object({
    by: z.enum(["usager", "instructeur"]),
    months: z.number().int(),
    restored: z.boolean(),
  }),
  /**
   * A dossier was deleted for good (daily purge): a démarche event (the dossier's own events go with
   * it), `tombstone` when it left a `deleted_dossiers` row (submitted dossiers).
   */
  "dossier.purge": z.object({
    dossierId: z.number().int(),
    state: z.string(),
    reason: z.enum([...DELETION_REASONS, "not_modified_for_a_long_time"]),
    tombstone: z.boolean(),
  }),
  /**
   * The platform reminded the owner of a brouillon that the démarche closes on `closingOn` (the
   * reference's `NotifyDraftNotSubmittedJob`, 2 days before): once per dossier.
   */
  "dossier.rappel_brouillon_avant_fermeture": z.object({ closingOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** Its author deleted a message (it stays as « Message supprimé »). */
  "message.supprime": z.object({ commentaireId: z.number().int() }),
} as const satisfies Record<string, z.ZodType>;

export type EventKind = keyof typeof EVENT_KINDS;
export type EventPayload<K extends EventKind> = z.input<(typeof EVENT_KINDS)[K]>;

/** Who caused the event: the persona acting, or the platform itself (cron, automatic decisions). */
export const EVENT_ACTORS = ["usager", "instructeur", "administrateur", "expert", "api", "system"] as const;
export type EventActor = (typeof EVENT_ACTORS)[number];

export function stateChangeKind(event: TraitementEvent): StateChangeKind {
  return `dossier.${event}`;
}

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === "string" && Object.hasOwn(EVENT_KINDS, value);
}

/** Checks a payload against its kind's schema: the refusal issues, or null when it fits. */
export function payloadIssues(kind: EventKind, payload: unknown): string[] | null {
  const parsed = EVENT_KINDS[kind].safeParse(payload);
  if (parsed.success) return null;
  return parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(payload)"}: ${issue.message}`);
}
