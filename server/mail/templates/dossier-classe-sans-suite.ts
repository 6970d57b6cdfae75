import type { MailTemplate } from "../templates";
import { renderDossierMail, ZDossierMailParams } from "./dossier-common";

/** Decision: classé sans suite; the motivation (required) is quoted. */
export const dossierClasseSansSuiteTemplate = {
  params: ZDossierMailParams,
  render(params, ctx) {
    return renderDossierMail("classeSansSuite", params, ctx, { withMotivation: true });
  },
} satisfies MailTemplate<typeof ZDossierMailParams>;
