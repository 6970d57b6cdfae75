/**
 * What the avis pages of both personas share on the server: reading the « demander un avis » form
 * (the instructeur's tab, the expert's « demander un autre avis ») and turning refusals into
 * messages by field. The upload layer (server/http/uploads/avis-form-uploads.ts) has already
 * stored a chosen file and passes its id.
 */
import type { TFunction } from "../../common/i18n";
import type { Locale } from "../../common/i18n";
import type { Refusal } from "../../server/refusal";
import { formatDateTime } from "./dates";
import { formString } from "./request.server";

export const AVIS_FILE_ID = "_avis_file_id";
export const AVIS_FILE_ERROR = "_avis_file_error";
/** A file uploaded with a refused post, carried by the re-rendered form. */
export const KEPT_FILE_ID = "kept_file_id";

export interface AvisRequestValues {
  emails: string;
  introduction: string;
  confidentiel: boolean;
  annotationsVisible: boolean;
  withQuestion: boolean;
  questionLabel: string;
  keptFileId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uploaded file of this post, or the one a refused post kept. */
export function postedFileId(form: FormData): string | null {
  const fresh = formString(form, AVIS_FILE_ID);
  if (UUID.test(fresh)) return fresh;
  const kept = formString(form, KEPT_FILE_ID);
  return UUID.test(kept) ? kept : null;
}

/** The upload layer's message for a refused file (bounded: it is shown as text). */
export function postedFileError(form: FormData): string | null {
  const message = formString(form, AVIS_FILE_ERROR);
  return message ? message.slice(0, 500) : null;
}

export function readAvisRequestForm(form: FormData): AvisRequestValues {
  return {
    emails: formString(form, "emails"),
    introduction: formString(form, "introduction"),
    confidentiel: form.get("confidentiel") === "on",
    annotationsVisible: form.get("annotations_visible") === "on",
    withQuestion: form.get("with_question") === "on",
    questionLabel: formString(form, "question_label"),
    keptFileId: postedFileId(form),
  };
}

/** One message per field (`form` for the request as a whole), in the page's language. */
export function avisRefusalMessages(refusals: readonly Refusal[], t: TFunction, locale: Locale): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const refusal of refusals) {
    if (refusal.field in messages) continue;
    const params: Record<string, string | number> = { ...refusal.params };
    if (typeof params.nextAt === "string") params.nextAt = formatDateTime(params.nextAt, locale, t) ?? params.nextAt;
    messages[refusal.field] = t(`avis.errors.${refusal.code}` as Parameters<TFunction>[0], params);
  }
  return messages;
}
