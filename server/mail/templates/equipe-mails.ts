/**
 * E-mails of the démarche's team and of API tokens: an administrateur added (invitation link when
 * the account has no password yet, else a sign-in link), and an API token about to expire.
 */
import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZAdminInvitation = z.object({
  email: z.string(),
  token: z.string().min(1),
  invitedByEmail: z.string(),
  demarcheLibelle: z.string(),
});

const administrateurInvitationTemplate = {
  params: ZAdminInvitation,
  render({ email, token, invitedByEmail, demarcheLibelle }, { locale, appUrl }) {
    const t = getT(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("equipe.mail.adminInvitation.subject", { demarche }),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("equipe.mail.adminInvitation.intro", { inviter: invitedByEmail, demarche }) },
        { paragraph: t("equipe.mail.adminInvitation.account", { email }) },
        {
          link: {
            label: t("equipe.mail.adminInvitation.action"),
            url: `${appUrl}/users/invitation?${new URLSearchParams({ token })}`,
          },
        },
        { paragraph: t("equipe.mail.adminInvitation.validity") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZAdminInvitation>;

const ZAdminAdded = z.object({ email: z.string(), invitedByEmail: z.string(), demarcheLibelle: z.string() });

const administrateurAddedTemplate = {
  params: ZAdminAdded,
  render({ email, invitedByEmail, demarcheLibelle }, { locale, appUrl }) {
    const t = getT(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("equipe.mail.adminAdded.subject", { demarche }),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("equipe.mail.adminAdded.intro", { inviter: invitedByEmail, demarche }) },
        {
          link: {
            label: t("equipe.mail.adminAdded.action"),
            url: `${appUrl}/users/sign_in?${new URLSearchParams({ redirect_to: "/admin/procedures" })}`,
          },
        },
        { paragraph: t("equipe.mail.adminAdded.account", { email }) },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZAdminAdded>;

const ZTokenExpiring = z.object({
  name: z.string(),
  prefix: z.string(),
  /** ISO instant of the expiry. */
  expiresAt: z.string(),
});

const apiTokenExpiringTemplate = {
  params: ZTokenExpiring,
  render({ name, prefix, expiresAt }, { locale, appUrl }) {
    const t = getT(locale);
    const date = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", {
      dateStyle: "long",
      timeZone: "Europe/Paris",
    }).format(new Date(expiresAt));
    const tokenName = oneLine(name);
    return composeMail(
      t("equipe.mail.tokenExpiring.subject", { name: tokenName, date }),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("equipe.mail.tokenExpiring.intro", { name: tokenName, prefix, date }) },
        { paragraph: t("equipe.mail.tokenExpiring.body") },
        { link: { label: t("equipe.mail.tokenExpiring.action"), url: `${appUrl}/admin/jetons` } },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZTokenExpiring>;

export const EQUIPE_MAIL_TEMPLATES = {
  administrateur_invitation: administrateurInvitationTemplate,
  administrateur_added: administrateurAddedTemplate,
  api_token_expiring: apiTokenExpiringTemplate,
};
