/**
 * Démarche states, named as in the reference platform (its `Demarche.state`; `close` and
 * `depubliee` both stop new dossiers). Pure data: safe to import from the UI, the API and jobs.
 */
export const DEMARCHE_STATES = ["brouillon", "publiee", "close", "depubliee"] as const;

export type DemarcheState = (typeof DEMARCHE_STATES)[number];
