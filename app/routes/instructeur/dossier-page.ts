/**
 * What the instructeur's dossier page and its action share: the notices shown after a change, the
 * decisions of the decision form, and what a refused POST answers. No server code here: the
 * component imports it.
 */
import type { TFunction, TranslationKey } from "../../../common/i18n";
import type { AnnotationsActionData } from "./annotations-section";

export const NOTICES = [
  "suivi",
  "plus_suivi",
  "passe_en_instruction",
  "repasse_en_construction",
  "accepte",
  "refuse",
  "sans_suite",
  "repasse_en_instruction",
  "annotations",
  "labels",
  "envoye",
] as const;
export type Notice = (typeof NOTICES)[number];

/** The three decisions of the decision form (radio `decision`), and the notice each one shows. */
export const DECISION_NAMES = ["accepter", "refuser", "classer_sans_suite"] as const;
export type Decision = (typeof DECISION_NAMES)[number];

export interface ActionError {
  /** The field the message belongs to (the summary links to it), or "form". */
  field: "decision" | "motivation" | "justificatif" | "form";
  key: TranslationKey;
  params?: Record<string, string | number>;
}

/** What a refused POST answers: the decision's errors and what was typed, or the annotations' ones. */
export interface ActionData {
  intent: string;
  errors: ActionError[];
  values: { decision: string; motivation: string };
  annotations?: AnnotationsActionData;
  /** A refused change of labels (a label of another démarche, or deleted meanwhile). */
  labels?: { error: string };
  /** A refused « envoyer à un collègue », with what was chosen and typed. */
  colleague?: {
    values: { instructeurIds: number[]; message: string };
    errors: Partial<Record<"colleagues" | "message", { code: string; params?: Record<string, string | number> }>>;
  };
}

/** An error's message; a refused justificatif names its field in the reader's language. */
export function actionErrorMessage(t: TFunction, e: ActionError): string {
  if (e.field !== "justificatif") return t(e.key, e.params);
  return t(e.key, { ...e.params, libelle: t("instructeur.dossier.decision.justificatif") });
}

/** Where the error summary links to. */
export function actionErrorAnchor(e: ActionError): string {
  if (e.field === "decision") return `#decision-${DECISION_NAMES[0]}`;
  return e.field === "justificatif" ? "#justificatif" : "#motivation";
}
