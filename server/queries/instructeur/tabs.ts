/**
 * The instructeur's tabs on a démarche (reference: `Dossier.by_statut`), as pure data so that pages
 * and queries share the same names. Archived/expiring/deleted tabs come with those features.
 */
export const INSTRUCTEUR_TABS = ["a-suivre", "suivis", "traites", "tous"] as const;
export type InstructeurTab = (typeof INSTRUCTEUR_TABS)[number];
export const DEFAULT_TAB: InstructeurTab = "a-suivre";

export function parseTab(value: string | null | undefined): InstructeurTab {
  return (INSTRUCTEUR_TABS as readonly string[]).includes(value ?? "") ? (value as InstructeurTab) : DEFAULT_TAB;
}

export type TabCounters = Record<InstructeurTab, number>;

export const EMPTY_COUNTERS: TabCounters = { "a-suivre": 0, suivis: 0, traites: 0, tous: 0 };
