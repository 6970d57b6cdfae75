import { z } from "zod";
import { getT, getTn } from "../../../common/i18n";
import { archiveMonthLabel } from "../../domain/archives/archives";
import { composeMail } from "../layout";
import type { MailTemplate } from "../templates";
import { oneLine } from "./invitation";

const ZParams = z.object({
  demarcheLibelle: z.string(),
  demarcheId: z.number().int().positive(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  count: z.number().int().nonnegative(),
  /** Whose archives page the link opens: the administrateur's (whole démarche) or the instructeur's. */
  space: z.enum(["admin", "instructeur"]).default("admin"),
});

/**
 * To the administrateur or instructeur who asked for a monthly archive, once generated
 * (server/events/reactions/archive-ready-mail.ts); the month reads « mars 2026 » / « March 2026 ».
 */
export const archiveReadyTemplate = {
  params: ZParams,
  render({ demarcheLibelle, demarcheId, month: value, count, space }, { locale, appUrl }) {
    const t = getT(locale);
    const month = archiveMonthLabel(value, locale);
    const page = space === "instructeur" ? `/procedures/${demarcheId}/archives` : `/admin/procedures/${demarcheId}/archives`;
    const tn = getTn(locale);
    const demarche = oneLine(demarcheLibelle);
    return composeMail(
      t("exports.archives.mail.subject", { month, demarche }),
      [
        { paragraph: t("exports.mail.hello") },
        { paragraph: tn("exports.archives.mail.body", count, { month, demarche }) },
        { link: { label: t("exports.archives.mail.action"), url: `${appUrl}${page}` } },
        { paragraph: t("exports.archives.mail.kept") },
      ],
      t("exports.mail.signature"),
    );
  },
} satisfies MailTemplate<typeof ZParams>;
