/**
 * What the dossier pages show of the conservation (the usager's and the instructeur's): the
 * deletion date when close to it (within the notice window), or the purge date once expired;
 * nothing otherwise, nor for a dossier someone deleted.
 */
import type { Locale } from "../../common/i18n/types";
import { PURGE_AFTER_DAYS, addDays, closeToExpiry } from "../../server/domain/dossier/expiry";
import type { ConservationView } from "../components/conservation/conservation-callout";
import { formatDate } from "./dates";

export function conservationView(
  dossier: {
    state: string;
    expiredAt: Date | null;
    hiddenByExpiredAt: Date | null;
    hiddenByUserAt: Date | null;
    hiddenByAdministrationAt: Date | null;
  },
  locale: Locale,
  now: Date = new Date(),
): ConservationView | null {
  if (dossier.state === "en_instruction" || dossier.hiddenByUserAt || dossier.hiddenByAdministrationAt) return null;
  if (dossier.hiddenByExpiredAt) {
    return { date: formatDate(addDays(dossier.hiddenByExpiredAt, PURGE_AFTER_DAYS), locale) ?? "", expired: true };
  }
  if (!closeToExpiry(dossier.expiredAt, now)) return null;
  return { date: formatDate(dossier.expiredAt, locale) ?? "", expired: false };
}
