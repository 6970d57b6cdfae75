/**
 * The list page's batch intents (`procedure.tsx` action): a kind of `BATCH_KINDS` posted with the
 * checked dossiers (`dossiers`), the motivation and the label starts a batch, then back to the same
 * list with `?lot=<id>`; `lot_masquer` hides a finished batch's report. The form is multipart: its
 * justificatif was stored (or refused) by the upload middleware (batch-form-uploads.ts) and is
 * named by `_justificatif_blob` (or `_justificatif_error`); a refused file starts nothing. A dossier out of scope is a
 * 404 (nothing created); refusals come back with what was checked and typed.
 */
import { data, redirect } from "react-router";
import type { Db } from "../../../server/db/client";
import { readJustificatifFields } from "../../../server/domain/dossier/justificatif";
import { createBatchOperation } from "../../../server/operations/batch/create-batch-operation";
import { dismissBatchOperation } from "../../../server/operations/batch/dismiss-batch-operation";
import type { InstructeurActor } from "../../../server/operations/dossiers/instructeur-transition";
import { formString } from "../../lib/request.server";
import type { BatchFormValues } from "./batch-panel";

export interface BatchActionData {
  batch: {
    errors: Array<{ field: string; code: string; params: Record<string, string | number> }>;
    values: BatchFormValues;
  };
}

export const DISMISS_INTENT = "lot_masquer";

/** Posted ids: integers only; anything else is an id no dossier has (→ 404 like another's dossier). */
function postedIds(form: FormData, name: string): number[] {
  return form
    .getAll(name)
    .slice(0, 5000)
    .map((value) => (typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : -1));
}

function withQuery(href: string, param: string) {
  return `${href}${href.includes("?") ? "&" : "?"}${param}`;
}

export async function batchAction(
  db: Db,
  actor: InstructeurActor,
  demarcheId: number,
  form: FormData,
  listUrl: string,
  locale: "fr" | "en" = "fr",
): Promise<Response | ReturnType<typeof data<BatchActionData>>> {
  const intent = formString(form, "intent");
  if (intent === DISMISS_INTENT) {
    const id = formString(form, "lot");
    const result = await dismissBatchOperation(db, actor.instructeurId, demarcheId, /^\d{1,10}$/.test(id) ? Number(id) : -1);
    if (result.ok) return redirect(withQuery(listUrl, "lot_masque=1"));
    return data<BatchActionData>(
      {
        batch: {
          errors: result.refusals.map((r) => ({ field: r.field, code: r.code, params: r.params ?? {} })),
          values: { intent, dossierIds: [], motivation: "", labelId: "" },
        },
      },
      { status: 422 },
    );
  }
  const dossierIds = postedIds(form, "dossiers");
  const motivation = formString(form, "motivation").slice(0, 20_000);
  const labelId = formString(form, "label");
  const body = formString(form, "body").slice(0, 20_000);
  const emails = formString(form, "emails").slice(0, 20_000);
  const introduction = formString(form, "introduction").slice(0, 20_000);
  const confidentiel = formString(form, "confidentiel") === "1";
  const values = { intent, dossierIds, motivation, labelId, body, emails, introduction, confidentiel };
  const justificatif = readJustificatifFields((name) => formString(form, name) || null);
  if (justificatif.error) {
    const { code, params } = justificatif.error;
    return data<BatchActionData>(
      { batch: { errors: [{ field: "justificatif", code, params: { filename: "", max: "", ...params } }], values } },
      { status: 422 },
    );
  }
  const result = await createBatchOperation(db, actor, demarcheId, {
    kind: intent,
    dossierIds,
    motivation,
    labelId: /^\d{1,10}$/.test(labelId) ? Number(labelId) : null,
    body,
    emails,
    introduction,
    confidentiel,
    locale,
    justificatifId: justificatif.blobId,
  });
  if (result.ok) return redirect(withQuery(listUrl, `lot=${result.batchOperationId}`));
  return data<BatchActionData>(
    {
      batch: {
        errors: result.refusals.map((r) => ({ field: r.field, code: r.code, params: r.params ?? {} })),
        values,
      },
    },
    { status: 422 },
  );
}
