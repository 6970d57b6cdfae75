/**
 * The mailer against real peers: a real SMTP server (smtp-server) on a loopback port when SMTP_URL
 * is set, and the mailbox_messages table of a real database otherwise.
 */
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxMessages } from "../../../server/db/schema";
import { createMailer } from "../../../server/integrations/mailer";
import { createTestDatabase, type TestDatabase } from "../../support/database";

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let port: number;
let database: TestDatabase;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(0, "127.0.0.1", () => resolve());
  });
  port = (smtp.server.address() as AddressInfo).port;
  database = await createTestDatabase();
});

afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.close();
});

const message = {
  to: "camille.usager@exemple.fr",
  subject: "Votre dossier n°42 a été déposé",
  text: "Bonjour,\n\nVotre dossier a bien été déposé.\nSuivre le dossier : http://localhost:3000/dossiers/42\n",
  html: '<p>Bonjour,</p><p>Votre dossier a bien été déposé.</p><p><a href="http://localhost:3000/dossiers/42">Suivre le dossier</a></p>',
};

describe("mailer over SMTP", () => {
  it("delivers the message, with its text and HTML parts, to the SMTP server", async () => {
    const mailer = createMailer(
      { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: "Guichet <ne-pas-repondre@guichet.localhost>" },
      database.db,
    );
    await mailer.send(message);

    expect(received).toHaveLength(1);
    const mail = received[0] as Received;
    expect(mail.envelopeFrom).toBe("ne-pas-repondre@guichet.localhost");
    expect(mail.envelopeTo).toEqual(["camille.usager@exemple.fr"]);

    const parsed = parseMessage(mail.raw);
    expect(parsed.headers.get("from")).toBe("Guichet <ne-pas-repondre@guichet.localhost>");
    expect(parsed.headers.get("to")).toBe("camille.usager@exemple.fr");
    expect(parsed.headers.get("subject")).toBe(message.subject);
    expect(parsed.headers.get("content-type")).toMatch(/^multipart\/alternative/);
    expect(parsed.parts.get("text/plain")?.replace(/\r\n/g, "\n").trim()).toBe(message.text.trim());
    expect(parsed.parts.get("text/html")?.trim()).toBe(message.html);

    // Nothing went to the local mailbox.
    const rows = await database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, message.to));
    expect(rows).toHaveLength(0);
  });

  it("fails loudly when the SMTP server cannot be reached", async () => {
    const mailer = createMailer(
      { smtpUrl: "smtp://127.0.0.1:1", mailFrom: "Guichet <ne-pas-repondre@guichet.localhost>" },
      database.db,
    );
    await expect(mailer.send({ ...message, to: "personne@exemple.fr" })).rejects.toThrow();
  });
});

describe("mailer without SMTP_URL", () => {
  it("writes the message to the local mailbox table", async () => {
    const before = received.length;
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: "Guichet <ne-pas-repondre@guichet.localhost>" }, database.db);
    await mailer.send({ ...message, to: "dominique@exemple.fr" });

    const rows = await database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, "dominique@exemple.fr"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: message.subject, text: message.text, html: message.html });
    expect(received.length).toBe(before);
  });
});

// --- A minimal MIME reader: headers (RFC 2047 words), one level of multipart, QP/base64 bodies. ---

function parseMessage(raw: string) {
  const { headers, body } = splitHeaders(raw);
  const parts = new Map<string, string>();
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = contentType.match(/boundary="?([^";]+)"?/)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitHeaders(chunk.replace(/^\r?\n/, ""));
      const type = (part.headers.get("content-type") ?? "text/plain").split(";")[0]?.trim() ?? "";
      parts.set(type, decodeBody(part.body.replace(/\r?\n$/, ""), part.headers.get("content-transfer-encoding")));
    }
  } else {
    parts.set(contentType.split(";")[0]?.trim() ?? "", decodeBody(body, headers.get("content-transfer-encoding")));
  }
  return { headers, parts };
}

function splitHeaders(raw: string) {
  const index = raw.search(/\r?\n\r?\n/);
  const head = index < 0 ? raw : raw.slice(0, index);
  const body = index < 0 ? "" : raw.slice(index).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "quoted-printable":
      return decodeQuotedPrintable(body.replace(/=\r?\n/g, ""));
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] as string, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
