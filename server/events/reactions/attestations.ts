/**
 * Attestations follow the dossier's decision: accepté (refusé) with the démarche's activated
 * attestation of that kind → a job draws and stores it; repassé en instruction → the dossier's
 * attestation is deleted (its bytes, referenced by no row, go with the storage sweep).
 */
import { eq } from "drizzle-orm";
import { attestations } from "../../db/schema";
import { attestationKindForState } from "../../domain/attestations/attestations";
import { enqueueJob } from "../../jobs/enqueue";
import { isAttestationActivated } from "../../lookups/attestation-templates";
import { defineReaction } from "../reaction";

export const attestationGeneration = defineReaction({
  name: "attestations",
  kinds: [
    "dossier.accepte",
    "dossier.accepte_automatiquement",
    "dossier.refuse",
    "dossier.refuse_automatiquement",
    "dossier.repasse_en_instruction",
  ],
  async react(tx, event) {
    if (event.dossierId === null) return;
    if (event.kind === "dossier.repasse_en_instruction") {
      await tx.delete(attestations).where(eq(attestations.dossierId, event.dossierId));
      return;
    }
    const kind = attestationKindForState(event.payload.to);
    if (!kind) return;
    if (!(await isAttestationActivated(tx, event.demarcheId, kind))) return;
    await enqueueJob(tx, "generate-attestation", { dossierId: event.dossierId }, { jobKey: `attestation-${event.dossierId}` });
  },
});
