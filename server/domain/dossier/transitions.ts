/**
 * The dossier lifecycle as an explicit transition table (reference: AASM block of
 * `app/models/dossier.rb`). This module only *plans* a transition: it says whether an event is
 * allowed from a state and what the target is. Writing the state, the traitement row, the
 * operation log and enqueuing mails is the job of the operations that call `planTransition`.
 *
 * Automatic transitions (declarative démarches, SVA/SVR) are rows like the others, `internal`: the
 * platform fires them (server/operations/dossiers/process-*.ts), never a button. `deposer_modifications` keeps the state: the usager re-submits the
 * changes of a dossier en construction (reference: `usager_submit_en_construction!`), recorded as a
 * traitement like any state change.
 */
import type { DossierState } from "./states";

export const DOSSIER_EVENTS = [
  "passer_en_construction",
  "passer_en_instruction",
  "repasser_en_construction",
  "accepter",
  "refuser",
  "classer_sans_suite",
  "repasser_en_instruction",
  "deposer_modifications",
  "repasser_en_construction_with_pending_correction",
  "passer_automatiquement_en_instruction",
  "accepter_automatiquement",
  "refuser_automatiquement",
] as const;
export type DossierEvent = (typeof DOSSIER_EVENTS)[number];

/**
 * Values of the API's `TraitementEvent` enum (the history row's `event`). Only some are produced
 * by the table below; the others belong to flows not built yet (corrections, automatic decisions)
 * but are listed so the GraphQL layer can declare the full enum from one place.
 */
export const TRAITEMENT_EVENTS = [
  "depose",
  "depose_correction_usager",
  "depose_correction_instructeur",
  "passe_en_instruction",
  "passe_en_instruction_automatiquement",
  "repasse_en_construction",
  "repasse_en_instruction",
  "accepte",
  "accepte_automatiquement",
  "refuse",
  "refuse_automatiquement",
  "classe_sans_suite",
] as const;
export type TraitementEvent = (typeof TRAITEMENT_EVENTS)[number];

export type TransitionErrorCode =
  | "invalid_transition"
  | "motivation_required"
  | "motivation_too_long"
  | "ineligible"
  | "procedure_closed"
  | "annotations_incompletes"
  | "etablissement_incomplet";

/** Each code has a message at `dossiers.transitionErrors.<code>` in every locale. */
export const TRANSITION_ERROR_CODES = [
  "invalid_transition",
  "motivation_required",
  "motivation_too_long",
  "ineligible",
  "procedure_closed",
  "annotations_incompletes",
  "etablissement_incomplet",
] as const satisfies readonly TransitionErrorCode[];

/** Same limit as the reference's decision form; counted in characters (code points). */
export const MOTIVATION_MAX_LENGTH = 5000;

/** What a guard may look at: facts computed by the caller, already defaulted. */
export interface TransitionGuardInput {
  readonly ineligible: boolean;
  readonly procedureAcceptsSubmission: boolean;
}

export interface DossierTransition {
  readonly event: DossierEvent;
  readonly from: readonly DossierState[];
  readonly to: DossierState;
  /** The `event` written on the traitement row and exposed by the API. */
  readonly traitementEvent: TraitementEvent;
  /** "required" decisions must be explained to the usager; "none" discards any motivation sent. */
  readonly motivation: "none" | "optional" | "required";
  readonly guard?: (input: TransitionGuardInput) => TransitionErrorCode | null;
  /**
   * Final decisions need the instructeurs' own form complete (the reference's `can_terminer?`):
   * the caller reads the annotations privées only for these events.
   */
  readonly needsCompleteAnnotations?: boolean;
  /** The usager fires it from their own pages; never a button of the instructeur's dossier page. */
  readonly byUsager?: boolean;
  /** Fired only by another operation (a correction request), never offered as a button. */
  readonly internal?: boolean;
}

