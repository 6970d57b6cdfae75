/**
 * The instructeur's tabs on a démarche (reference: `Dossier.by_statut`), as pure data so that pages
 * and queries share the same names. Rules (ds-behaviour §2.5), all within the dossiers visible to
 * the instructeur (their groupes, never brouillons nor test dossiers):
 * - à suivre: en cours, followed by nobody, not in the corbeille;
 * - suivis: en cours, followed by me;
 * - traités: terminé, not archived;
 * - tous: everything not archived and not in the corbeille;
 * - expirants: en construction or terminé, not archived, conservation ending within 2 weeks (or past);
 * - archivés: archived, not in the corbeille;
 * - supprimés: in the corbeille (hidden by the administration).
 * An en_construction dossier deleted by its usager is in no tab.
 */
export const INSTRUCTEUR_TABS = ["a-suivre", "suivis", "traites", "tous", "expirants", "archives", "supprimes"] as const;
export type InstructeurTab = (typeof INSTRUCTEUR_TABS)[number];
export const DEFAULT_TAB: InstructeurTab = "a-suivre";

/** How close to its end of conservation a dossier is listed as « expirant » (the reference's notice period). */
export const EXPIRING_WITHIN_DAYS = 14;

export function parseTab(value: string | null | undefined): InstructeurTab {
  return (INSTRUCTEUR_TABS as readonly string[]).includes(value ?? "") ? (value as InstructeurTab) : DEFAULT_TAB;
}

export type TabCounters = Record<InstructeurTab, number>;

export const EMPTY_COUNTERS: TabCounters = {
  "a-suivre": 0,
  suivis: 0,
  traites: 0,
  tous: 0,
  expirants: 0,
  archives: 0,
  supprimes: 0,
};

/** Last day (UTC, YYYY-MM-DD) whose expiring dossiers count as « expirants » on `now`. */
export function expiringUntil(now: Date): string {
  return new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
}
