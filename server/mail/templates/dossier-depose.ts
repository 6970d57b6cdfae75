import type { MailTemplate } from "../templates";
import { renderDossierMail, ZDossierMailParams } from "./dossier-common";

/** Accusé de réception: the usager's dossier is en construction (sent on "Déposer le dossier"). */
export const dossierDeposeTemplate = {
  params: ZDossierMailParams,
  render(params, ctx) {
    return renderDossierMail("depose", params, ctx, { after: "stillEditable" });
  },
} satisfies MailTemplate<typeof ZDossierMailParams>;
