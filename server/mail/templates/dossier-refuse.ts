import type { MailTemplate } from "../templates";
import { renderDossierMail, ZDossierMailParams } from "./dossier-common";

/** Decision: refused; the motivation (required by the state machine) is quoted. */
export const dossierRefuseTemplate = {
  params: ZDossierMailParams,
  render(params, ctx) {
    return renderDossierMail("refuse", params, ctx, { withMotivation: true });
  },
} satisfies MailTemplate<typeof ZDossierMailParams>;
