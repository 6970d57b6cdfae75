/**
 * The instructeurs' e-mails about their dossiers (issue 9): a dossier sent by a colleague, the
 * instant e-mails of their preferences (new dossier, new message, new avis) and the two digests.
 * Strings are in the `notifications.mail` translations.
 */
import { z } from "zod";
import { getT, translatePlural, type Locale, type PluralKey } from "../../../common/i18n";
import { composeMail, type MailBlock } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const dossierUrl = (appUrl: string, demarcheId: number, dossierNumber: number) =>
  `${appUrl}/procedures/${demarcheId}/dossiers/${dossierNumber}`;
const preferencesUrl = (appUrl: string) => `${appUrl}/procedures/notifications`;

const ZColleagueParams = z.object({
  senderEmail: z.string(),
  dossierNumber: z.number().int().positive(),
  demarcheId: z.number().int().positive(),
  demarcheLibelle: z.string(),
  message: z.string().max(2000),
});

export const dossierSentToColleagueTemplate = {
  params: ZColleagueParams,
  render(p, { locale, appUrl }) {
    const t = getT(locale);
    const values = { sender: p.senderEmail, number: p.dossierNumber, demarche: oneLine(p.demarcheLibelle) };
    const blocks: MailBlock[] = [
      { paragraph: t("notifications.mail.hello") },
      { paragraph: t("notifications.mail.colleague.intro", values) },
    ];
    if (p.message) blocks.push({ paragraph: t("notifications.mail.colleague.message") }, { quote: p.message });
    blocks.push({ link: { label: t("notifications.mail.openDossier"), url: dossierUrl(appUrl, p.demarcheId, p.dossierNumber) } });
    return composeMail(t("notifications.mail.colleague.subject", values), blocks, t("notifications.mail.signature"));
  },
} satisfies MailTemplate<typeof ZColleagueParams>;

const ZInstantParams = z.object({
  dossierNumber: z.number().int().positive(),
  demarcheId: z.number().int().positive(),
  demarcheLibelle: z.string(),
});

function instantTemplate(kind: "newDossier" | "newMessage" | "newAvis") {
  return {
    params: ZInstantParams,
    render(p, { locale, appUrl }) {
      const t = getT(locale);
      const values = { number: p.dossierNumber, demarche: oneLine(p.demarcheLibelle) };
      return composeMail(
        t(`notifications.mail.${kind}.subject`, values),
        [
          { paragraph: t("notifications.mail.hello") },
          { paragraph: t(`notifications.mail.${kind}.intro`, values) },
          { link: { label: t("notifications.mail.openDossier"), url: dossierUrl(appUrl, p.demarcheId, p.dossierNumber) } },
          { paragraph: t("notifications.mail.unsubscribe", { url: preferencesUrl(appUrl) }) },
        ],
        t("notifications.mail.signature"),
      );
    },
  } satisfies MailTemplate<typeof ZInstantParams>;
}

/** What a digest counts per démarche: dossiers (not events) with each kind of news. */
export const DIGEST_COUNTS = ["depose", "modifie", "message", "annotation", "avis", "decide"] as const;
export type DigestCount = (typeof DIGEST_COUNTS)[number];

const ZDigestParams = z.object({
  demarches: z
    .array(
      z.object({
        id: z.number().int().positive(),
        libelle: z.string(),
        counts: z.partialRecord(z.enum(DIGEST_COUNTS), z.number().int().nonnegative()),
      }),
    )
    .min(1)
    .max(1000),
});
export type DigestParams = z.infer<typeof ZDigestParams>;

function digestTemplate(kind: "daily" | "weekly") {
  return {
    params: ZDigestParams,
    render(p, { locale, appUrl }) {
      const t = getT(locale);
      const blocks: MailBlock[] = [
        { paragraph: t("notifications.mail.hello") },
        { paragraph: t(`notifications.mail.${kind}.intro`) },
      ];
      for (const demarche of p.demarches) {
        const lines = DIGEST_COUNTS.flatMap((count) => {
          const n = demarche.counts[count] ?? 0;
          return n > 0 ? [`– ${plural(locale, `notifications.mail.${count}`, n)}`] : [];
        });
        blocks.push({
          paragraph: [t("notifications.mail.demarcheLine", { demarche: oneLine(demarche.libelle) }), ...lines].join("\n"),
        });
        blocks.push({ link: { label: t("notifications.mail.openList"), url: `${appUrl}/procedures/${demarche.id}` } });
      }
      blocks.push({ paragraph: t("notifications.mail.unsubscribe", { url: preferencesUrl(appUrl) }) });
      return composeMail(t(`notifications.mail.${kind}.subject`), blocks, t("notifications.mail.signature"));
    },
  } satisfies MailTemplate<typeof ZDigestParams>;
}

function plural(locale: Locale, key: PluralKey, count: number) {
  return translatePlural(locale, key, count);
}

export const INSTRUCTEUR_MAIL_TEMPLATES = {
  dossier_envoye_a_un_collegue: dossierSentToColleagueTemplate,
  instructeur_nouveau_dossier: instantTemplate("newDossier"),
  instructeur_nouveau_message: instantTemplate("newMessage"),
  instructeur_nouvel_avis: instantTemplate("newAvis"),
  instructeur_recapitulatif_quotidien: digestTemplate("daily"),
  instructeur_recapitulatif_hebdomadaire: digestTemplate("weekly"),
};
