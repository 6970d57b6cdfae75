/**
 * The avis d'experts e-mails (enqueued by server/events/reactions/avis-mails.ts). None quotes an
 * introduction or an answer: a mailbox is no place for a confidential opinion, the link leads to
 * the page where the reader's scope decides what they see.
 */
import { z } from "zod";
import { getT } from "../../../common/i18n";
import { composeMail, type MailBlock } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZRequestParams = z.object({
  kind: z.enum(["demande", "relance"]),
  avisId: z.number().int().positive(),
  dossierNumber: z.number().int().positive(),
  demarcheLibelle: z.string(),
  claimantEmail: z.string(),
  expertEmail: z.string(),
  /** The expert's account has no password yet: the link lets them choose it, then opens the avis. */
  invitationToken: z.string().min(1).nullable(),
});

/** To the expert: an avis is asked of them (or they are reminded of it). */
export const avisRequestTemplate = {
  params: ZRequestParams,
  render(p, { locale, appUrl }) {
    const t = getT(locale);
    const vars = { number: p.dossierNumber, demarche: oneLine(p.demarcheLibelle), claimant: p.claimantEmail };
    const target = `/avis/${p.avisId}`;
    const blocks: MailBlock[] = [{ paragraph: t("avis.mail.hello") }, { paragraph: t(`avis.mail.${p.kind}.body`, vars) }];
    if (p.invitationToken) {
      blocks.push(
        { paragraph: t("avis.mail.invitation", { email: p.expertEmail }) },
        {
          link: {
            label: t("avis.mail.invitationAction"),
            url: `${appUrl}/users/invitation?${new URLSearchParams({ token: p.invitationToken, redirect_to: target })}`,
          },
        },
      );
    } else {
      blocks.push(
        { paragraph: t("avis.mail.signIn", { email: p.expertEmail }) },
        { link: { label: t("avis.mail.signInAction"), url: `${appUrl}${target}` } },
      );
    }
    return composeMail(t(`avis.mail.${p.kind}.subject`, vars), blocks, t("avis.mail.signature"));
  },
} satisfies MailTemplate<typeof ZRequestParams>;

const ZAnsweredParams = z.object({
  demarcheId: z.number().int().positive(),
  dossierNumber: z.number().int().positive(),
  demarcheLibelle: z.string(),
  expertEmail: z.string(),
});

/** To the instructeur who asked: the expert answered (the answer itself is read on the dossier). */
export const avisAnsweredTemplate = {
  params: ZAnsweredParams,
  render(p, { locale, appUrl }) {
    const t = getT(locale);
    const vars = { number: p.dossierNumber, demarche: oneLine(p.demarcheLibelle), expert: p.expertEmail };
    return composeMail(
      t("avis.mail.rendu.subject", vars),
      [
        { paragraph: t("avis.mail.hello") },
        { paragraph: t("avis.mail.rendu.body", vars) },
        {
          link: {
            label: t("avis.mail.rendu.action"),
            url: `${appUrl}/procedures/${p.demarcheId}/dossiers/${p.dossierNumber}/avis`,
          },
        },
      ],
      t("avis.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZAnsweredParams>;

const ZDecisionParams = z.object({
  decision: z.enum(["accepte", "refuse", "sans_suite"]),
  dossierNumber: z.number().int().positive(),
  demarcheLibelle: z.string(),
});

/** To an expert who answered, when the administrateur allows it: the final decision (never its motivation). */
export const avisDecisionTemplate = {
  params: ZDecisionParams,
  render(p, { locale, appUrl }) {
    const t = getT(locale);
    const vars = { number: p.dossierNumber, demarche: oneLine(p.demarcheLibelle) };
    return composeMail(
      t("avis.mail.decision.subject", vars),
      [
        { paragraph: t("avis.mail.hello") },
        { paragraph: t(`avis.mail.decision.${p.decision}`, vars) },
        { link: { label: t("avis.mail.decision.action"), url: `${appUrl}/avis` } },
      ],
      t("avis.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZDecisionParams>;
