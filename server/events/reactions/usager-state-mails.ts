/**
 * The usager's e-mail for each state change of their dossier (accusé de réception, acknowledgement
 * of their re-submitted changes, passage en instruction, decisions, withdrawn decision), in their account's language. Nothing for a test
 * dossier, a dossier without usager (orphan prefill) or when the instructeur asked for silence.
 * When the démarche customised the e-mail (`mail_templates`), its template is sent instead.
 */
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { demarches, dossiers, users } from "../../db/schema";
import type { EventKind } from "../../domain/events/kinds";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { customDossierMail } from "../../lookups/dossier-mail";
import type { DossierMailName } from "../../mail/templates/dossier-mails";
import { defineReaction } from "../reaction";

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

export const usagerStateMails = defineReaction({
  name: "usager-state-mails",
  kinds: Object.keys(MAIL_BY_KIND) as MailedKind[],
  async react(tx, event) {
    if (event.dossierId === null || event.payload.silent) return;
    const [target] = await tx
      .select({ email: users.email, locale: users.locale, forTest: dossiers.forTest, libelle: demarches.libelle })
      .from(dossiers)
      .innerJoin(users, eq(users.id, dossiers.userId))
      .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
      .where(eq(dossiers.id, event.dossierId));
    if (!target || target.forTest) return;
    const locale = isLocale(target.locale) ? target.locale : DEFAULT_LOCALE;
    // The démarche's customised template, rendered now with the dossier's values (escaped).
    const custom = await customDossierMail(tx, event.dossierId, MAIL_BY_KIND[event.kind], locale);
    // The accusé de réception carries the PDF receipt, as the reference's (customised or not).
    const receipt =
      event.kind === "dossier.depose" ? { attachments: [{ kind: "dossier_receipt" as const, dossierId: event.dossierId }] } : {};
    if (custom) {
      await enqueueMail(
        tx,
        target.email,
        "dossier_personnalise",
        { dossierNumber: event.dossierId, subject: custom.subject, html: custom.html, text: custom.text },
        locale,
        receipt,
      );
      return;
    }
    await enqueueMail(
      tx,
      target.email,
      MAIL_BY_KIND[event.kind],
      { dossierNumber: event.dossierId, demarcheLibelle: target.libelle, motivation: event.payload.motivation ?? null },
      locale,
      receipt,
    );
  },
});
