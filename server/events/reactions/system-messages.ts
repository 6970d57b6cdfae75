/**
 * The copy of each state e-mail in the dossier's messagerie, as the reference keeps it: a system
 * message with the e-mail's text in the usager's language, written when the e-mail is (not when the
 * instructeur asked for silence, nor on a test dossier or a dossier without usager).
 */
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { commentaires, demarches, dossiers, users } from "../../db/schema";
import { APP_URL_TOKEN } from "../../domain/mail-templates/mail-templates";
import { messageBody } from "../../domain/messages/message-body";
import { customDossierMail } from "../../lookups/dossier-mail";
import { dossierMailText } from "../../mail/templates/dossier-mails";
import { defineReaction } from "../reaction";
import { MAIL_BY_KIND, usagerMailFor } from "./usager-state-mails";

type MailedKind = keyof typeof MAIL_BY_KIND;

export const systemMessages = defineReaction({
  name: "system-messages",
  kinds: Object.keys(MAIL_BY_KIND) as MailedKind[],
  async react(tx, event) {
    if (event.dossierId === null || event.payload.silent) return;
    const [target] = await tx
      .select({
        locale: users.locale,
        forTest: dossiers.forTest,
        libelle: demarches.libelle,
        accuseLecture: demarches.accuseLecture,
      })
      .from(dossiers)
      .innerJoin(users, eq(users.id, dossiers.userId))
      .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
      .where(eq(dossiers.id, event.dossierId));
    if (!target || target.forTest) return;
    const locale = isLocale(target.locale) ? target.locale : DEFAULT_LOCALE;
    // With the accusé de lecture, the copy is as neutral as the e-mail (the usager reads the messagerie).
    const mail = usagerMailFor(event.kind, target.accuseLecture, event.payload.motivation);
    // A customised e-mail is copied as sent (its links relative to the site).
    const custom =
      mail.name === MAIL_BY_KIND[event.kind] ? await customDossierMail(tx, event.dossierId, mail.name, locale) : null;
    const text = custom
      ? custom.html.split(APP_URL_TOKEN).join("")
      : dossierMailText(
          mail.name,
          { dossierNumber: event.dossierId, demarcheLibelle: target.libelle, motivation: mail.motivation },
          locale,
        );
    const body = messageBody(text);
    if (!body.ok) return;
    await tx.insert(commentaires).values({
      dossierId: event.dossierId,
      authorKind: "system",
      authorUserId: null,
      email: "",
      body: body.html,
      createdAt: event.createdAt,
    });
  },
});
