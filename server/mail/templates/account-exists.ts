import { z } from "zod";
import { getT } from "../../../common/i18n";
import { ZRedirectPath } from "../../operations/accounts/redirect-path";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";

const ZParams = z.object({
  email: z.string(),
  redirectTo: ZRedirectPath,
});

/**
 * Sent instead of a confirmation when someone signs up with an address that already has an
 * account: the page shown is the same, so the form does not reveal which addresses are registered.
 */
export const accountExistsTemplate = {
  params: ZParams,
  render({ email, redirectTo }, { locale, appUrl }) {
    const t = getT(locale);
    const query = redirectTo ? `?${new URLSearchParams({ redirect_to: redirectTo })}` : "";
    return composeMail(
      t("mail.auth.accountExists.subject"),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.auth.accountExists.intro", { email }) },
        { link: { label: t("mail.auth.accountExists.signIn"), url: `${appUrl}/users/sign_in${query}` } },
        { paragraph: t("mail.auth.accountExists.forgot") },
        { link: { label: t("mail.auth.accountExists.reset"), url: `${appUrl}/users/password/new` } },
        { paragraph: t("mail.auth.accountExists.ignore") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
