import type { MailTemplate } from "../templates";
import { renderDossierMail, ZDossierMailParams } from "./dossier-common";

/** The dossier is en instruction: the usager can no longer change it. */
export const dossierPasseEnInstructionTemplate = {
  params: ZDossierMailParams,
  render(params, ctx) {
    return renderDossierMail("passeEnInstruction", params, ctx, { after: "messages" });
  },
} satisfies MailTemplate<typeof ZDossierMailParams>;
