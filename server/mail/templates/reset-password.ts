import { z } from "zod";
import { getT } from "../../../common/i18n";
import { ZRedirectPath } from "../../operations/accounts/redirect-path";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";

const ZParams = z.object({
  email: z.string(),
  token: z.string().min(1),
  redirectTo: ZRedirectPath,
});

/** Sent from the forgotten-password form: a one-hour, single-use link to choose a new password. */
export const resetPasswordTemplate = {
  params: ZParams,
  render({ email, token, redirectTo }, { locale, appUrl }) {
    const t = getT(locale);
    const query = new URLSearchParams({ token });
    if (redirectTo) query.set("redirect_to", redirectTo);
    return composeMail(
      t("mail.auth.resetPassword.subject"),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.auth.resetPassword.intro", { email }) },
        {
          link: {
            label: t("mail.auth.resetPassword.action"),
            url: `${appUrl}/users/password/edit?${query}`,
          },
        },
        { paragraph: t("mail.auth.resetPassword.validity") },
        { paragraph: t("mail.auth.resetPassword.ignore") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
