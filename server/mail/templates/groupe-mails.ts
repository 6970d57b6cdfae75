/** E-mail to an instructeur who stopped following a dossier moved to a groupe they are not in. */
import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  dossierNumber: z.number().int().positive(),
  demarcheLibelle: z.string(),
  groupeLabel: z.string(),
});

export const dossierGroupeChangeTemplate = {
  params: ZParams,
  render(p, { locale }) {
    const t = getT(locale);
    const values = { number: p.dossierNumber, demarche: oneLine(p.demarcheLibelle), groupe: oneLine(p.groupeLabel) };
    return composeMail(
      t("groupes.mail.moved.subject", values),
      [{ paragraph: t("notifications.mail.hello") }, { paragraph: t("groupes.mail.moved.intro", values) }],
      t("notifications.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
