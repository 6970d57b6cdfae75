import type { MailTemplate } from "../templates";
import { renderDossierMail, ZDossierMailParams } from "./dossier-common";

/** Decision: accepted; the motivation (optional) is quoted when there is one. */
export const dossierAccepteTemplate = {
  params: ZDossierMailParams,
  render(params, ctx) {
    return renderDossierMail("accepte", params, ctx, { withMotivation: true });
  },
} satisfies MailTemplate<typeof ZDossierMailParams>;
