import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";

const ZParams = z.object({
  email: z.string(),
  token: z.string().min(1),
});

/**
 * Sent when someone signing in with FranceConnect asks to prove the existing account of the same
 * address by e-mail: the link links the FranceConnect identity to the account and signs in.
 */
export const franceConnectMergeTemplate = {
  params: ZParams,
  render({ email, token }, { locale, appUrl }) {
    const t = getT(locale);
    const query = new URLSearchParams({ email_merge_token: token });
    return composeMail(
      t("mail.auth.franceConnectMerge.subject"),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.auth.franceConnectMerge.intro", { email }) },
        {
          link: {
            label: t("mail.auth.franceConnectMerge.action"),
            url: `${appUrl}/france_connect/particulier/merge_with_existing_account?${query}`,
          },
        },
        { paragraph: t("mail.auth.franceConnectMerge.validity") },
        { paragraph: t("mail.auth.franceConnectMerge.ignore") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
