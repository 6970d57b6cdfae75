/**
 * Outgoing mail: SMTP through nodemailer when SMTP_URL is set, otherwise the local mailbox table
 * shown at /mailbox (development and embedded mode only).
 */
import nodemailer from "nodemailer";
import type { Config } from "../config";
import type { Db, DbOrTx } from "../db/client";
import { mailboxMessages } from "../db/schema";
import type { MailContent } from "../mail/layout";

export interface Mailer {
  /**
   * `local`: the mail is a database row, written in `tx` when given (with the record of its
   * delivery, so that both happen or neither).
   */
  kind: "smtp" | "local";
  send(message: MailContent & { to: string }, tx?: DbOrTx): Promise<void>;
}

export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">, db: Db): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      kind: "smtp",
      async send(message) {
        await transport.sendMail({ from: config.mailFrom, ...message });
      },
    };
  }
  return {
    kind: "local",
    async send(message, tx) {
      const attachments = (message.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        byteSize: a.content.length,
        base64: a.content.toString("base64"),
      }));
      await (tx ?? db).insert(mailboxMessages).values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: attachments.length > 0 ? attachments : null,
      });
    },
  };
}
