/**
 * Conservation and expiry of dossiers (ds-behaviour §2.5 hard purge, §2.6), pure.
 *
 * - The reference date: a brouillon's last change of its champs or identity (else its last update),
 *   an en_construction dossier's submission, a decided dossier's decision; en_instruction never expires.
 * - The conservation: the démarche's durée de conservation (months; a brouillon at most 3) plus the
 *   extensions granted (months).
 * - The expiry date: reference + conservation; once the notice was sent, notice + 2 weeks (the grace
 *   period the usager is told about).
 * - At expiry the dossier is hidden (`hidden_by_expired_at`); it is purged (tombstone, files) 2 weeks
 *   after it was hidden by expiry, by its usager (brouillon, en construction), or by both the usager
 *   and the administration (decided dossiers: double deletion).
 *
 * The database keeps `dossiers.expired_at` with the same rule (trigger `dossiers_expired_at`); an
 * integration test checks they agree.
 */
import type { DossierState } from "./states";

export const NOTICE_DAYS = 14;
export const BROUILLON_MAX_MONTHS = 3;
/** A hidden dossier stays restorable this long before it is purged. */
export const PURGE_AFTER_DAYS = 14;
/** A brouillon nobody ever filled in (no champ, identity, établissement, message) is deleted after this. */
export const NEVER_TOUCHED_DAYS = 14;
/** What the instructeur's « conserver plus longtemps » adds (the reference's batch: 1 month). */
export const INSTRUCTEUR_EXTENSION_MONTHS = 1;

const DAY_MS = 86_400_000;

const TERMINE: ReadonlySet<DossierState> = new Set(["accepte", "refuse", "sans_suite"]);

export interface ExpiryFacts {
  state: DossierState;
  updatedAt: Date;
  lastChampUpdatedAt: Date | null;
  identityUpdatedAt: Date | null;
  enConstructionAt: Date | null;
  processedAt: Date | null;
  /** The démarche's durée de conservation, months. */
  dureeConservation: number;
  /** Extensions granted so far, months. */
  conservationExtension: number;
  expirationNoticeSentAt: Date | null;
}

/** Adds calendar months in UTC, clamping to the month's last day (as PostgreSQL's `+ interval`). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function isTermine(state: DossierState): boolean {
  return TERMINE.has(state);
}

/** The date the conservation runs from; null when the dossier never expires (en instruction). */
export function expirationReference(d: ExpiryFacts): Date | null {
  switch (d.state) {
    case "brouillon": {
      const touched = [d.lastChampUpdatedAt, d.identityUpdatedAt].filter((x): x is Date => x !== null);
      if (touched.length === 0) return d.updatedAt;
      return new Date(Math.max(...touched.map((x) => x.getTime())));
    }
    case "en_construction":
      return d.enConstructionAt;
    case "en_instruction":
      return null;
    default:
      return d.processedAt;
  }
}

/** Months the dossier is kept after its reference date. */
export function conservationMonths(d: Pick<ExpiryFacts, "state" | "dureeConservation" | "conservationExtension">): number {
  const base = d.state === "brouillon" ? Math.min(d.dureeConservation, BROUILLON_MAX_MONTHS) : d.dureeConservation;
  return base + d.conservationExtension;
}

/** When the dossier expires (`expired_at`); null when it never does. */
export function expirationDate(d: ExpiryFacts): Date | null {
  const reference = expirationReference(d);
  if (reference === null) return null;
  if (d.expirationNoticeSentAt !== null) return addDays(d.expirationNoticeSentAt, NOTICE_DAYS);
  return addMonths(reference, conservationMonths(d));
}

/** The notice is due: the expiry is within 2 weeks (or past) and no notice was sent since the last reset. */
export function noticeDue(expiredAt: Date | null, noticeSentAt: Date | null, now: Date): boolean {
  return expiredAt !== null && noticeSentAt === null && expiredAt.getTime() <= addDays(now, NOTICE_DAYS).getTime();
}

/**
 * The dossier expires now: its notice was sent (never without one, so that nobody loses a dossier
 * they were not told about) and its expiry date is past.
 */
export function expiresNow(expiredAt: Date | null, noticeSentAt: Date | null, now: Date): boolean {
  return expiredAt !== null && noticeSentAt !== null && expiredAt.getTime() <= now.getTime();
}

/** Close to expiry: the « expirants » tab, the usager's warning, the extension button. */
export function closeToExpiry(expiredAt: Date | null, now: Date): boolean {
  return expiredAt !== null && expiredAt.getTime() <= addDays(now, NOTICE_DAYS).getTime();
}

