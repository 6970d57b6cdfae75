import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  dossierNumber: z.coerce.number().int().positive(),
  demarcheLibelle: z.string(),
  /** A correction was asked with the message. */
  correction: z.boolean().default(false),
});

/**
 * Sent to the usager for each message of the administration: a link to the thread, never the
 * message itself (it may quote confidential parts; the thread is behind sign-in).
 */
export const nouveauMessageTemplate = {
  params: ZParams,
  render({ dossierNumber, demarcheLibelle, correction }, { locale, appUrl }) {
    const t = getT(locale);
    const vars = { number: dossierNumber, demarche: oneLine(demarcheLibelle) };
    return composeMail(
      t(correction ? "mail.message.correctionSubject" : "mail.message.subject", vars),
      [
        { paragraph: t("mail.dossier.hello") },
        { paragraph: t(correction ? "mail.message.correctionBody" : "mail.message.body", vars) },
        { link: { label: t("mail.message.linkLabel"), url: `${appUrl}/dossiers/${dossierNumber}/messagerie` } },
        { paragraph: t("mail.message.noReply") },
      ],
      t("mail.dossier.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
