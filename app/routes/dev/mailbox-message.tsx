import { htmlFitsPreviewPolicy } from "../../../server/mail/html-preview";
import { findMailboxMessage } from "../../../server/queries/mailbox/messages";
import { useT } from "../../lib/i18n";
import { formatDateTime } from "../../lib/dates";
import { idParam, notFound, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/mailbox-message";

/**
 * One stored mail: its text version with clickable links (everything else is text, escaped by
 * React), and its HTML version in a sandboxed frame only if it fits the page's CSP.
 */
export const handle = { i18n: ["instructeur", "mail"] };

export async function loader({ params, context }: Route.LoaderArgs) {
  const { config, db } = services(context);
  if (!config.mailboxEnabled) notFound();
  const message = await findMailboxMessage(db, idParam(params.id));
  if (!message) notFound();
  const { locale } = requestState(context);
  return {
    message: {
      id: message.id,
      to: message.to,
      subject: message.subject,
      text: message.text,
      createdAt: formatDateTime(message.createdAt, locale, tFor(context)),
    },
    // The HTML is sent to the page only when it will be shown.
    html: message.html && htmlFitsPreviewPolicy(message.html) ? message.html : null,
    hasHtml: Boolean(message.html),
  };
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;
// Punctuation that ends a sentence rather than the URL ("…/dossiers/12." or "(https://…)").
const TRAILING = /[.,;:!?)\]»]+$/;

/** Text with every http(s) URL turned into a link; React escapes the rest. */
function Linkified({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = match[0].replace(TRAILING, "");
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} rel="noreferrer">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

export default function MailboxMessage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { message, html, hasHtml } = loaderData;
  return (
    <>
      <title>{`${message.subject} – ${t("mail.mailbox.title")} – Guichet`}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/mailbox">
          {t("mail.mailbox.back")}
        </a>
      </p>
      <h1 className="fr-h3">{message.subject}</h1>
      <p className="fr-mb-1v">{t("mail.mailbox.recipientLine", { to: message.to })}</p>
      <p>{t("mail.mailbox.sentAt", { date: message.createdAt ?? "" })}</p>

      <h2 className="fr-h5">{t("mail.mailbox.textVersion")}</h2>
      <pre
        className="fr-p-2w fr-mb-4w"
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", border: "1px solid var(--border-default-grey)" }}
      >
        <Linkified text={message.text} />
      </pre>

      {hasHtml ? (
        <>
          <h2 className="fr-h5">{t("mail.mailbox.htmlVersion")}</h2>
          {html ? (
            <iframe
              sandbox=""
              srcDoc={html}
              title={t("mail.mailbox.htmlFrameTitle", { subject: message.subject })}
              style={{ width: "100%", minHeight: "28rem", border: "1px solid var(--border-default-grey)" }}
            />
          ) : (
            <p>{t("mail.mailbox.htmlSkipped")}</p>
          )}
        </>
      ) : null}
    </>
  );
}
