/**
 * The accusé de réception carries the PDF receipt: made by the send-mail job in the usager's
 * language, stored with the mail in the local mailbox and sent as a MIME attachment over SMTP.
 * Other state mails carry nothing.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champValue, constant, eq } from "../../../server/domain/conditions/ast";
import { createMailer } from "../../../server/integrations/mailer";
import { makeMailAttachments } from "../../../server/mail/attachments";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { readPdf } from "../../support/pdf-text";
import { deliverMails, mailsTo } from "../accounts/helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function submitted(state: "en_construction" | "en_instruction" = "en_construction") {
  const { db } = database;
  const built = await buildDemarche(db, {
    libelle: "Aide à la rénovation énergétique",
    champs: [
      { type: "text", libelle: "Adresse du logement" },
      { type: "yes_no", libelle: "Êtes-vous propriétaire ?" },
      {
        type: "text",
        libelle: "Nom du propriétaire",
        condition: (idOf) => eq(champValue(idOf("Êtes-vous propriétaire ?")), constant(false)),
      },
    ],
  });
  const usager = await buildUser(db);
  const { dossierId } = await buildDossier(db, {
    demarche: built.demarche,
    usager,
    state,
    identity: { civilite: "M.", nom: "Lefèvre", prenom: "Antoine" },
    values: {
      "Adresse du logement": "3 rue des Lilas, Lyon",
      "Êtes-vous propriétaire ?": "true",
      "Nom du propriétaire": "Ne pas montrer",
    },
  });
  return { built, usager, dossierId };
}

describe("accusé de réception", () => {
  it("stores the PDF receipt with the mail, whose text names the dossier, the démarche, the usager and the answers", async () => {
    const { usager, dossierId } = await submitted();
    await deliverMails(database);
    const [mail] = await mailsTo(database.db, usager.email);
    expect(mail?.subject).toContain(String(dossierId));
    expect(mail?.attachments).toHaveLength(1);
    const attachment = mail?.attachments?.[0];
    expect(attachment).toMatchObject({ filename: `accuse-de-reception-${dossierId}.pdf`, contentType: "application/pdf" });
    const bytes = Buffer.from(attachment?.base64 ?? "", "base64");
    expect(bytes.length).toBe(attachment?.byteSize);
    const pdf = await readPdf(bytes);
    for (const text of [
      "Accusé de réception",
      `Numéro de dossier ${dossierId}`,
      "Aide à la rénovation énergétique",
      "Déposé le",
      "Lefèvre",
      "Antoine",
      usager.email,
      "Adresse du logement",
      "3 rue des Lilas, Lyon",
    ]) {
      expect(pdf.text).toContain(text);
    }
    expect(pdf.text).not.toContain("Nom du propriétaire");
    expect(pdf.info.Title).toBe(`Accusé de réception – dossier n° ${dossierId}`);
  });

  it("attaches nothing to the later state mails", async () => {
    const { usager } = await submitted("en_instruction");
    await deliverMails(database);
    const mails = await mailsTo(database.db, usager.email);
    expect(mails).toHaveLength(2);
    expect(mails[0]?.attachments).toHaveLength(1);
    expect(mails[1]?.attachments).toBeNull();
  });

  it("is sent over SMTP as a PDF attachment of the mail", async () => {
    const { dossierId } = await submitted();
    const raw: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          raw.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const mailer = createMailer(
        { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: "Guichet <ne-pas-repondre@guichet.localhost>" },
        database.db,
      );
      const attachments = await makeMailAttachments(database.db, [{ kind: "dossier_receipt", dossierId }], "en");
      await mailer.send({
        to: "camille@exemple.fr",
        subject: "Receipt",
        text: "See the receipt.",
        html: "<p>See the receipt.</p>",
        attachments,
      });
      expect(raw).toHaveLength(1);
      const message = raw[0] as string;
      expect(message).toMatch(/Content-Type: multipart\/mixed/);
      expect(message).toMatch(/Content-Type: application\/pdf; name=acknowledgement-\d+\.pdf/);
      expect(message).toMatch(/Content-Disposition: attachment; filename=acknowledgement-\d+\.pdf/);
      const base64 = message.split(/Content-Disposition: attachment[^\n]*\r?\n\r?\n/)[1]?.split("\r\n--")[0] ?? "";
      const pdf = await readPdf(Buffer.from(base64.replace(/\s+/g, ""), "base64"));
      expect(pdf.text).toContain("Acknowledgement of receipt");
      expect(pdf.text).toContain(`File number ${dossierId}`);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
