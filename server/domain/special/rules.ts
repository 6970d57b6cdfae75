/**
 * What the platform does by itself to a dossier of a special démarche (reference: `process_declarative!`,
 * `process_sva_svr!` and `hide_info_with_accuse_lecture?` of `app/models/dossier.rb`). Pure decisions
 * on facts the caller read; the operations fire the returned event through the state machine.
 */
import type { DossierState } from "../dossier/states";
import { isTermine } from "../dossier/states";
import type { DeclarativeState, SvaSvrDecision } from "./sva-svr";

export type AutomaticEvent = "passer_automatiquement_en_instruction" | "accepter_automatiquement" | "refuser_automatiquement";

/**
 * A declarative démarche's dossier, once submitted, goes en instruction or is accepted at once,
 * and only once (`declarative_triggered_at`).
 */
export function declarativeEvent(input: {
  declarative: DeclarativeState | null;
  state: DossierState;
  triggered: boolean;
}): AutomaticEvent | null {
  if (input.declarative === null || input.triggered || input.state !== "en_construction") return null;
  return input.declarative === "accepte" ? "accepter_automatiquement" : "passer_automatiquement_en_instruction";
}

/**
 * SVA/SVR: a submitted dossier without pending correction goes en instruction at once; once its
 * decision day has come, it is accepted (SVA) or refused (SVR) — once (`sva_svr_decision_triggered_at`).
 * Dossiers submitted before the démarche was SVA/SVR have no date and are left alone.
 */
export function svaSvrEvent(input: {
  decision: SvaSvrDecision;
  state: DossierState;
  triggered: boolean;
  decisionOn: string | null;
  pendingCorrection: boolean;
  today: string;
}): AutomaticEvent | null {
  if (input.decision === "disabled" || input.triggered || input.decisionOn === null || input.pendingCorrection) {
    return null;
  }
  if (input.state === "en_construction") return "passer_automatiquement_en_instruction";
  if (input.state === "en_instruction" && input.decisionOn <= input.today) {
    return input.decision === "sva" ? "accepter_automatiquement" : "refuser_automatiquement";
  }
  return null;
}

/**
 * Accusé de lecture: the decision (state, motivation, date, attestation) stays hidden from the
 * usager until they acknowledge it; they only learn that a decision is available.
 */
export function decisionHiddenFromUsager(input: {
  accuseLecture: boolean;
  state: DossierState;
  agreementAt: Date | string | null;
}): boolean {
  return input.accuseLecture && isTermine(input.state) && input.agreementAt === null;
}

/** The usager may acknowledge a decision only while it is hidden from them. */
export function canAcknowledgeDecision(input: Parameters<typeof decisionHiddenFromUsager>[0]): boolean {
  return decisionHiddenFromUsager(input);
}
