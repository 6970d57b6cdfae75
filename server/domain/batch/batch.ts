/**
 * Batch operations of the instructeur's list (ds-behaviour §5.2, `batch_operation.rb`), pure: the
 * kinds offered, the cap, and the checks made before anything is created. Each kind runs, dossier
 * by dossier, the operation of the single-dossier action; its refusals are reported per dossier.
 */
import { getTransition, MOTIVATION_MAX_LENGTH, normalizeMotivation, type DossierEvent } from "../dossier/transitions";
import type { ArchiveAction } from "../dossier/archive";

/** A refusal, in the shape of `server/refusal.ts` (the domain imports nothing outside it). */
interface Refusal {
  code: string;
  field: string;
  params?: Record<string, string | number>;
}

/** The reference's `BATCH_SELECTION_LIMIT`. */
export const BATCH_MAX_DOSSIERS = 500;

export const TRANSITION_KINDS = [
  "passer_en_instruction",
  "repasser_en_construction",
  "accepter",
  "refuser",
  "classer_sans_suite",
  "repasser_en_instruction",
] as const satisfies readonly DossierEvent[];
export const FOLLOW_KINDS = ["suivre", "ne_plus_suivre"] as const;
export const ARCHIVE_KINDS = ["archiver", "desarchiver", "supprimer", "restaurer"] as const satisfies readonly ArchiveAction[];
export const LABEL_KINDS = ["ajouter_label", "retirer_label"] as const;
/** A message to each dossier's usager, an avis asked on each dossier: the single actions' operations. */
export const MESSAGE_KINDS = ["envoyer_message", "demander_avis"] as const;

/** The final decisions, which may carry one justificatif file shared by every dossier of the batch. */
export const JUSTIFICATIF_KINDS = ["accepter", "refuser", "classer_sans_suite"] as const satisfies readonly TransitionKind[];

export const BATCH_KINDS = [...TRANSITION_KINDS, ...FOLLOW_KINDS, ...ARCHIVE_KINDS, ...LABEL_KINDS, ...MESSAGE_KINDS] as const;

/** The messagerie's limit (`MESSAGE_MAX_LENGTH`, kept out of this module so that the page's bundle stays small). */
export const BATCH_MESSAGE_MAX = 10_000;
/** The avis request's limit (`AVIS_INTRODUCTION_MAX`, likewise). */
export const BATCH_INTRODUCTION_MAX = 10_000;

/**
 * A running batch with no dossier processed for this long has lost its job (worker gone, job
 * failed for good): the `batch-operation-sweep` cron marks it failed and frees its dossiers.
 */
export const BATCH_STUCK_AFTER_MS = 60 * 60 * 1000;
export type BatchKind = (typeof BATCH_KINDS)[number];
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export function isBatchKind(value: unknown): value is BatchKind {
  return typeof value === "string" && (BATCH_KINDS as readonly string[]).includes(value);
}

export function isTransitionKind(kind: BatchKind): kind is TransitionKind {
  return (TRANSITION_KINDS as readonly string[]).includes(kind);
}

export function takesJustificatif(kind: BatchKind): boolean {
  return (JUSTIFICATIF_KINDS as readonly string[]).includes(kind);
}

export function isLabelKind(kind: BatchKind): kind is (typeof LABEL_KINDS)[number] {
  return kind === "ajouter_label" || kind === "retirer_label";
}

/** Whether the kind takes a motivation, and whether it must have one (as the single decision). */
export function motivationOf(kind: BatchKind): "none" | "optional" | "required" {
  return isTransitionKind(kind) ? getTransition(kind).motivation : "none";
}

/** What the batch stores and hands to each dossier's operation. */
export interface BatchParams {
  motivation?: string;
  labelId?: number;
  /** envoyer_message */
  body?: string;
  /** demander_avis: the experts' addresses (as typed), the introduction, confidential or not, the page's language. */
  emails?: string;
  introduction?: string;
  confidentiel?: boolean;
  locale?: "fr" | "en";
  /** accepter, refuser, classer sans suite: the batch's uploaded justificatif (`batch_justificatif` attachment). */
  justificatifId?: string;
}

export interface BatchRequest {
  kind: string;
  dossierIds: readonly number[];
  motivation?: string | null;
  labelId?: number | null;
  body?: string | null;
  emails?: string | null;
  introduction?: string | null;
  confidentiel?: boolean;
  locale?: "fr" | "en";
  /** The uploaded justificatif (kept for the final decisions only, ignored by the other kinds). */
  justificatifId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The checks that need no database: a known kind, 1 to 500 distinct dossiers, a motivation where
 * the single action requires one (and not too long), a label for the label kinds. Returns the
 * normalized batch or the refusals (fields `intent`, `dossiers`, `motivation`, `label`).
 */
export function checkBatchRequest(
  request: BatchRequest,
): { ok: true; kind: BatchKind; dossierIds: number[]; params: BatchParams } | { ok: false; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  if (!isBatchKind(request.kind)) return { ok: false, refusals: [{ code: "unknown_kind", field: "intent" }] };
  const kind = request.kind;
  const dossierIds = [...new Set(request.dossierIds)];
  if (dossierIds.length === 0) refusals.push({ code: "no_dossier", field: "dossiers" });
  if (dossierIds.length > BATCH_MAX_DOSSIERS) {
    refusals.push({ code: "too_many", field: "dossiers", params: { max: BATCH_MAX_DOSSIERS, count: dossierIds.length } });
  }
  const params: BatchParams = {};
  const motivationRule = motivationOf(kind);
  if (motivationRule !== "none") {
    const motivation = normalizeMotivation(request.motivation);
    if (motivation === null && motivationRule === "required") refusals.push({ code: "motivation_required", field: "motivation" });
    else if (motivation !== null && [...motivation].length > MOTIVATION_MAX_LENGTH) {
      refusals.push({ code: "motivation_too_long", field: "motivation", params: { max: MOTIVATION_MAX_LENGTH } });
    } else if (motivation !== null) params.motivation = motivation;
  }
  if (isLabelKind(kind)) {
    if (!request.labelId || !Number.isSafeInteger(request.labelId) || request.labelId <= 0) {
      refusals.push({ code: "label_required", field: "label" });
    } else params.labelId = request.labelId;
  }
  if (kind === "envoyer_message") {
    const body = (request.body ?? "").trim();
    if (body === "") refusals.push({ code: "body_required", field: "body" });
    else if (body.length > BATCH_MESSAGE_MAX) {
      refusals.push({ code: "body_too_long", field: "body", params: { max: BATCH_MESSAGE_MAX } });
    } else params.body = body;
  }
  if (kind === "demander_avis") {
    const emails = (request.emails ?? "").trim();
    const introduction = (request.introduction ?? "").trim();
    if (emails === "") refusals.push({ code: "emails_required", field: "emails" });
    else params.emails = emails.slice(0, 5_000);
    if (introduction === "") refusals.push({ code: "introduction_required", field: "introduction" });
    else if (introduction.length > BATCH_INTRODUCTION_MAX) {
      refusals.push({ code: "introduction_too_long", field: "introduction", params: { max: BATCH_INTRODUCTION_MAX } });
    } else params.introduction = introduction;
    params.confidentiel = request.confidentiel === true;
    params.locale = request.locale === "en" ? "en" : "fr";
  }
  if (takesJustificatif(kind) && request.justificatifId) {
    if (UUID.test(request.justificatifId)) params.justificatifId = request.justificatifId.toLowerCase();
    else refusals.push({ code: "justificatif_unknown", field: "justificatif" });
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, kind, dossierIds, params };
}
