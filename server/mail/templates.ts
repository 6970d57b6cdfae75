import type { z } from "zod";
import { type MailContent, type MailContext, withDemarcheLogo } from "./layout";
import { accountExistsTemplate } from "./templates/account-exists";
import { avisAnsweredTemplate, avisDecisionTemplate, avisRequestTemplate } from "./templates/avis-mails";
import { confirmEmailTemplate } from "./templates/confirm-email";
import { dossierCustomMailTemplate } from "./templates/dossier-custom-mail";
import { demarcheClosedTemplate } from "./templates/demarche-closed";
import { brouillonReminderTemplate } from "./templates/brouillon-reminder";
import { DOSSIER_MAIL_TEMPLATES } from "./templates/dossier-mails";
import { archiveReadyTemplate } from "./templates/archive-ready";
import { exportReadyTemplate } from "./templates/export-ready";
import { dossiersExpiredTemplate, dossiersExpiringTemplate } from "./templates/expiry-mails";
import { EQUIPE_MAIL_TEMPLATES } from "./templates/equipe-mails";
import { franceConnectMergeTemplate } from "./templates/france-connect-merge";
import { instructeurAddedTemplate } from "./templates/instructeur-added";
import { dossierGroupeChangeTemplate } from "./templates/groupe-mails";
import { INSTRUCTEUR_MAIL_TEMPLATES } from "./templates/instructeur-mails";
import { invitationTemplate } from "./templates/invitation";
import { nouveauMessageTemplate } from "./templates/nouveau-message";
import { changeEmailTemplate, dossierInviteTemplate, dossierTransferTemplate } from "./templates/partage-mails";
import { resetPasswordTemplate } from "./templates/reset-password";

/** A mail template declares the parameters it needs: they are checked when the mail is enqueued. */
export interface MailTemplate<S extends z.ZodType> {
  params: S;
  render(params: z.infer<S>, ctx: MailContext): MailContent;
}

/** One file per template in this folder (the dossier e-mails are one table); register each here. */
export const MAIL_TEMPLATES = {
  // accounts
  confirm_email: confirmEmailTemplate,
  account_exists: accountExistsTemplate,
  reset_password: resetPasswordTemplate,
  invitation: invitationTemplate,
  instructeur_added: instructeurAddedTemplate,
  france_connect_merge: franceConnectMergeTemplate,
  // dossiers (enqueued by server/operations/dossiers/apply-transition.ts)
  ...DOSSIER_MAIL_TEMPLATES,
  // the same e-mails when the démarche customised them (server/events/reactions/usager-state-mails.ts)
  dossier_personnalise: dossierCustomMailTemplate,
  // avis d'experts (server/events/reactions/avis-mails.ts)
  avis_request: avisRequestTemplate,
  avis_answered: avisAnsweredTemplate,
  avis_decision: avisDecisionTemplate,
  // instructeurs: colleague, instant e-mails, digests (server/events/reactions/instructeur-mails.ts, server/jobs/digest.job.ts)
  ...INSTRUCTEUR_MAIL_TEMPLATES,
  // groupes instructeurs (server/events/reactions/groupe-change-mails.ts)
  dossier_groupe_change: dossierGroupeChangeTemplate,
  // messagerie (enqueued by server/events/reactions/usager-message-mail.ts)
  nouveau_message: nouveauMessageTemplate,
  // exports (enqueued by server/exports/generate-export.ts when the file is ready)
  export_ready: exportReadyTemplate,
  // monthly archives (server/events/reactions/archive-ready-mail.ts)
  archive_ready: archiveReadyTemplate,
  // co-administrateurs (server/events/reactions/administrateur-mails.ts), API token expiry (server/jobs/api-token-expiry.job.ts)
  ...EQUIPE_MAIL_TEMPLATES,
  // démarche closed, usagers told (server/operations/demarches/send-closing-notification.ts)
  demarche_closed: demarcheClosedTemplate,
  // brouillon not submitted 2 days before the démarche closes (server/events/reactions/brouillon-reminder.ts)
  brouillon_reminder: brouillonReminderTemplate,
  // the usager's sharing and account (server/events/reactions/partage-mails.ts, server/operations/accounts/change-email.ts)
  dossier_invite: dossierInviteTemplate,
  dossier_transfer: dossierTransferTemplate,
  change_email: changeEmailTemplate,
  // conservation: notices and deletions at expiry (server/operations/retention/)
  dossiers_expiring: dossiersExpiringTemplate,
  dossiers_expired: dossiersExpiredTemplate,
} satisfies Record<string, MailTemplate<z.ZodType>>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;

/** What enqueuing `template` takes (before the schema's defaults and coercions). */
export type MailParams<N extends MailTemplateName> = z.input<(typeof MAIL_TEMPLATES)[N]["params"]>;

export function isMailTemplateName(name: unknown): name is MailTemplateName {
  return typeof name === "string" && Object.hasOwn(MAIL_TEMPLATES, name);
}

/** The template's schema for its parameters (any template, for checks made on stored payloads). */
export function mailParamsSchema(name: MailTemplateName): z.ZodType {
  return MAIL_TEMPLATES[name].params;
}

/**
 * Parses the parameters with the template's schema (throws when they do not fit) and renders it in
 * the shared layout (the démarche's logo when the mail is about one: `withDemarcheLogo`).
 */
export function renderMail(name: MailTemplateName, params: unknown, ctx: MailContext): MailContent {
  const template: MailTemplate<z.ZodType> = MAIL_TEMPLATES[name];
  return withDemarcheLogo(template.render(template.params.parse(params), ctx), ctx);
}
