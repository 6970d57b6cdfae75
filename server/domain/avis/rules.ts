/**
 * The rules of the avis d'experts that need no database: who may do what to an avis given its
 * state and its dossier's. Operations read the rows, these decide (refusal codes of `avis.errors`).
 */
import { type DossierState, isTermine } from "../dossier/states";

/** An expert is reminded at most once in this interval per avis (one e-mail, not a spam channel). */
export const REMIND_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const AVIS_INTRODUCTION_MAX = 10_000;
export const AVIS_ANSWER_MAX = 20_000;
export const AVIS_QUESTION_MAX = 500;
/** At most this many experts per request: each one gets an e-mail. */
export const AVIS_MAX_EMAILS = 20;

export interface AvisState {
  answeredAt: Date | null;
  revokedAt: Date | null;
  remindedAt: Date | null;
  createdAt: Date;
}

/** Why an avis cannot be requested on a dossier in this state (a decided dossier), or null. */
export function requestBlocker(state: DossierState): "dossier_termine" | "dossier_brouillon" | null {
  if (state === "brouillon") return "dossier_brouillon";
  return isTermine(state) ? "dossier_termine" : null;
}

/** Why the expert cannot answer (or change their answer) now, or null. */
export function answerBlocker(
  avis: Pick<AvisState, "revokedAt">,
  state: DossierState,
): "avis_revoque" | "dossier_termine" | null {
  if (avis.revokedAt) return "avis_revoque";
  return isTermine(state) ? "dossier_termine" : null;
}

/** Why the expert cannot be reminded now, or null; `nextAt`: when they can be again. */
export function remindBlocker(
  avis: AvisState,
  now: Date,
): { code: "avis_revoque" | "avis_already_answered" | "remind_too_soon"; nextAt?: Date } | null {
  if (avis.revokedAt) return { code: "avis_revoque" };
  if (avis.answeredAt) return { code: "avis_already_answered" };
  const last = avis.remindedAt;
  if (last && now.getTime() - last.getTime() < REMIND_INTERVAL_MS) {
    return { code: "remind_too_soon", nextAt: new Date(last.getTime() + REMIND_INTERVAL_MS) };
  }
  return null;
}

/** Only an unanswered avis is revoked (an answer stays part of the instruction). */
export function revokeBlocker(
  avis: Pick<AvisState, "answeredAt" | "revokedAt">,
): "avis_revoque" | "avis_already_answered" | null {
  if (avis.revokedAt) return "avis_revoque";
  return avis.answeredAt ? "avis_already_answered" : null;
}

/**
 * Who sees an avis's answer: the dossier's instructeurs always; the expert who gave it; another
 * expert of the dossier only when it is not confidential (as the reference, the usager never).
 */
export function answerVisibleToExpert(avis: { confidentiel: boolean; expertId: number }, viewerExpertId: number): boolean {
  return avis.expertId === viewerExpertId || !avis.confidentiel;
}

/**
 * An expert may ask another expert when the démarche lets instructeurs ask experts and the avis
 * they were given is not confidential (a confidential request stays between them and the
 * instructeurs), on a dossier not yet decided.
 */
/**
 * An expert writes in the dossier's messagerie through a non-confidential avis of theirs, when the
 * démarche allows it (the reference's `allow_expert_messaging`, on by default): a confidential
 * avis is a private exchange with the instructeurs, not a conversation with the usager.
 */
export function expertMayUseMessagerie(input: { allowExpertMessaging: boolean; confidentiel: boolean }) {
  return input.allowExpertMessaging && !input.confidentiel;
}

export function expertMayInvite(input: {
  allowExpertReview: boolean;
  confidentiel: boolean;
  state: DossierState;
  revoked: boolean;
}) {
  return input.allowExpertReview && !input.confidentiel && !input.revoked && !isTermine(input.state);
}
