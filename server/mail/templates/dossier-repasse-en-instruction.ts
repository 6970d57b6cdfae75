import type { MailTemplate } from "../templates";
import { renderDossierMail, ZDossierMailParams } from "./dossier-common";

/** The previous decision was withdrawn: the dossier is en instruction again. */
export const dossierRepasseEnInstructionTemplate = {
  params: ZDossierMailParams,
  render(params, ctx) {
    return renderDossierMail("repasseEnInstruction", params, ctx, { after: "next" });
  },
} satisfies MailTemplate<typeof ZDossierMailParams>;
