/**
 * The POST intents of the instructeur's dossier page, as a map from the form's `intent` to its
 * handler. The route has already checked that the dossier is in the instructeur's scope and in this
 * démarche (404 otherwise, nothing changes). Each handler runs one operation: success redirects
 * with a notice; refusals come back as errors with what was typed. A new capability on the page
 * (message, label, archive…) adds one entry here.
 */
import { data, redirect } from "react-router";
import type { Db } from "../../../server/db/client";
import type { TransitionErrorCode } from "../../../server/domain/dossier/transitions";
import { readUploadErrors } from "../../../server/domain/files/upload-errors";
import { parseRowIntent } from "../../../server/domain/form/row-intent";
import { readJustificatifFields } from "../../../server/domain/dossier/justificatif";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import type { TransitionResult } from "../../../server/operations/dossiers/apply-transition";
import {
  type DecisionTransition,
  decideWithJustificatif,
  pendingJustificatif,
} from "../../../server/operations/dossiers/decide-with-justificatif";
import { classerSansSuite } from "../../../server/operations/dossiers/classer-sans-suite";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import type { InstructeurActor } from "../../../server/operations/dossiers/instructeur-transition";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../../server/operations/dossiers/refuser-dossier";
import { repasserEnConstruction } from "../../../server/operations/dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../../../server/operations/dossiers/repasser-en-instruction";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { type Refusal, refusalsByField } from "../../../server/refusal";
import { changeDossierLabels } from "../../../server/operations/dossiers/change-dossier-labels";
import { sendToColleagues } from "../../../server/operations/dossiers/send-to-colleagues";
import { extendConservationByInstructeur } from "../../../server/operations/retention/extend-conservation";
import { formFieldReader, formString } from "../../lib/request.server";
import { annotationsActionData } from "./annotations-action.server";
import { type ActionData, type ActionError, DECISION_NAMES, type Decision, type Notice } from "./dossier-page";

export interface IntentContext {
  db: Db;
  actor: InstructeurActor;
  demarcheId: number;
  dossierId: number;
  form: FormData;
  intent: string;
}

type IntentHandler = (ctx: IntentContext) => Promise<Response | ReturnType<typeof data<ActionData>>>;

type Operation = (db: Db, actor: InstructeurActor, dossierId: number, motivation?: string | null) => Promise<TransitionResult>;

const DECISIONS = {
  accepter: { run: accepterDossier, notice: "accepte" },
  refuser: { run: refuserDossier, notice: "refuse" },
  classer_sans_suite: { run: classerSansSuite, notice: "sans_suite" },
} as const satisfies Record<Decision, { run: DecisionTransition; notice: Notice }>;

const NO_VALUES = { decision: "", motivation: "" };

function done({ demarcheId, dossierId }: IntentContext, notice: Notice, anchor = "") {
  return redirect(`/procedures/${demarcheId}/dossiers/${dossierId}?notice=${notice}${anchor}`);
}

function refused(ctx: IntentContext, errors: ActionError[], values = NO_VALUES) {
  return data<ActionData>({ intent: ctx.intent, errors, values }, { status: 422 });
}

/** The state machine's refusals, one per field (`motivation` or the whole `form`). */
function transitionErrors(refusals: readonly Refusal[]): ActionError[] {
  const { errors, errorParams } = refusalsByField(refusals);
  return Object.entries(errors).map(([field, code]) => ({
    field: field === "motivation" ? "motivation" : "form",
    key: `dossiers.transitionErrors.${code as TransitionErrorCode}`,
    params: errorParams[field],
  }));
}

/** A single-button state change (hidden field `intent`). */
function transition(run: Operation, notice: Notice): IntentHandler {
  return async (ctx) => {
    const result = await run(ctx.db, ctx.actor, ctx.dossierId);
    return result.ok ? done(ctx, notice) : refused(ctx, transitionErrors(result.refusals));
  };
}

function follow(following: boolean): IntentHandler {
  return async (ctx) => {
    await followDossier(ctx.db, { instructeurId: ctx.actor.instructeurId, userId: ctx.actor.userId }, ctx.dossierId, following);
    return done(ctx, following ? "suivi" : "plus_suivi");
  };
}

const saveAnnotationsIntent: IntentHandler = async (ctx) => {
  // A repetition block's « Ajouter » / « Supprimer » button posts its own intent after this one.
  const rowIntent = ctx.form.getAll("intent").flatMap((value) => (typeof value === "string" ? [parseRowIntent(value)] : []));
  const row = rowIntent.find((r) => r !== null) ?? null;
  const result = await saveAnnotations(
    ctx.db,
    ctx.actor.instructeurId,
    ctx.dossierId,
    formFieldReader(ctx.form),
    row,
    ctx.actor.userId,
  );
  // Files refused by the upload layer (no JavaScript): shown on their fields, the rest is saved.
  const uploadErrors = readUploadErrors(ctx.form);
  const uploadRefused = Object.keys(uploadErrors).length > 0;
  if (result.ok && !row && !uploadRefused) return done(ctx, "annotations", "#annotations");
  return data<ActionData>(
    { intent: ctx.intent, errors: [], values: NO_VALUES, annotations: annotationsActionData(result, uploadErrors) },
    { status: result.ok && !uploadRefused ? 200 : 422 },
  );
};

