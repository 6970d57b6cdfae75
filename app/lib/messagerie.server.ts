/**
 * Server side shared by the usager's and the instructeur's messagerie pages: the thread as the
 * page shows it, the message form read from the request (text, received files, correction) and
 * refusals turned into the form's errors, keeping what was typed and the files received.
 */
import { data } from "react-router";
import type { Locale, TFunction } from "../../common/i18n";
import type { Db } from "../../server/db/client";
import { formatByteSize } from "../../server/domain/files/file-ref";
import {
  isCorrectionReason,
  MESSAGE_FILE_MAX_BYTES,
  MESSAGE_MAX_LENGTH,
  messageBody,
} from "../../server/domain/messages/message-body";
import { MESSAGE_FILE_ERRORS_FIELD, MESSAGE_FILES_FIELD } from "../../server/http/uploads/message-uploads";
import { deleteMessage } from "../../server/operations/messages/delete-message";
import type { MessageAuthor } from "../../server/operations/messages/message-author";
import type { ThreadMessage } from "../../server/queries/message-thread";
import { pendingMessageFiles } from "../../server/queries/message-thread";
import type { Refusal } from "../../server/refusal";
import type { MessageFormValues } from "../components/messagerie/message-form";
import type { ThreadMessageView } from "../components/messagerie/thread";
import { formatDateTime } from "./dates";
import { formString } from "./request.server";

export const MESSAGE_LIMITS = { maxLength: MESSAGE_MAX_LENGTH, maxFileBytes: MESSAGE_FILE_MAX_BYTES };

export type ThreadViewer =
  | { persona: "usager" }
  | { persona: "instructeur"; instructeurId: number; canDelete: boolean }
  | { persona: "expert"; expertId: number; canDelete: boolean };

function isMine(m: ThreadMessage, viewer: ThreadViewer) {
  if (viewer.persona === "usager") return m.authorKind === "usager";
  if (viewer.persona === "instructeur") return m.authorKind === "instructeur" && m.instructeurId === viewer.instructeurId;
  return m.authorKind === "expert" && m.expertId === viewer.expertId;
}

export function threadView(messages: ThreadMessage[], viewer: ThreadViewer, locale: Locale, t: TFunction): ThreadMessageView[] {
  return messages.map((m) => {
    const mine = isMine(m, viewer);
    let author: ThreadMessageView["author"] = m.authorKind;
    if (mine) author = "you";
    // The usager sees « Administration » rather than who instructs (the reference may hide e-mails).
    else if (viewer.persona === "usager" && (m.authorKind === "instructeur" || m.authorKind === "expert"))
      author = "administration";
    return {
      id: m.id,
      author,
      // The administration's side sees who wrote; the usager does not (see above).
      email: viewer.persona !== "usager" && m.authorKind !== "system" && !mine ? m.email : null,
      at: formatDateTime(m.createdAt, locale, t) ?? "",
      body: m.discardedAt ? "" : m.body,
      deleted: m.discardedAt !== null,
      files: m.files.map((f) => ({ id: f.id, filename: f.filename, size: formatByteSize(f.byteSize, locale) })),
      correction: m.correction
        ? { reason: m.correction.reason, resolvedAt: formatDateTime(m.correction.resolvedAt, locale, t) }
        : null,
      // Instructeurs and experts may delete what they wrote (the usager may not, as the reference).
      deletable: viewer.persona !== "usager" && viewer.canDelete && mine,
    };
  });
}

export interface MessageFormInput {
  body: string;
  attachmentIds: string[];
  correction: boolean;
  reason: string;
  fileErrors: string[];
}

export function readMessageForm(form: FormData): MessageFormInput {
  let fileErrors: string[] = [];
  try {
    const parsed: unknown = JSON.parse(formString(form, MESSAGE_FILE_ERRORS_FIELD) || "[]");
    if (Array.isArray(parsed)) fileErrors = parsed.filter((e): e is string => typeof e === "string").slice(0, 20);
  } catch {
    fileErrors = [];
  }
  return {
    body: formString(form, "body"),
    attachmentIds: form
      .getAll(MESSAGE_FILES_FIELD)
      .filter((v): v is string => typeof v === "string")
      .slice(0, 100),
    correction: formString(form, "correction") === "1",
    reason: formString(form, "reason"),
    fileErrors,
  };
}

/** The correction reason asked, or a refusal when the box is ticked without a valid reason. */
export function correctionOf(input: MessageFormInput): { reason: "incorrect" | "incomplete" | "outdated" | null } | Refusal {
  if (!input.correction) return { reason: null };
  return isCorrectionReason(input.reason) ? { reason: input.reason } : { code: "correction_reason_missing", field: "correction" };
}

export interface MessageActionData {
  values: MessageFormValues;
  errors: Record<string, string>;
  fileErrors: string[];
}

/** The form again, with the messages of the refusals, what was typed and the files received. */
export async function refusedMessage(
  db: Db,
  who: { userId: number; dossierId: number },
  input: MessageFormInput,
  refusals: readonly Refusal[],
  t: TFunction,
) {
  const errors: Record<string, string> = {};
  const params: Record<string, Record<string, string | number>> = {
    body: { max: MESSAGE_MAX_LENGTH },
  };
  for (const r of refusals) {
    // Refused files are told by their own messages (`fileErrors`).
    if (r.field in errors || r.code === "files_refused") continue;
    errors[r.field] = t(`messagerie.errors.${r.code}` as Parameters<TFunction>[0], { ...params[r.field], ...r.params });
  }
  const files = await pendingMessageFiles(db, who.userId, who.dossierId, input.attachmentIds);
  return data<MessageActionData>(
    {
      values: { body: input.body, correction: input.correction, reason: input.reason, files },
      errors,
      fileErrors: input.fileErrors,
    },
    { status: 422 },
  );
}

/**
 * The « Supprimer » button of one's own message (instructeur or expert): deletes it and answers
 * `done` (the page redirects with its notice), or the form again with the refusal's message.
 * A commentaireId that is not a positive integer is a forged request: 400.
 */
export async function deleteOwnMessage(
  db: Db,
  author: Exclude<MessageAuthor, { kind: "usager" }>,
  dossierId: number,
  form: FormData,
  t: TFunction,
) {
  const commentaireId = Number(formString(form, "commentaireId"));
  if (!Number.isSafeInteger(commentaireId) || commentaireId <= 0) throw data({ status: 400 }, { status: 400 });
  const result = await deleteMessage(db, author, { dossierId, commentaireId });
  if (result.ok) return "done" as const;
  return data<MessageActionData>(
    {
      values: { body: "", correction: false, reason: "", files: [] },
      errors: { form: t(`messagerie.errors.${result.refusals[0]?.code ?? "message_not_own"}` as Parameters<TFunction>[0]) },
      fileErrors: [],
    },
    { status: 422 },
  );
}

/**
 * Refusals known before sending: a file refused on the way (the message is not sent, so that
 * nothing goes out without it), with the text's own refusal to show every error at once.
 */
export function preliminaryRefusals(input: MessageFormInput): Refusal[] {
  if (input.fileErrors.length === 0) return [];
  const body = messageBody(input.body);
  return body.ok ? [{ code: "files_refused", field: "files" }] : [{ code: body.code, field: "body" }];
}

export function maxFileSize(locale: Locale): string {
  return formatByteSize(MESSAGE_FILE_MAX_BYTES, locale);
}
