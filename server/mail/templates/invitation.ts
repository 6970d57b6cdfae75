import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";

const ZParams = z.object({
  email: z.string(),
  token: z.string().min(1),
  invitedByEmail: z.string(),
  demarcheLibelle: z.string(),
});

/** Sent to a person without an account who was added as instructeur: the link lets them choose a password. */
export const invitationTemplate = {
  params: ZParams,
  render({ email, token, invitedByEmail, demarcheLibelle }, { locale, appUrl }) {
    const t = getT(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("mail.auth.invitation.subject", { demarche }),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.auth.invitation.intro", { inviter: invitedByEmail, demarche }) },
        { paragraph: t("mail.auth.invitation.account", { email }) },
        {
          link: {
            label: t("mail.auth.invitation.action"),
            url: `${appUrl}/users/invitation?${new URLSearchParams({ token })}`,
          },
        },
        { paragraph: t("mail.auth.invitation.validity") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;

/** A démarche title goes into the subject line: no line breaks, bounded length. */
export function oneLine(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