export type ExtensionActor = "usager" | "instructeur";
export type ExtensionRefusal = "expiry_never" | "expiry_not_close" | "expiry_deleted";

export interface ExtensionFacts {
  state: DossierState;
  expiredAt: Date | null;
  hiddenByUserAt: Date | null;
  hiddenByAdministrationAt: Date | null;
  hiddenByExpiredAt: Date | null;
}

/**
 * Why « conserver plus longtemps » is refused, or null: en instruction never expires; a dossier
 * deleted by its usager or the administration is restored, not extended; only a dossier close to
 * expiry (or expired and not yet purged: extending restores it) can be extended.
 */
export function extensionRefusal(d: ExtensionFacts, actor: ExtensionActor, now: Date): ExtensionRefusal | null {
  if (d.state === "en_instruction" || d.expiredAt === null) return "expiry_never";
  if (actor === "instructeur" && d.state === "brouillon") return "expiry_never";
  if (d.hiddenByUserAt !== null || d.hiddenByAdministrationAt !== null) return "expiry_deleted";
  if (d.hiddenByExpiredAt !== null) return null;
  return closeToExpiry(d.expiredAt, now) ? null : "expiry_not_close";
}

/** Months added by one extension: the démarche's whole durée for the usager, 1 month for an instructeur. */
export function extensionMonths(actor: ExtensionActor, dureeConservation: number): number {
  return actor === "usager" ? dureeConservation : INSTRUCTEUR_EXTENSION_MONTHS;
}

/** The reference's `DeletedDossier.reason` values (GraphQL `DeletedDossierReason`). */
export const DELETION_REASONS = [
  "expired",
  "instructeur_request",
  "manager_request",
  "procedure_removed",
  "user_expired",
  "user_removed",
  "user_request",
] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

export interface PurgeFacts {
  state: DossierState;
  hiddenByUserAt: Date | null;
  hiddenByAdministrationAt: Date | null;
  hiddenByExpiredAt: Date | null;
}

/**
 * Whether the dossier is purged now, and why (§2.5 hard purge): hidden by expiry for 2 weeks, or by
 * its usager for 2 weeks (brouillon, en construction), or — decided dossiers — by both its usager and
 * the administration, the later of the two 2 weeks ago. En instruction is never purged.
 */
export function purgeReason(d: PurgeFacts, now: Date): DeletionReason | null {
  if (d.state === "en_instruction") return null;
  const cutoff = addDays(now, -PURGE_AFTER_DAYS).getTime();
  const past = (x: Date | null) => x !== null && x.getTime() <= cutoff;
  if (past(d.hiddenByExpiredAt)) return "expired";
  if (d.state === "brouillon" || d.state === "en_construction") return past(d.hiddenByUserAt) ? "user_request" : null;
  if (past(d.hiddenByUserAt) && past(d.hiddenByAdministrationAt)) {
    // The later deletion completed the double deletion: it names the reason.
    return (d.hiddenByUserAt as Date) > (d.hiddenByAdministrationAt as Date) ? "user_request" : "instructeur_request";
  }
  return null;
}

/** The reason a dossier hidden but not yet purged will carry (`pendingDeletedDossiers`). */
export function pendingDeletionReason(d: PurgeFacts): DeletionReason {
  if (d.hiddenByExpiredAt !== null) return "expired";
  if (d.hiddenByAdministrationAt !== null && (d.hiddenByUserAt === null || d.hiddenByAdministrationAt > d.hiddenByUserAt)) {
    return "instructeur_request";
  }
  return "user_request";
}

/** A brouillon nobody ever filled in, created more than 2 weeks ago: deleted without notice. */
export function neverTouched(
  d: { state: DossierState; createdAt: Date; lastChampUpdatedAt: Date | null; identityUpdatedAt: Date | null },
  now: Date,
): boolean {
  return (
    d.state === "brouillon" &&
    d.lastChampUpdatedAt === null &&
    d.identityUpdatedAt === null &&
    d.createdAt.getTime() <= addDays(now, -NEVER_TOUCHED_DAYS).getTime()
  );
}

/** The three daily passes, each on its dossiers: who gets the notice, who is told of the expiry. */
export type ExpiryKind = "brouillon" | "en_construction" | "termine";

export function expiryKindOf(state: DossierState): ExpiryKind | null {
  if (state === "brouillon" || state === "en_construction") return state;
  return isTermine(state) ? "termine" : null;
}
