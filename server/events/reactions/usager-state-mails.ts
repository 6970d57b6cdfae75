/**
 * The usager's e-mail for each state change of their dossier (accusé de réception, acknowledgement
 * of their re-submitted changes, passage en instruction, decisions, withdrawn decision), in their account's language. Nothing for a test
 * dossier, a dossier without usager (orphan prefill) or when the instructeur asked for silence.
 * A dossier filed by a mandataire also e-mails the bénéficiaire's address when given.
 * When the démarche customised the e-mail (`mail_templates`), its template is sent instead. The
 * same text is copied into the dossier's messagerie as a system message (rendered once for both).
 */
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { demarches, dossiers, users } from "../../db/schema";
import type { EventKind } from "../../domain/events/kinds";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { attestationKindForState } from "../../domain/attestations/attestations";
import { listAttestationTemplates } from "../../lookups/attestation-templates";
import { customDossierMail } from "../../lookups/dossier-mail";
import { type DossierMailName, dossierMailText } from "../../mail/templates/dossier-mails";
import { defineReaction } from "../reaction";
import { writeSystemMessage } from "./system-messages";

export const MAIL_BY_KIND = {
  "dossier.depose": "dossier_depose",
  "dossier.depose_correction_usager": "dossier_modifications_deposees",
  "dossier.passe_en_instruction": "dossier_passe_en_instruction",
  "dossier.passe_en_instruction_automatiquement": "dossier_passe_en_instruction",
  "dossier.accepte": "dossier_accepte",
  "dossier.accepte_automatiquement": "dossier_accepte",
  "dossier.refuse": "dossier_refuse",
  "dossier.refuse_automatiquement": "dossier_refuse",
  "dossier.classe_sans_suite": "dossier_classe_sans_suite",
  "dossier.repasse_en_instruction": "dossier_repasse_en_instruction",
} as const satisfies Partial<Record<EventKind, DossierMailName>>;

type MailedKind = keyof typeof MAIL_BY_KIND;

const DECISION_MAILS: readonly DossierMailName[] = ["dossier_accepte", "dossier_refuse", "dossier_classe_sans_suite"];

/**
 * The mail (and its motivation) for a state change: with the démarche's accusé de lecture, a
 * decision is replaced by a neutral « une décision est disponible », revealing neither it nor its motivation.
 */
export function usagerMailFor(
  kind: MailedKind,
  accuseLecture: boolean,
  motivation: string | null | undefined,
): { name: DossierMailName; motivation: string | null } {
  const name = MAIL_BY_KIND[kind];
  if (accuseLecture && DECISION_MAILS.includes(name)) return { name: "dossier_decision_disponible", motivation: null };
  return { name, motivation: motivation ?? null };
}

export const usagerStateMails = defineReaction({
  name: "usager-state-mails",
  kinds: Object.keys(MAIL_BY_KIND) as MailedKind[],
  async react(tx, event) {
    if (event.dossierId === null || event.payload.silent) return;
    const [target] = await tx
      .select({
        email: users.email,
        locale: users.locale,
        forTest: dossiers.forTest,
        demarcheId: dossiers.demarcheId,
        state: dossiers.state,
        libelle: demarches.libelle,
        accuseLecture: demarches.accuseLecture,
        forTiers: dossiers.forTiers,
        beneficiaireEmail: dossiers.beneficiaireEmail,
      })
      .from(dossiers)
      .innerJoin(users, eq(users.id, dossiers.userId))
      .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
      .where(eq(dossiers.id, event.dossierId));
    if (!target || target.forTest) return;
    const locale = isLocale(target.locale) ? target.locale : DEFAULT_LOCALE;
    const mail = usagerMailFor(event.kind, target.accuseLecture, event.payload.motivation);
    // The démarche's customised template, rendered now with the dossier's values (escaped); never for
    // the neutral « décision disponible » of the accusé de lecture, which must not reveal the decision.
    const custom =
      mail.name === MAIL_BY_KIND[event.kind] ? await customDossierMail(tx, event.dossierId, mail.name, locale) : null;
    // The accusé de réception carries the PDF receipt, as the reference's (customised or not).
    // The default decision e-mail links to the attestation when the démarche activated one for this
    // decision (a customised e-mail must carry `--lien attestation--` itself: checked before publication).
    const attestation = custom ? false : await hasActivatedAttestation(tx, target.demarcheId, mail.name, target.state);
    // Customised or not, the e-mail carries the démarche's logo (the shared mail layout).
    const receipt = {
      demarcheId: target.demarcheId,
      ...(event.kind === "dossier.depose"
        ? { attachments: [{ kind: "dossier_receipt" as const, dossierId: event.dossierId }] }
        : {}),
    };
    // The messagerie copy, in the usager's language (with the accusé de lecture, as neutral as the e-mail).
    const copy = custom
      ? custom.html
      : dossierMailText(
          mail.name,
          { dossierNumber: event.dossierId, demarcheLibelle: target.libelle, motivation: mail.motivation },
          locale,
        );
    await writeSystemMessage(tx, event.dossierId, copy, event.createdAt);
    // Filed by a mandataire: the bénéficiaire's e-mail, when given, gets a copy (as the reference).
    const recipients = [target.email];
    if (target.forTiers && target.beneficiaireEmail && target.beneficiaireEmail !== target.email) {
      recipients.push(target.beneficiaireEmail);
    }
    for (const to of recipients) {
      if (custom) {
        await enqueueMail(
          tx,
          to,
          "dossier_personnalise",
          { dossierNumber: event.dossierId, subject: custom.subject, html: custom.html, text: custom.text },
          locale,
          receipt,
        );
      } else {
        await enqueueMail(
          tx,
          to,
          mail.name,
          { dossierNumber: event.dossierId, demarcheLibelle: target.libelle, motivation: mail.motivation, attestation },
          locale,
          receipt,
        );
      }
    }
  },
});

async function hasActivatedAttestation(
  tx: Parameters<typeof listAttestationTemplates>[0],
  demarcheId: number,
  mail: DossierMailName,
  state: string,
): Promise<boolean> {
  if (mail !== "dossier_accepte" && mail !== "dossier_refuse") return false;
  const kind = attestationKindForState(state);
  if (!kind) return false;
  return (await listAttestationTemplates(tx, demarcheId)).get(kind)?.activated ?? false;
}
