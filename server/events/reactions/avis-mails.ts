/**
 * The avis d'experts e-mails, as reactions to the avis events and to final decisions:
 * - `avis.demande` / `avis.relance`: the expert gets the request (or the reminder); an expert whose
 *   account has no password yet gets an invitation link (the existing `/users/invitation` page,
 *   then the avis), others a link to the avis;
 * - `avis.rendu` (first answer): the instructeur who asked is told (never the answer's text);
 * - a final decision: the experts who answered, when the administrateur allowed it for them
 *   (`experts_procedures.allow_decision_access`), get the decision (never its motivation).
 * Nothing for a test dossier.
 */
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { Tx } from "../../db/client";
import { avis, demarches, dossiers, emailTokens, experts, expertsProcedures, instructeurs, users } from "../../db/schema";
import type { EventKind } from "../../domain/events/kinds";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { randomToken, sha256Hex } from "../../security/tokens";
import { defineReaction } from "../reaction";

/** As the instructeurs' invitations (operations/accounts/email-tokens.ts). */
const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

const expertUsers = alias(users, "expert_users");
const claimantInstructeurs = alias(instructeurs, "claimant_instructeurs");
const claimantInstructeurUsers = alias(users, "claimant_instructeur_users");
const claimantExperts = alias(experts, "claimant_experts");
const claimantExpertUsers = alias(users, "claimant_expert_users");

const localeOf = (value: string) => (isLocale(value) ? value : DEFAULT_LOCALE);

async function loadAvis(tx: Tx, avisId: number) {
  const [row] = await tx
    .select({
      avisId: avis.id,
      dossierId: dossiers.id,
      forTest: dossiers.forTest,
      demarcheId: demarches.id,
      libelle: demarches.libelle,
      expertUserId: expertUsers.id,
      expertEmail: expertUsers.email,
      expertLocale: expertUsers.locale,
      expertHasPassword: sql<boolean>`${expertUsers.passwordHash} is not null`,
      instructeurEmail: claimantInstructeurUsers.email,
      instructeurLocale: claimantInstructeurUsers.locale,
      claimantExpertEmail: claimantExpertUsers.email,
    })
    .from(avis)
    .innerJoin(dossiers, eq(dossiers.id, avis.dossierId))
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
    .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
    .innerJoin(expertUsers, eq(expertUsers.id, experts.userId))
    .leftJoin(claimantInstructeurs, eq(claimantInstructeurs.id, avis.claimantInstructeurId))
    .leftJoin(claimantInstructeurUsers, eq(claimantInstructeurUsers.id, claimantInstructeurs.userId))
    .leftJoin(claimantExperts, eq(claimantExperts.id, avis.claimantExpertId))
    .leftJoin(claimantExpertUsers, eq(claimantExpertUsers.id, claimantExperts.userId))
    .where(eq(avis.id, avisId));
  return row && !row.forTest ? row : null;
}

async function invitationToken(tx: Tx, userId: number): Promise<string> {
  const token = randomToken();
  await tx.insert(emailTokens).values({
    userId,
    purpose: "invitation",
    tokenHash: sha256Hex(token),
    expiresAt: sql`now() + make_interval(secs => ${INVITATION_TTL_SECONDS})`,
  });
  return token;
}

export const avisRequestMails = defineReaction({
  name: "avis-request-mails",
  kinds: ["avis.demande", "avis.relance"],
  async react(tx, event) {
    const row = await loadAvis(tx, event.payload.avisId);
    if (!row) return;
    await enqueueMail(
      tx,
      row.expertEmail,
      "avis_request",
      {
        kind: event.kind === "avis.demande" ? "demande" : "relance",
        avisId: row.avisId,
        dossierNumber: row.dossierId,
        demarcheLibelle: row.libelle,
        claimantEmail: row.instructeurEmail ?? row.claimantExpertEmail ?? "",
        expertEmail: row.expertEmail,
        invitationToken: row.expertHasPassword ? null : await invitationToken(tx, row.expertUserId),
      },
      localeOf(row.expertLocale),
      { demarcheId: row.demarcheId },
    );
  },
});

export const avisAnsweredMail = defineReaction({
  name: "avis-answered-mail",
  kinds: ["avis.rendu"],
  async react(tx, event) {
    if (!event.payload.first) return;
    const row = await loadAvis(tx, event.payload.avisId);
    if (!row?.instructeurEmail) return;
    await enqueueMail(
      tx,
      row.instructeurEmail,
      "avis_answered",
      { demarcheId: row.demarcheId, dossierNumber: row.dossierId, demarcheLibelle: row.libelle, expertEmail: row.expertEmail },
      localeOf(row.instructeurLocale ?? DEFAULT_LOCALE),
      { demarcheId: row.demarcheId },
    );
  },
});

const DECISIONS = {
  "dossier.accepte": "accepte",
  "dossier.accepte_automatiquement": "accepte",
  "dossier.refuse": "refuse",
  "dossier.refuse_automatiquement": "refuse",
  "dossier.classe_sans_suite": "sans_suite",
} as const satisfies Partial<Record<EventKind, "accepte" | "refuse" | "sans_suite">>;

export const avisDecisionMails = defineReaction({
  name: "avis-decision-mails",
  kinds: Object.keys(DECISIONS) as (keyof typeof DECISIONS)[],
  async react(tx, event) {
    if (event.dossierId === null) return;
    const recipients = await tx
      .selectDistinct({ email: users.email, locale: users.locale, libelle: demarches.libelle })
      .from(avis)
      .innerJoin(dossiers, eq(dossiers.id, avis.dossierId))
      .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
      .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
      .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
      .innerJoin(users, eq(users.id, experts.userId))
      .where(
        and(
          eq(avis.dossierId, event.dossierId),
          isNull(avis.revokedAt),
          isNotNull(avis.answeredAt),
          eq(expertsProcedures.allowDecisionAccess, true),
          isNull(expertsProcedures.revokedAt),
          eq(dossiers.forTest, false),
        ),
      );
    for (const recipient of recipients) {
      await enqueueMail(
        tx,
        recipient.email,
        "avis_decision",
        { decision: DECISIONS[event.kind], dossierNumber: event.dossierId, demarcheLibelle: recipient.libelle },
        localeOf(recipient.locale),
        { demarcheId: event.demarcheId },
      );
    }
  },
});
