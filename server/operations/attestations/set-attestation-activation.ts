/**
 * The administrateur activates (or deactivates) one of the démarche's attestations. Activating
 * needs a saved template whose tags are all still valid against the draft form; from then on,
 * each dossier accepted (refused) gets its attestation.
 */
import { and, eq, sql } from "drizzle-orm";
import type { AttestationTemplateKind } from "../../../common/attestations";
import type { Db } from "../../db/client";
import { attestationTemplates } from "../../db/schema";
import { attestationTemplateProblems } from "../../domain/attestations/attestations";
import { tagText } from "../../domain/tags";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { findAttestationTemplate } from "../../lookups/attestation-templates";
import { loadTagDemarcheContext } from "../../lookups/template-tags";
import type { OperationResult } from "../../refusal";

export async function setAttestationActivation(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  kind: AttestationTemplateKind,
  activated: boolean,
): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const template = await findAttestationTemplate(tx, demarcheId, kind);
    if (!template) {
      return activated ? { ok: false, refusals: [{ code: "not_saved", field: "activated" }] } : { ok: true };
    }
    if (template.activated === activated) return { ok: true };
    if (activated) {
      const context = await loadTagDemarcheContext(tx, demarche, demarche.draftRevisionId ?? demarche.publishedRevisionId);
      const problems = attestationTemplateProblems(template, context, kind);
      if (problems.length > 0) {
        return {
          ok: false,
          refusals: problems.map((p) => ({ code: p.code, field: "activated", params: { tag: tagText(p.tag) } })),
        };
      }
    }
    await tx
      .update(attestationTemplates)
      .set({ activated, updatedAt: sql`now()` })
      .where(and(eq(attestationTemplates.demarcheId, demarcheId), eq(attestationTemplates.kind, kind)));
    await recordEvent(tx, {
      kind: "demarche.modele_attestation_modifie",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { template: kind, change: activated ? "activated" : "deactivated" },
    });
    return { ok: true };
  });
}
