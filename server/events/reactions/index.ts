/**
 * Every reaction to domain events, in the order they run. Later capabilities add theirs here
 * (instructeur notifications, webhooks, digests…), never a mechanism of their own.
 */
import type { EventKind } from "../../domain/events/kinds";
import type { Reaction } from "../reaction";
import { administrateurAddedMail } from "./administrateur-mails";
import { archiveReadyMail } from "./archive-ready-mail";
import { attestationGeneration } from "./attestations";
import { brouillonReminderMail } from "./brouillon-reminder";
import { avisAnsweredMail, avisDecisionMails, avisRequestMails } from "./avis-mails";
import { closingNotification } from "./closing-notification";
import { groupeChangeMails } from "./groupe-change-mails";
import { instructeurMails } from "./instructeur-mails";
import { dossierInviteMail, dossierTransferMail } from "./partage-mails";
import { resetExpiringDossiers } from "./reset-expiring-dossiers";
import { resolveCorrections } from "./resolve-corrections";
import { svaSvrDate } from "./sva-svr-date";
import { usagerMessageMail } from "./usager-message-mail";
import { usagerStateMails } from "./usager-state-mails";
import { webhookDeliveriesReaction } from "./webhook-deliveries";

export const REACTIONS: readonly Reaction<EventKind>[] = [
  usagerStateMails,
  instructeurMails,
  avisRequestMails,
  avisAnsweredMail,
  avisDecisionMails,
  usagerMessageMail,
  resolveCorrections,
  svaSvrDate,
  administrateurAddedMail,
  groupeChangeMails,
  webhookDeliveriesReaction,
  closingNotification,
  attestationGeneration,
  dossierInviteMail,
  dossierTransferMail,
  archiveReadyMail,
  brouillonReminderMail,
  resetExpiringDossiers,
];
