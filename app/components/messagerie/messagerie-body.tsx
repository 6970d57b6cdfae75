/**
 * The body of every messagerie page (usager, instructeur, expert): the « envoyé » notice, the
 * summary of a refused message linking to its fields, the thread, and the form — or why nobody may
 * write on this dossier now.
 */
import type { TranslationKey } from "../../../common/i18n";
import { useT } from "../../lib/i18n";
import { MessageForm, type MessageFormValues } from "./message-form";
import { MessageThread, type ThreadMessageView } from "./thread";

export interface RefusedMessage {
  values: MessageFormValues;
  errors: Record<string, string>;
  fileErrors: string[];
}

export function hasMessageErrors(refused: RefusedMessage | undefined) {
  return Boolean(refused && (Object.keys(refused.errors).length > 0 || refused.fileErrors.length > 0));
}

function anchorOf(field: string): string {
  if (field === "body") return "#message-body";
  if (field === "correction") return "#message-correction";
  return "#message-files";
}

export function MessagerieBody({
  notice,
  refused,
  messages,
  closed,
  maxLength,
  maxFileSize,
  correction,
}: {
  /** A translation key of `messagerie.notices`, shown after a redirect. */
  notice: TranslationKey | null;
  refused: RefusedMessage | undefined;
  /** null: the thread is not shown (a brouillon has none). */
  messages: ThreadMessageView[] | null;
  closed: "dossier_brouillon" | "dossier_archived" | "dossier_supprime" | null;
  maxLength: number;
  maxFileSize: string;
  /** The form offers to flag the message as a correction request (instructeurs). */
  correction: boolean;
}) {
  const t = useT();
  const errors = refused?.errors ?? {};
  const fileErrors = refused?.fileErrors ?? [];
  return (
    <>
      {notice && !refused ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t(notice)}</p>
        </div>
      ) : null}
      {hasMessageErrors(refused) ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" id="erreurs">
          <h2 className="fr-alert__title">{t("messagerie.errorSummary")}</h2>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>{field === "form" ? message : <a href={anchorOf(field)}>{message}</a>}</li>
            ))}
            {fileErrors.map((message) => (
              <li key={message}>
                <a href="#message-files">{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{t("messagerie.title")}</h2>
      {messages ? <MessageThread messages={messages} /> : null}
      {closed ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mt-3w">
          <p>{t(`messagerie.closed.${closed}`)}</p>
        </div>
      ) : (
        <MessageForm
          maxLength={maxLength}
          maxFileSize={maxFileSize}
          correction={correction}
          values={refused?.values}
          errors={errors}
          fileErrors={fileErrors}
        />
      )}
    </>
  );
}
