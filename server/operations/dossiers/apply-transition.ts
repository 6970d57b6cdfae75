/**
 * The one place where a dossier changes state: plans the transition with the pure state machine,
 * writes the new state only if nobody changed it meanwhile, records the traitement (who, when, from,
 * to, motivation) and records the domain event (whose reactions e-mail the usager) — all in the
 * caller's transaction. Leaving en construction drops the usager's changes not yet submitted.
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import {
  needsCompleteAnnotations,
  planTransition,
  type DossierEvent,
  type TransitionErrorCode,
} from "../../domain/dossier/transitions";
import type { DossierState } from "../../domain/dossier/states";
import type { Tx } from "../../db/client";
import { discardUserBuffer } from "../../db/champ-streams";
import { dossiers, etablissements, traitements } from "../../db/schema";
import { type EventActor, stateChangeKind } from "../../domain/events/kinds";
import { recordEvent } from "../../events/record-event";
import { quotedLibelles } from "../../domain/form/libelles";
import { type OperationResult, refuse } from "../../refusal";

/**
 * The new state, or why not: one refusal whose code is a `TransitionErrorCode` (translated at
 * `dossiers.transitionErrors.<code>`), on `motivation` for the motivation's own errors, else `form`.
 */
export type TransitionResult = OperationResult<{ to: DossierState }>;

function refuseTransition(code: TransitionErrorCode, params?: Record<string, string | number>) {
  const field = code === "motivation_required" || code === "motivation_too_long" ? "motivation" : "form";
  return refuse(code, field, params);
}

export interface TransitionActor {
  userId: number | null;
  /** Set when an instructeur acts (shown in the history and the API's emailAgentTraitant). */
  instructeurEmail: string | null;
  /** Who acts, for the event stream; by default an instructeur when an e-mail is given, else the usager. */
  kind?: EventActor;
}

export async function applyTransition(
  tx: Tx,
  target: { dossier: typeof dossiers.$inferSelect; demarche: { libelle: string; state: string } },
  event: DossierEvent,
  actor: TransitionActor,
  input: {
    motivation?: string | null;
    ineligible?: boolean;
    incompleteAnnotations?: readonly string[];
    /** Do not e-mail the usager (the API's `disableNotification`). */
    silent?: boolean;
    /** Columns the automatic transitions set with the state (`*_triggered_at`). */
    alsoSet?: { declarativeTriggeredAt?: true; svaSvrDecisionTriggeredAt?: true };
  } = {},
): Promise<TransitionResult> {
  const { dossier, demarche } = target;
  const incompleteAnnotations = input.incompleteAnnotations ?? [];
  const plan = planTransition({
    state: dossier.state,
    event,
    motivation: input.motivation,
    ineligible: input.ineligible ?? false,
    procedureAcceptsSubmission: demarche.state === "publiee" || (dossier.forTest && demarche.state === "brouillon"),
    annotationsIncomplete: incompleteAnnotations.length > 0,
    etablissementIncomplete: needsCompleteAnnotations(event) && (await etablissementDegraded(tx, dossier.id)),
  });
  if (!plan.ok && plan.error === "annotations_incompletes") {
    return refuseTransition(plan.error, { champs: quotedLibelles(incompleteAnnotations) });
  }
  if (!plan.ok) return refuseTransition(plan.error, plan.params);

  const now = sql`now()`;
  const changes: Partial<Record<keyof typeof dossiers.$inferInsert, unknown>> = { state: plan.to, updatedAt: now };
  if (plan.to === "en_construction") {
    // A re-submission en construction (`deposer_modifications`) keeps the dates of the first one.
    if (plan.from !== "en_construction") changes.enConstructionAt = now;
    if (plan.from === "brouillon") changes.deposeAt = now;
  } else if (plan.to === "en_instruction") {
    changes.enInstructionAt = now;
    changes.processedAt = null;
    changes.motivation = null;
    // Re-opened: the SVA/SVR date and the acknowledgement of the withdrawn decision go (reference).
    if (plan.from !== "en_construction") {
      changes.svaSvrDecisionOn = null;
      changes.accuseLectureAgreementAt = null;
      // A decided dossier the usager had deleted is being processed again: it comes back to their list
      // (and en instruction, they could not delete it).
      changes.hiddenByUserAt = null;
    }
  } else {
    changes.processedAt = now;
    changes.motivation = plan.motivation;
    changes.accuseLectureAgreementAt = null;
    // Declarative acceptance straight from en construction: instruction and decision are the same instant.
    if (plan.from === "en_construction") changes.enInstructionAt = now;
  }
  if (input.alsoSet?.declarativeTriggeredAt) changes.declarativeTriggeredAt = now;
  if (input.alsoSet?.svaSvrDecisionTriggeredAt) changes.svaSvrDecisionTriggeredAt = now;
  const updated = await tx
    .update(dossiers)
    .set(changes as typeof dossiers.$inferInsert)
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.state, plan.from)))
    .returning({ id: dossiers.id });
  // Someone else changed the state first: refuse rather than overwrite their decision.
  if (updated.length === 0) return refuseTransition("invalid_transition");

  await tx.insert(traitements).values({
    dossierId: dossier.id,
    event: plan.traitementEvent,
    fromState: plan.from,
    state: plan.to,
    motivation: plan.motivation,
    instructeurEmail: actor.instructeurEmail,
    actorUserId: actor.userId,
    revisionId: dossier.revisionId,
  });

  await recordEvent(tx, {
    kind: stateChangeKind(plan.traitementEvent),
    demarcheId: dossier.demarcheId,
    dossierId: dossier.id,
    actor: actor.kind ?? (actor.instructeurEmail ? "instructeur" : "usager"),
    actorUserId: actor.userId,
    payload: { from: plan.from, to: plan.to, motivation: plan.motivation, silent: input.silent || undefined },
  });

  // The usager's changes not yet submitted cannot reach a dossier the administration examines
  // (reference: buffer streams discarded at passer_en_instruction); their page says they are lost.
  if (plan.from === "en_construction" && plan.to !== "en_construction" && (await discardUserBuffer(tx, dossier.id))) {
    await recordEvent(tx, {
      kind: "dossier.modifications_abandonnees",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: actor.kind ?? (actor.instructeurEmail ? "instructeur" : "usager"),
      actorUserId: actor.userId,
      payload: { cause: "passer_en_instruction" },
    });
  }
  return { ok: true, to: plan.to };
}

/** Whether the dossier's établissement is still in degraded mode (its data not fetched yet). */
async function etablissementDegraded(tx: Tx, dossierId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(and(eq(etablissements.dossierId, dossierId), isNotNull(etablissements.degradedSince)))
    .limit(1);
  return row !== undefined;
}
