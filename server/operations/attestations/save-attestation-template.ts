/**
 * The administrateur writes one of the démarche's attestations: title, body and footer checked
 * (required, bounded, every tag known and available in an attestation, against the draft form),
 * markup removed; the « République française » layout option. Saved in place (one row per kind).
 */
import { sql } from "drizzle-orm";
import type { AttestationTemplateKind } from "../../../common/attestations";
import type { Db } from "../../db/client";
import { attestationTemplates } from "../../db/schema";
import { checkAttestationTemplateInput } from "../../domain/attestations/attestations";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { loadTagDemarcheContext } from "../../lookups/template-tags";
import type { OperationResult } from "../../refusal";

export async function saveAttestationTemplate(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  kind: AttestationTemplateKind,
  input: { title: unknown; body: unknown; footer: unknown; officialLayout: unknown },
): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const context = await loadTagDemarcheContext(tx, demarche, demarche.draftRevisionId ?? demarche.publishedRevisionId);
    const checked = checkAttestationTemplateInput(input, context, kind);
    if (!checked.ok) return checked;
    const values = { ...checked.value, officialLayout: input.officialLayout === true };
    await tx
      .insert(attestationTemplates)
      .values({ demarcheId, kind, ...values })
      .onConflictDoUpdate({
        target: [attestationTemplates.demarcheId, attestationTemplates.kind],
        set: { ...values, updatedAt: sql`now()` },
      });
    await recordEvent(tx, {
      kind: "demarche.modele_attestation_modifie",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { template: kind, change: "saved" },
    });
    return { ok: true };
  });
}
