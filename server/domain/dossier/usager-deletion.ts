/**
 * The usager's « Supprimer le dossier » and « Restaurer » (ds-behaviour §2.5), pure.
 *
 * - The usager may delete a brouillon, an en construction dossier or a decided one: it is hidden
 *   (`hidden_by_user_at`), never deleted at once, so that it can be restored. En instruction cannot
 *   be deleted.
 * - The daily purge (`purgeReason`) deletes it for good: a brouillon or an en construction dossier 2
 *   weeks after; a decided dossier only once the administration deleted it too (double deletion),
 *   2 weeks after the later of the two, or when it expires.
 * - « Restaurer » un-hides it as long as the purge has not deleted it (the purge rule says when).
 */
import { PURGE_AFTER_DAYS, type PurgeFacts, addDays, purgeReason } from "./expiry";
import { isTermine } from "./states";

export type UsagerDeletionRefusal = "delete_en_instruction" | "delete_already_deleted";
export type UsagerRestoreRefusal = "restore_not_deleted" | "restore_too_late";

/** Why the usager cannot delete the dossier, or null. */
export function usagerDeletionRefusal(d: PurgeFacts): UsagerDeletionRefusal | null {
  if (d.state === "en_instruction") return "delete_en_instruction";
  if (d.hiddenByUserAt !== null || d.hiddenByExpiredAt !== null) return "delete_already_deleted";
  return null;
}

/** Why the usager cannot restore a dossier they deleted, or null (past the grace period: the purge's rule). */
export function usagerRestoreRefusal(d: PurgeFacts, now: Date): UsagerRestoreRefusal | null {
  if (d.hiddenByUserAt === null) return "restore_not_deleted";
  return purgeReason(d, now) === null ? null : "restore_too_late";
}

/**
 * When a dossier the usager deleted or that expired is deleted for good, as « Supprimés récemment »
 * shows it; null when that depends on the administration (a decided dossier only the usager deleted:
 * it stays until the administration deletes it too, or it expires).
 */
export function usagerPurgeDate(d: PurgeFacts): Date | null {
  const dates: Date[] = [];
  if (d.hiddenByExpiredAt !== null) dates.push(addDays(d.hiddenByExpiredAt, PURGE_AFTER_DAYS));
  if (d.hiddenByUserAt !== null) {
    if (!isTermine(d.state)) dates.push(addDays(d.hiddenByUserAt, PURGE_AFTER_DAYS));
    else if (d.hiddenByAdministrationAt !== null) {
      const later = Math.max(d.hiddenByUserAt.getTime(), d.hiddenByAdministrationAt.getTime());
      dates.push(addDays(new Date(later), PURGE_AFTER_DAYS));
    }
  }
  if (dates.length === 0) return null;
  return new Date(Math.min(...dates.map((x) => x.getTime())));
}
