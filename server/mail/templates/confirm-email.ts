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

/** Sent after sign-up (and on request): the link confirms the address and signs the user in. */
export const confirmEmailTemplate = {
  params: ZParams,
  render({ email, token, redirectTo }, { locale, appUrl }) {
    const t = getT(locale);
    const query = new URLSearchParams({ token });
    if (redirectTo) query.set("redirect_to", redirectTo);
    return composeMail(
      t("mail.auth.confirmEmail.subject"),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.auth.confirmEmail.intro", { email }) },
        { link: { label: t("mail.auth.confirmEmail.action"), url: `${appUrl}/users/confirmation?${query}` } },
        { paragraph: t("mail.auth.confirmEmail.validity") },
        { paragraph: t("mail.auth.confirmEmail.ignore") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