export const DOSSIER_TRANSITIONS = [
  {
    event: "passer_en_construction",
    from: ["brouillon"],
    to: "en_construction",
    traitementEvent: "depose",
    motivation: "none",
    // A closed démarche is checked first: being eligible does not matter if nothing can be filed.
    guard: ({ ineligible, procedureAcceptsSubmission }) =>
      !procedureAcceptsSubmission ? "procedure_closed" : ineligible ? "ineligible" : null,
    byUsager: true,
  },
  {
    event: "passer_en_instruction",
    from: ["en_construction"],
    to: "en_instruction",
    traitementEvent: "passe_en_instruction",
    motivation: "none",
  },
  {
    event: "repasser_en_construction",
    from: ["en_instruction"],
    to: "en_construction",
    traitementEvent: "repasse_en_construction",
    motivation: "none",
  },
  {
    event: "accepter",
    from: ["en_instruction"],
    to: "accepte",
    traitementEvent: "accepte",
    motivation: "optional",
    needsCompleteAnnotations: true,
  },
  {
    event: "refuser",
    from: ["en_instruction"],
    to: "refuse",
    traitementEvent: "refuse",
    motivation: "required",
    needsCompleteAnnotations: true,
  },
  {
    event: "classer_sans_suite",
    from: ["en_instruction"],
    to: "sans_suite",
    traitementEvent: "classe_sans_suite",
    motivation: "required",
    needsCompleteAnnotations: true,
  },
  {
    event: "repasser_en_instruction",
    from: ["accepte", "refuse", "sans_suite"],
    to: "en_instruction",
    traitementEvent: "repasse_en_instruction",
    // The reference clears the previous decision's motivation when re-opening.
    motivation: "none",
  },
  {
    // The usager's changes en construction (their buffer) replace what the administration had.
    // Already filed: a closed démarche does not stop it, the ineligibility rules still do.
    event: "deposer_modifications",
    from: ["en_construction"],
    to: "en_construction",
    traitementEvent: "depose_correction_usager",
    motivation: "none",
    guard: ({ ineligible }) => (ineligible ? "ineligible" : null),
    byUsager: true,
  },
  {
    // A correction request on a dossier en instruction gives it back to the usager; the message
    // itself is the only e-mail (the traitement is the same as a plain repasser_en_construction).
    event: "repasser_en_construction_with_pending_correction",
    from: ["en_instruction"],
    to: "en_construction",
    traitementEvent: "repasse_en_construction",
    motivation: "none",
    internal: true,
  },
  {
    // Declarative démarche (en instruction) or SVA/SVR at submission; no instructeur acts.
    event: "passer_automatiquement_en_instruction",
    from: ["en_construction"],
    to: "en_instruction",
    traitementEvent: "passe_en_instruction_automatiquement",
    motivation: "none",
    internal: true,
  },
  {
    // Declarative démarche (accepté, from en construction) or SVA once the decision day has come.
    event: "accepter_automatiquement",
    from: ["en_construction", "en_instruction"],
    to: "accepte",
    traitementEvent: "accepte_automatiquement",
    motivation: "optional",
    internal: true,
  },
  {
    // SVR once the decision day has come; the motivation is the reference's fixed text.
    event: "refuser_automatiquement",
    from: ["en_instruction"],
    to: "refuse",
    traitementEvent: "refuse_automatiquement",
    motivation: "required",
    internal: true,
  },
] as const satisfies readonly DossierTransition[];

// One row per event, looked up by name; built once so planTransition stays O(1).
const BY_EVENT = new Map<DossierEvent, DossierTransition>(
  DOSSIER_TRANSITIONS.map((t): [DossierEvent, DossierTransition] => [t.event, t]),
);

export function isDossierEvent(value: unknown): value is DossierEvent {
  return typeof value === "string" && (DOSSIER_EVENTS as readonly string[]).includes(value);
}

export function getTransition(event: DossierEvent): DossierTransition {
  const transition = BY_EVENT.get(event);
  // Unreachable while DOSSIER_TRANSITIONS lists every event (a unit test checks it).
  if (!transition) throw new Error(`No transition for event ${event}`);
  return transition;
}

