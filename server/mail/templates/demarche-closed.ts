import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  demarcheLibelle: z.string(),
  closingDetails: z.string().nullable(),
  replacementLibelle: z.string().nullable(),
  replacementPath: z.string().nullable(),
});

/** To usagers with a brouillon or a dossier en cours on a démarche its administrateur closed (server/operations/demarches/send-closing-notification.ts). */
export const demarcheClosedTemplate = {
  params: ZParams,
  render({ demarcheLibelle, closingDetails, replacementLibelle, replacementPath }, { locale, appUrl }) {
    const t = getT(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("cycle.mail.closed.subject", { demarche }),
      [
        { paragraph: t("notifications.mail.hello") },
        { paragraph: t("cycle.mail.closed.body", { demarche }) },
        ...(closingDetails ? [{ paragraph: closingDetails }] : []),
        ...(replacementLibelle && replacementPath
          ? [
              { paragraph: t("cycle.mail.closed.replacement", { replacement: oneLine(replacementLibelle) }) },
              {
                link: { label: t("cycle.mail.closed.action"), url: `${appUrl}/commencer/${encodeURIComponent(replacementPath)}` },
              },
            ]
          : []),
        { paragraph: t("cycle.mail.closed.dossiers") },
      ],
      t("notifications.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
