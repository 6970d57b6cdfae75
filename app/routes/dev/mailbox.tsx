import { listMailboxMessages, MAILBOX_PAGE_SIZE, normalizeRecipient } from "../../../server/queries/mailbox/messages";
import { useT } from "../../lib/i18n";
import { notFound, requestState, services, tFor } from "../../lib/request.server";
import { formatDateTime } from "../../lib/dates";
import type { Route } from "./+types/mailbox";
import { DsfrTable } from "../../components/dsfr/table";

/**
 * The local mailbox: every mail the platform "sent" while no SMTP server is configured. Only when
 * `config.mailboxEnabled` (by default: no SMTP, loopback address, not production); no sign-in, as the
 * mails are fake anyway and only this machine can reach the page.
 */
export const handle = { i18n: ["instructeur", "mail"] };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { config, db } = services(context);
  if (!config.mailboxEnabled) notFound();
  const { locale } = requestState(context);
  const t = tFor(context);
  const to = normalizeRecipient(new URL(request.url).searchParams.get("to"));
  const messages = await listMailboxMessages(db, { to });
  return {
    to,
    messages: messages.map((m) => ({ ...m, createdAt: formatDateTime(m.createdAt, locale, t) })),
    truncated: messages.length >= MAILBOX_PAGE_SIZE,
    pageSize: MAILBOX_PAGE_SIZE,
  };
}

export default function Mailbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { to, messages, truncated, pageSize } = loaderData;
  return (
    <>
      <title>{`${t("mail.mailbox.title")} – Guichet`}</title>
      <h1>{t("mail.mailbox.title")}</h1>
      <p className="fr-text--lead">{t("mail.mailbox.lead")}</p>

      <form method="get" className="fr-mb-4w">
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="to">
            {t("mail.mailbox.filterLabel")}
            <span className="fr-hint-text">{t("mail.mailbox.filterHint")}</span>
          </label>
          <input className="fr-input" type="email" id="to" name="to" defaultValue={to ?? ""} autoComplete="off" />
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button type="submit" className="fr-btn">
              {t("mail.mailbox.filter")}
            </button>
          </li>
          {to ? (
            <li>
              <a className="fr-btn fr-btn--secondary" href="/mailbox">
                {t("mail.mailbox.clearFilter")}
              </a>
            </li>
          ) : null}
        </ul>
      </form>

      {messages.length === 0 ? (
        <p>{t("mail.mailbox.empty")}</p>
      ) : (
        <DsfrTable caption={to ? t("mail.mailbox.captionFiltered", { to }) : t("mail.mailbox.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("mail.mailbox.to")}</th>
              <th scope="col">{t("mail.mailbox.subject")}</th>
              <th scope="col">{t("mail.mailbox.date")}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} data-message-id={m.id}>
                <td>{m.to}</td>
                <td>
                  <a href={`/mailbox/${m.id}`}>{m.subject}</a>
                </td>
                <td>{m.createdAt}</td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
      {truncated ? <p className="fr-text--sm">{t("mail.mailbox.limit", { count: pageSize })}</p> : null}
    </>
  );
}
