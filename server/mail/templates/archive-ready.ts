import { z } from "zod";
import { getT, getTn } from "../../../common/i18n";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  demarcheLibelle: z.string(),
  demarcheId: z.number().int().positive(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  count: z.number().int().nonnegative(),
});

/** To the administrateur who asked for a monthly archive, once generated (server/events/reactions/archive-ready-mail.ts). */
export const archiveReadyTemplate = {
  params: ZParams,
  render({ demarcheLibelle, demarcheId, month, count }, { locale, appUrl }) {
    const t = getT(locale);
    const tn = getTn(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("exports.archives.mail.subject", { month, demarche }),
      [
        { paragraph: t("exports.mail.hello") },
        { paragraph: tn("exports.archives.mail.body", count, { month, demarche }) },
        { link: { label: t("exports.archives.mail.action"), url: `${appUrl}/admin/procedures/${demarcheId}/archives` } },
        { paragraph: t("exports.archives.mail.kept") },
      ],
      t("exports.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