/** Whether `event` is refused while an annotation privée is blank though mandatory, or invalid. */
export function needsCompleteAnnotations(event: DossierEvent): boolean {
  return getTransition(event).needsCompleteAnnotations === true;
}

export function traitementEventFor(event: DossierEvent): TraitementEvent {
  return getTransition(event).traitementEvent;
}

export interface PlanTransitionInput {
  state: DossierState;
  event: DossierEvent;
  motivation?: string | null;
  /** Result of the revision's ineligibility rules on the filled champs (only used on submission). */
  ineligible?: boolean;
  /** False when the démarche is closed/unpublished and takes no new dossiers (default true). */
  procedureAcceptsSubmission?: boolean;
  /** True when an annotation privée blocks a final decision (only used on decisions; default false). */
  annotationsIncomplete?: boolean;
  /**
   * True while the établissement's data is missing (API Entreprise degraded mode): final decisions
   * wait for it, as the reference's `can_terminer?` (default false).
   */
  etablissementIncomplete?: boolean;
}

export type PlanTransitionResult =
  | {
      ok: true;
      event: DossierEvent;
      from: DossierState;
      to: DossierState;
      traitementEvent: TraitementEvent;
      motivation: string | null;
    }
  | { ok: false; error: TransitionErrorCode; params?: Record<string, string | number> };

/**
 * Decides whether `event` may fire from `state`, with its guards. Pure: the caller gathers the
 * facts (eligibility, procedure status) and applies the result in a transaction.
 * The returned motivation is trimmed with line endings normalised, or null.
 */
export function planTransition(input: PlanTransitionInput): PlanTransitionResult {
  const transition = getTransition(input.event);
  if (!(transition.from as readonly DossierState[]).includes(input.state)) {
    return { ok: false, error: "invalid_transition" };
  }

  const guardError = transition.guard?.({
    ineligible: input.ineligible ?? false,
    procedureAcceptsSubmission: input.procedureAcceptsSubmission ?? true,
  });
  if (guardError) return { ok: false, error: guardError };
  if (needsCompleteAnnotations(input.event) && input.etablissementIncomplete) {
    return { ok: false, error: "etablissement_incomplet" };
  }
  if (needsCompleteAnnotations(input.event) && input.annotationsIncomplete) {
    return { ok: false, error: "annotations_incompletes" };
  }

  let motivation: string | null = null;
  if (transition.motivation !== "none") {
    motivation = normalizeMotivation(input.motivation);
    if (motivation === null && transition.motivation === "required") {
      return { ok: false, error: "motivation_required" };
    }
    if (motivation !== null && [...motivation].length > MOTIVATION_MAX_LENGTH) {
      return { ok: false, error: "motivation_too_long", params: { max: MOTIVATION_MAX_LENGTH } };
    }
  }

  return {
    ok: true,
    event: transition.event,
    from: input.state,
    to: transition.to,
    traitementEvent: transition.traitementEvent,
    motivation,
  };
}

/** Events that can fire from `state`, in table order, ignoring guards (to decide which buttons to show). */
export function availableEvents(state: DossierState): DossierEvent[] {
  return DOSSIER_TRANSITIONS.filter(
    (t: DossierTransition) => !t.internal && (t.from as readonly DossierState[]).includes(state),
  ).map((t) => t.event);
}

/** The instructeur's buttons: the available events the usager does not fire themselves. */
export function instructeurEvents(state: DossierState): DossierEvent[] {
  const transitions: readonly DossierTransition[] = DOSSIER_TRANSITIONS;
  return transitions.filter((t) => t.from.includes(state) && !t.byUsager && !t.internal).map((t) => t.event);
}

// HTML textareas submit CRLF; storing LF keeps lengths and digests stable across clients.
export function normalizeMotivation(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.replace(/\r\n?/g, "\n").trim();
  return text === "" ? null : text;
}
