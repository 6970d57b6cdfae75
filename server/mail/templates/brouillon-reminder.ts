import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  dossierId: z.number().int(),
  demarcheLibelle: z.string(),
  /** `YYYY-MM-DD`: the démarche's closing day. */
  closingOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/**
 * To the owner of a brouillon not submitted two days before the démarche closes (the reference's
 * `notify_brouillon_not_submitted`; server/operations/dossiers/notify-draft-not-submitted.ts).
 */
export const brouillonReminderTemplate = {
  params: ZParams,
  render({ dossierId, demarcheLibelle, closingOn }, { locale, appUrl }) {
    const t = getT(locale);
    const demarche = oneLine(demarcheLibelle);
    const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${closingOn}T00:00:00Z`),
    );
    return composeMail(
      t("cycle.mail.draftNotSubmitted.subject", { demarche }),
      [
        { paragraph: t("notifications.mail.hello") },
        { paragraph: t("cycle.mail.draftNotSubmitted.body", { demarche, date, number: dossierId }) },
        { paragraph: t("cycle.mail.draftNotSubmitted.submit", { date }) },
        { link: { label: t("cycle.mail.draftNotSubmitted.action"), url: `${appUrl}/dossiers/${dossierId}/brouillon` } },
      ],
      t("notifications.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
