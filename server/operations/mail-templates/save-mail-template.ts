/**
 * The administrateur customises one of the démarche's six state e-mails: subject and body checked
 * (required, bounded, every tag known and available in that e-mail, against the draft form) and
 * the body's HTML sanitized; saved in place of the default (one row per démarche and e-mail).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { mailTemplates } from "../../db/schema";
import { checkMailTemplateInput } from "../../domain/mail-templates/mail-templates";
import type { AttestationTemplateKind } from "../../../common/attestations";
import { ATTESTATION_LINK_TAG, ATTESTATION_MAIL_KIND, mentionsAttestationLink } from "../../domain/attestations/attestations";
import { type MailTemplateKind, tagText } from "../../domain/tags";
import { isAttestationActivated } from "../../lookups/attestation-templates";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { loadTagDemarcheContext } from "../../lookups/template-tags";
import type { OperationResult } from "../../refusal";

export async function saveMailTemplate(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  kind: MailTemplateKind,
  input: { subject: unknown; body: unknown },
): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const context = await loadTagDemarcheContext(tx, demarche, demarche.draftRevisionId ?? demarche.publishedRevisionId);
    const checked = checkMailTemplateInput(input, context, kind);
    if (!checked.ok) return checked;
    // An activated attestation's link must be in its decision e-mail (the reference's warning).
    const attestation = (Object.entries(ATTESTATION_MAIL_KIND) as [AttestationTemplateKind, MailTemplateKind][]).find(
      ([, mail]) => mail === kind,
    )?.[0];
    if (
      attestation &&
      (await isAttestationActivated(tx, demarcheId, attestation)) &&
      !mentionsAttestationLink(`${checked.value.subject}\n${checked.value.body}`)
    ) {
      return {
        ok: false,
        refusals: [{ code: "attestation_link_missing", field: "body", params: { tag: tagText(ATTESTATION_LINK_TAG) } }],
      };
    }
    await tx
      .insert(mailTemplates)
      .values({ demarcheId, kind, ...checked.value })
      .onConflictDoUpdate({
        target: [mailTemplates.demarcheId, mailTemplates.kind],
        set: { ...checked.value, updatedAt: sql`now()` },
      });
    await recordEvent(tx, {
      kind: "demarche.modele_mail_modifie",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { template: kind, change: "saved" },
    });
    return { ok: true };
  });
}
