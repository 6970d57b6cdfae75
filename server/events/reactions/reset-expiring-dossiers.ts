/**
 * The démarche's durée de conservation changed: its dossiers' expiry dates are recomputed by a job
 * (the reference's ResetExpiringDossiersJob), after the transaction commits.
 */
import { enqueueJob } from "../../jobs/enqueue";
import { defineReaction } from "../reaction";

export const resetExpiringDossiers = defineReaction({
  name: "reset-expiring-dossiers",
  kinds: ["demarche.presentation_modifiee"],
  async react(tx, event) {
    if (event.demarcheId === null) return;
    if (!event.payload.fields.includes("dureeConservation")) return;
    await enqueueJob(tx, "reset-expiring-dossiers", { demarcheId: event.demarcheId, afterId: 0 });
  },
});
