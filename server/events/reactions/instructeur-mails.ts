/**
 * The instructeurs' instant e-mails, as reactions to events (decision 0009): a dossier sent by a
 * colleague (always), and, when their preferences for the démarche ask for it, each new dossier
 * (instructeurs of its groupe), each new message from the usager and each avis rendered (those who
 * follow the dossier). Never to the instructeur who caused the event, never for a test dossier.
 * `message.envoye` and `avis.rendu` are recorded by the messagerie and avis: this reaction follows
 * them as soon as their kinds are in the registry.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { Tx } from "../../db/client";
import {
  demarches,
  dossiers,
  follows,
  groupeInstructeurMembers,
  instructeurDemarchePreferences,
  instructeurs,
  users,
} from "../../db/schema";
import { type EventKind, isEventKind } from "../../domain/events/kinds";
import type { NotificationPreference } from "../../domain/notifications/notifications";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { defineReaction } from "../reaction";
import type { RecordedEvent } from "../record-event";

interface InstantMail {
  preference: NotificationPreference;
  template: "instructeur_nouveau_dossier" | "instructeur_nouveau_message" | "instructeur_nouvel_avis";
  /** Who may receive it: every instructeur of the dossier's groupe, or its followers. */
  audience: "groupe" | "followers";
  /** Only when the event was caused by this persona (a message from the usager, not a colleague). */
  actor?: "usager" | "expert";
}

const INSTANT_MAILS: Record<string, InstantMail> = {
  "dossier.depose": { preference: "instantEmailNewDossier", template: "instructeur_nouveau_dossier", audience: "groupe" },
  "message.envoye": {
    preference: "instantEmailNewMessage",
    template: "instructeur_nouveau_message",
    audience: "followers",
    actor: "usager",
  },
  "avis.rendu": { preference: "instantEmailNewExpertAvis", template: "instructeur_nouvel_avis", audience: "followers" },
};

const PREFERENCE_COLUMN = {
  instantEmailNewDossier: instructeurDemarchePreferences.instantEmailNewDossier,
  instantEmailNewMessage: instructeurDemarchePreferences.instantEmailNewMessage,
  instantEmailNewExpertAvis: instructeurDemarchePreferences.instantEmailNewExpertAvis,
  dailyEmailSummary: instructeurDemarchePreferences.dailyEmailSummary,
  weeklyEmailSummary: instructeurDemarchePreferences.weeklyEmailSummary,
} as const;

async function dossierOf(tx: Tx, dossierId: number) {
  const [row] = await tx
    .select({
      id: dossiers.id,
      demarcheId: dossiers.demarcheId,
      groupeId: dossiers.groupeInstructeurId,
      forTest: dossiers.forTest,
      libelle: demarches.libelle,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(eq(dossiers.id, dossierId));
  return row;
}

const locale = (value: string | null) => (isLocale(value) ? value : DEFAULT_LOCALE);

async function instantMail(tx: Tx, event: RecordedEvent, mail: InstantMail) {
  if (event.dossierId === null) return;
  if (mail.actor && event.actor !== mail.actor) return;
  const dossier = await dossierOf(tx, event.dossierId);
  if (!dossier || dossier.forTest || dossier.groupeId === null) return;
  // Opted in (the instant e-mails are off by default, so a row must say so).
  const opted = tx
    .select({ id: instructeurDemarchePreferences.instructeurId })
    .from(instructeurDemarchePreferences)
    .where(and(eq(instructeurDemarchePreferences.demarcheId, dossier.demarcheId), eq(PREFERENCE_COLUMN[mail.preference], true)));
  const audience =
    mail.audience === "groupe"
      ? tx
          .select({ id: groupeInstructeurMembers.instructeurId })
          .from(groupeInstructeurMembers)
          .where(eq(groupeInstructeurMembers.groupeInstructeurId, dossier.groupeId))
      : tx.select({ id: follows.instructeurId }).from(follows).where(eq(follows.dossierId, dossier.id));
  const recipients = await tx
    .select({ email: users.email, locale: users.locale })
    .from(instructeurs)
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(
      and(
        inArray(instructeurs.id, opted),
        inArray(instructeurs.id, audience),
        sql`${users.id} is distinct from ${event.actorUserId}`,
      ),
    );
  for (const r of recipients) {
    await enqueueMail(
      tx,
      r.email,
      mail.template,
      { dossierNumber: dossier.id, demarcheId: dossier.demarcheId, demarcheLibelle: dossier.libelle },
      locale(r.locale),
    );
  }
}

async function sentToColleague(tx: Tx, event: RecordedEvent<"dossier.envoye_a_un_collegue">) {
  if (event.dossierId === null) return;
  const dossier = await dossierOf(tx, event.dossierId);
  if (!dossier) return;
  const [sender] = event.actorUserId
    ? await tx.select({ email: users.email }).from(users).where(eq(users.id, event.actorUserId))
    : [];
  const recipients = await tx
    .select({ email: users.email, locale: users.locale })
    .from(instructeurs)
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(inArray(instructeurs.id, event.payload.instructeurIds));
  for (const r of recipients) {
    await enqueueMail(
      tx,
      r.email,
      "dossier_envoye_a_un_collegue",
      {
        senderEmail: sender?.email ?? "",
        dossierNumber: dossier.id,
        demarcheId: dossier.demarcheId,
        demarcheLibelle: dossier.libelle,
        message: event.payload.message,
      },
      locale(r.locale),
    );
  }
}

const KINDS = ["dossier.envoye_a_un_collegue", ...Object.keys(INSTANT_MAILS)].filter(isEventKind) as EventKind[];

export const instructeurMails = defineReaction<EventKind>({
  name: "instructeur-mails",
  kinds: KINDS,
  async react(tx, event) {
    if (event.kind === "dossier.envoye_a_un_collegue") {
      await sentToColleague(tx, event as RecordedEvent<"dossier.envoye_a_un_collegue">);
      return;
    }
    const mail = INSTANT_MAILS[event.kind];
    if (mail) await instantMail(tx, event, mail);
  },
});
