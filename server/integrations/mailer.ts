/**
 * Outgoing mail: SMTP through nodemailer when SMTP_URL is set, otherwise the local mailbox table
 * shown at /mailbox (development and embedded mode only).
 */
import nodemailer from "nodemailer";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { mailboxMessages } from "../db/schema";
import type { MailContent } from "../mail/layout";

export interface Mailer {
  send(message: MailContent & { to: string }): Promise<void>;
}

export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">, db: Db): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from: config.mailFrom, ...message });
      },
    };
  }
  return {
    async send(message) {
      await db
        .insert(mailboxMessages)
        .values({ to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
  };
}
