/**
 * A dossier's messagerie, as a list of messages (oldest first): author, date, body (sanitized HTML
 * stored by the server), files, the correction asked, and for its author a « Supprimer » form.
 */
import { Form } from "react-router";
import { CsrfInput } from "../csrf-input";
import { useT } from "../../lib/i18n";

export interface ThreadMessageView {
  id: number;
  author: "usager" | "you" | "instructeur" | "expert" | "system" | "administration";
  email: string | null;
  at: string;
  body: string;
  deleted: boolean;
  files: { id: string; filename: string; size: string }[];
  correction: { reason: "incorrect" | "incomplete" | "outdated"; resolvedAt: string | null } | null;
  deletable: boolean;
}

export function MessageThread({ messages }: { messages: ThreadMessageView[] }) {
  const t = useT();
  if (messages.length === 0) return <p>{t("messagerie.empty")}</p>;
  return (
    <ol className="guichet-messagerie fr-raw-list" aria-label={t("messagerie.threadLabel")}>
      {messages.map((m) => (
        <li key={m.id} id={`message-${m.id}`} className="fr-mb-3w fr-p-2w guichet-message" data-author={m.author}>
          <p className="fr-text--sm fr-mb-1w">
            <strong>{t(`messagerie.authors.${m.author}`)}</strong>
            {m.email ? ` (${m.email})` : null} – {t("messagerie.sentAt", { date: m.at })}
          </p>
          {m.correction ? (
            <p className="fr-badge fr-badge--warning fr-badge--sm fr-mb-1w">
              {t("messagerie.correction.asked", { reason: t(`messagerie.correction.reasons.${m.correction.reason}`) })}
            </p>
          ) : null}
          {m.correction?.resolvedAt ? (
            <p className="fr-badge fr-badge--success fr-badge--sm fr-mb-1w fr-ml-1w">
              {t("messagerie.correction.resolved", { date: m.correction.resolvedAt })}
            </p>
          ) : null}
          {m.deleted ? (
            <p className="fr-mb-0">
              <em>{t("messagerie.deleted")}</em>
            </p>
          ) : (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by messageBody (server/domain/messages/message-body.ts) before it was stored.
            <div className="guichet-message-body" dangerouslySetInnerHTML={{ __html: m.body }} />
          )}
          {m.files.length > 0 ? (
            <>
              <p className="fr-text--sm fr-mt-1w fr-mb-0">{t("messagerie.files")}</p>
              <ul>
                {m.files.map((file) => (
                  <li key={file.id}>
                    <a className="fr-link fr-link--sm" href={`/pieces-jointes/${file.id}`} download={file.filename}>
                      {file.filename} ({file.size})
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {m.deletable && !m.deleted ? (
            <Form method="post" className="fr-mt-1w">
              <CsrfInput />
              <input type="hidden" name="commentaireId" value={m.id} />
              <button type="submit" name="intent" value="supprimer" className="fr-btn fr-btn--tertiary fr-btn--sm">
                {t("messagerie.delete")}
                <span className="fr-sr-only"> {t("messagerie.sentAt", { date: m.at })}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
