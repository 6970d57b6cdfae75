/**
 * Dossier states, named as in the reference platform (and its API's `DossierState` enum,
 * which omits `brouillon` because drafts are never exposed there).
 * Pure data: no I/O, safe to import from the UI, the API and jobs alike.
 */
export const DOSSIER_STATES = ["brouillon", "en_construction", "en_instruction", "accepte", "refuse", "sans_suite"] as const;

export type DossierState = (typeof DOSSIER_STATES)[number];

/** A decision has been taken: the dossier is closed until an instructeur re-opens it. */
export const TERMINE_STATES = ["accepte", "refuse", "sans_suite"] as const satisfies readonly DossierState[];
export type TermineState = (typeof TERMINE_STATES)[number];

/** Submitted and awaiting a decision (the reference's EN_CONSTRUCTION_OU_INSTRUCTION). */
export const EN_COURS_STATES = ["en_construction", "en_instruction"] as const satisfies readonly DossierState[];
export type EnCoursState = (typeof EN_COURS_STATES)[number];

/** Every state an instructeur can see: everything but the usager's private draft. */
export const SOUMIS_STATES = [
  "en_construction",
  "en_instruction",
  "accepte",
  "refuse",
  "sans_suite",
] as const satisfies readonly DossierState[];

export function isDossierState(value: unknown): value is DossierState {
  return typeof value === "string" && (DOSSIER_STATES as readonly string[]).includes(value);
}

export function isTermine(state: DossierState): state is TermineState {
  return (TERMINE_STATES as readonly DossierState[]).includes(state);
}

export function isEnCours(state: DossierState): state is EnCoursState {
  return (EN_COURS_STATES as readonly DossierState[]).includes(state);
}
