/**
 * The usager's sharing e-mails: an invitation to co-edit a dossier, a transfer proposal, and the
 * link confirming a new address for one's account.
 */
import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail, type MailBlock } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZInvite = z.object({
  dossierNumber: z.coerce.number().int().positive(),
  demarcheLibelle: z.string(),
  inviterEmail: z.string(),
  /** The owner's words, quoted as plain text. */
  message: z.string().nullish(),
  /** No account uses this address yet: the link leads to sign-up first. */
  hasAccount: z.boolean(),
});

export const dossierInviteTemplate = {
  params: ZInvite,
  render({ dossierNumber, demarcheLibelle, inviterEmail, message, hasAccount }, { locale, appUrl }) {
    const t = getT(locale);
    const vars = { number: dossierNumber, demarche: oneLine(demarcheLibelle), inviter: inviterEmail };
    const target = `/dossiers/${dossierNumber}`;
    const blocks: MailBlock[] = [{ paragraph: t("mail.dossier.hello") }, { paragraph: t("mail.partage.invite.body", vars) }];
    if (message) blocks.push({ quote: message });
    blocks.push(
      hasAccount
        ? { link: { label: t("mail.partage.invite.link"), url: `${appUrl}${target}` } }
        : {
            link: {
              label: t("mail.partage.invite.signUp"),
              url: `${appUrl}/users/sign_up?${new URLSearchParams({ redirect_to: target })}`,
            },
          },
      { paragraph: t("mail.partage.invite.rights") },
    );
    return composeMail(t("mail.partage.invite.subject", vars), blocks, t("mail.dossier.signature"));
  },
} satisfies MailTemplate<typeof ZInvite>;

const ZTransfer = z.object({
  fromEmail: z.string(),
  count: z.coerce.number().int().positive(),
  /** The dossier's number when one dossier is proposed. */
  dossierNumber: z.coerce.number().int().positive().nullish(),
});

export const dossierTransferTemplate = {
  params: ZTransfer,
  render({ fromEmail, count, dossierNumber }, { locale, appUrl }) {
    const t = getT(locale);
    const body =
      dossierNumber && count === 1
        ? t("mail.partage.transfer.bodyOne", { from: fromEmail, number: dossierNumber })
        : t("mail.partage.transfer.bodyAll", { from: fromEmail, count });
    return composeMail(
      t("mail.partage.transfer.subject", { from: fromEmail }),
      [
        { paragraph: t("mail.dossier.hello") },
        { paragraph: body },
        { link: { label: t("mail.partage.transfer.link"), url: `${appUrl}/dossiers/transferts` } },
        { paragraph: t("mail.partage.transfer.validity") },
      ],
      t("mail.dossier.signature"),
    );
  },
} satisfies MailTemplate<typeof ZTransfer>;

const ZChangeEmail = z.object({ newEmail: z.string(), token: z.string().min(1) });

export const changeEmailTemplate = {
  params: ZChangeEmail,
  render({ newEmail, token }, { locale, appUrl }) {
    const t = getT(locale);
    return composeMail(
      t("mail.partage.changeEmail.subject"),
      [
        { paragraph: t("mail.auth.hello") },
        { paragraph: t("mail.partage.changeEmail.body", { email: newEmail }) },
        {
          link: {
            label: t("mail.partage.changeEmail.link"),
            url: `${appUrl}/profil/email?${new URLSearchParams({ token })}`,
          },
        },
        { paragraph: t("mail.partage.changeEmail.ignore") },
      ],
      t("mail.auth.signature"),
    );
  },
} satisfies MailTemplate<typeof ZChangeEmail>;
