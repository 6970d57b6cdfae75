import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  email: z.string(),
  invitedByEmail: z.string(),
  demarcheLibelle: z.string(),
});

/** Sent to someone who already has an account when they are made instructeur of a démarche. */
export const instructeurAddedTemplate = {
  params: ZParams,
  render({ email, invitedByEmail, demarcheLibelle }, { locale, appUrl }) {
    const t = getT(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("mail.auth.instructeurAdded.subject", { demarche }),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.auth.instructeurAdded.intro", { inviter: invitedByEmail, demarche }) },
        {
          link: {
            label: t("mail.auth.instructeurAdded.action"),
            url: `${appUrl}/users/sign_in?${new URLSearchParams({ redirect_to: "/procedures" })}`,
          },
        },
        { paragraph: t("mail.auth.instructeurAdded.account", { email }) },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