const decide: IntentHandler = async (ctx) => {
  const decision = formString(ctx.form, "decision");
  const motivation = formString(ctx.form, "motivation");
  const values = { decision, motivation };
  // The justificatif was stored (or refused) by the upload middleware before this action runs.
  const justificatif = readJustificatifFields((name) => formString(ctx.form, name) || null);
  const errors: ActionError[] = [];
  if (!(DECISION_NAMES as readonly string[]).includes(decision)) {
    errors.push({ field: "decision", key: "instructeur.dossier.decision.required" });
  }
  const justificatifError =
    justificatif.error ??
    (justificatif.blobId && !(await pendingJustificatif(ctx.db, justificatif.blobId, ctx.dossierId))
      ? { code: "upload_failed" as const, params: {} }
      : null);
  if (justificatifError) {
    errors.push({
      field: "justificatif",
      key: `champs.errors.${justificatifError.code}`,
      // The label (`libelle`) is added where the message is shown, in the reader's language.
      params: { filename: "", max: "", ...justificatifError.params },
    });
  }
  if (errors.length > 0) return refused(ctx, errors, values);
  const chosen = DECISIONS[decision as Decision];
  const result = await decideWithJustificatif(ctx.db, chosen.run, {
    actor: ctx.actor,
    dossierId: ctx.dossierId,
    motivation,
    justificatifBlobId: justificatif.blobId,
  });
  return result.ok ? done(ctx, chosen.notice) : refused(ctx, transitionErrors(result.refusals), values);
};

/** Posted ids (checkboxes): integers only; anything else is an id no label or instructeur has. */
function postedIds(form: FormData, name: string): number[] {
  return form.getAll(name).flatMap((value) => {
    if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return [-1];
    return [Number(value)];
  });
}

const labelsIntent: IntentHandler = async (ctx) => {
  const ids = postedIds(ctx.form, "labelIds").slice(0, 200);
  const result = await changeDossierLabels(ctx.db, ctx.actor, ctx.dossierId, { set: ids });
  if (result.ok) return done(ctx, "labels", "#labels");
  return data<ActionData>(
    { intent: ctx.intent, errors: [], values: NO_VALUES, labels: { error: result.refusals[0]?.code ?? "label_unknown" } },
    { status: 422 },
  );
};

const sendToColleagueIntent: IntentHandler = async (ctx) => {
  const instructeurIds = postedIds(ctx.form, "instructeurIds").slice(0, 200);
  const message = formString(ctx.form, "message");
  const result = await sendToColleagues(ctx.db, ctx.actor, ctx.dossierId, { instructeurIds, message });
  if (result.ok) return done(ctx, "envoye");
  const errors: NonNullable<ActionData["colleague"]>["errors"] = {};
  for (const refusal of result.refusals) {
    const field = refusal.field === "message" ? "message" : "colleagues";
    errors[field] ??= { code: refusal.code, params: refusal.params };
  }
  return data<ActionData>(
    { intent: ctx.intent, errors: [], values: NO_VALUES, colleague: { values: { instructeurIds, message }, errors } },
    { status: 422 },
  );
};

/** « Conserver plus longtemps » (1 month); a refusal is shown on the page's error summary and in the callout. */
const conserverIntent: IntentHandler = async (ctx) => {
  const result = await extendConservationByInstructeur(ctx.db, ctx.actor, ctx.dossierId);
  if (result.ok) return redirect(`/procedures/${ctx.demarcheId}/dossiers/${ctx.dossierId}?conserve=1`);
  const code = result.refusals[0]?.code as "expiry_never" | "expiry_not_close" | "expiry_deleted";
  return refused(ctx, [{ field: "form", key: `conservation.errors.${code}` }]);
};

export const DOSSIER_INTENTS: Record<string, IntentHandler> = {
  conserver: conserverIntent,
  labels: labelsIntent,
  send_to_colleague: sendToColleagueIntent,
  follow: follow(true),
  unfollow: follow(false),
  passer_en_instruction: transition(passerEnInstruction, "passe_en_instruction"),
  repasser_en_construction: transition(repasserEnConstruction, "repasse_en_construction"),
  repasser_en_instruction: transition(repasserEnInstruction, "repasse_en_instruction"),
  annotations: saveAnnotationsIntent,
  decision: decide,
};
