/**
 * Conservation e-mails (server/operations/retention/): one e-mail per recipient listing all their
 * dossiers, as the reference groups them — the notice 2 weeks before deletion (to the usager, and
 * to the administration for decided dossiers), and the deletion at expiry.
 */
import { z } from "zod";
import { getT, getTn } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const STATES = ["brouillon", "en_construction", "en_instruction", "accepte", "refuse", "sans_suite"] as const;

const ZDossierLine = z.object({
  number: z.number().int(),
  demarcheLibelle: z.string(),
  state: z.enum(STATES),
  /** ISO instant of the deletion (notice) or null (already deleted). */
  expiredAt: z.string().nullable(),
});

const ZExpiring = z.object({
  audience: z.enum(["usager", "administration"]),
  dossiers: z.array(ZDossierLine).min(1).max(10_000),
});

const ZExpired = z.object({
  audience: z.enum(["usager", "administration"]),
  dossiers: z.array(ZDossierLine).min(1).max(10_000),
});

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(
    new Date(iso),
  );
}

export const dossiersExpiringTemplate = {
  params: ZExpiring,
  render({ audience, dossiers }, { locale, appUrl }) {
    const t = getT(locale);
    const tn = getTn(locale);
    const lines = dossiers.map((d) =>
      t("conservation.mail.expiring.line", {
        number: d.number,
        demarche: oneLine(d.demarcheLibelle),
        state: t(`conservation.state.${d.state}`),
        date: d.expiredAt ? formatDate(d.expiredAt, locale) : "",
      }),
    );
    return composeMail(
      tn("conservation.mail.expiring.subject", dossiers.length),
      [
        { paragraph: t("notifications.mail.hello") },
        { paragraph: tn("conservation.mail.expiring.intro", dossiers.length) },
        { paragraph: lines.join("\n") },
        {
          paragraph:
            audience === "usager"
              ? t("conservation.mail.expiring.usagerAction")
              : t("conservation.mail.expiring.administrationAction"),
        },
        ...(audience === "usager" ? [{ link: { label: t("conservation.mail.expiring.link"), url: `${appUrl}/dossiers` } }] : []),
      ],
      t("notifications.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZExpiring>;

export const dossiersExpiredTemplate = {
  params: ZExpired,
  render({ audience, dossiers }, { locale }) {
    const t = getT(locale);
    const tn = getTn(locale);
    const lines = dossiers.map((d) =>
      t("conservation.mail.expired.line", {
        number: d.number,
        demarche: oneLine(d.demarcheLibelle),
        state: t(`conservation.state.${d.state}`),
      }),
    );
    return composeMail(
      tn("conservation.mail.expired.subject", dossiers.length),
      [
        { paragraph: t("notifications.mail.hello") },
        { paragraph: tn("conservation.mail.expired.intro", dossiers.length) },
        { paragraph: lines.join("\n") },
        ...(audience === "usager" ? [{ paragraph: t("conservation.mail.expired.restore") }] : []),
      ],
      t("notifications.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZExpired>;
