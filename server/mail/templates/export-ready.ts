import { z } from "zod";
import { getT, getTn } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  demarcheLibelle: z.string(),
  demarcheId: z.number().int().positive(),
  format: z.enum(["csv", "xlsx", "ods", "json", "zip"]),
  count: z.number().int().nonnegative(),
});

/** To the instructeur who asked for an export, once it is generated (server/exports/generate-export.ts). */
export const exportReadyTemplate = {
  params: ZParams,
  render({ demarcheLibelle, demarcheId, format, count }, { locale, appUrl }) {
    const t = getT(locale);
    const tn = getTn(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      tn("exports.mail.subject", count, { demarche }),
      [
        { paragraph: t("exports.mail.hello") },
        { paragraph: t("exports.mail.body", { format: format.toUpperCase(), demarche }) },
        { link: { label: t("exports.mail.action"), url: `${appUrl}/procedures/${demarcheId}/exports` } },
        { paragraph: t("exports.mail.kept") },
      ],
      t("exports.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
