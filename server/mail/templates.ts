import type { z } from "zod";
import type { MailContent, MailContext } from "./layout";
import { accountExistsTemplate } from "./templates/account-exists";
import { confirmEmailTemplate } from "./templates/confirm-email";
import { dossierAccepteTemplate } from "./templates/dossier-accepte";
import { dossierClasseSansSuiteTemplate } from "./templates/dossier-classe-sans-suite";
import { dossierDeposeTemplate } from "./templates/dossier-depose";
import { dossierPasseEnInstructionTemplate } from "./templates/dossier-passe-en-instruction";
import { dossierRefuseTemplate } from "./templates/dossier-refuse";
import { dossierRepasseEnInstructionTemplate } from "./templates/dossier-repasse-en-instruction";
import { instructeurAddedTemplate } from "./templates/instructeur-added";
import { invitationTemplate } from "./templates/invitation";
import { resetPasswordTemplate } from "./templates/reset-password";

export interface MailTemplate<S extends z.ZodType> {
  params: S;
  render(params: z.infer<S>, ctx: MailContext): MailContent;
}

/** One file per template in this folder; register each here. */
export const MAIL_TEMPLATES = {
  // accounts
  confirm_email: confirmEmailTemplate,
  account_exists: accountExistsTemplate,
  reset_password: resetPasswordTemplate,
  invitation: invitationTemplate,
  instructeur_added: instructeurAddedTemplate,
  // dossiers (names enqueued by server/operations/dossiers/apply-transition.ts)
  dossier_depose: dossierDeposeTemplate,
  dossier_passe_en_instruction: dossierPasseEnInstructionTemplate,
  dossier_accepte: dossierAccepteTemplate,
  dossier_refuse: dossierRefuseTemplate,
  dossier_classe_sans_suite: dossierClasseSansSuiteTemplate,
  dossier_repasse_en_instruction: dossierRepasseEnInstructionTemplate,
} satisfies Record<string, MailTemplate<z.ZodType>>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
