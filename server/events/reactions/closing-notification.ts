/**
 * A démarche closed by its administrateur who asked to tell the usagers (brouillons and/or dossiers
 * en cours): one job, run after commit, e-mails them (operations/demarches/send-closing-notification.ts).
 */
import { enqueueJob } from "../../jobs/enqueue";
import { defineReaction } from "../reaction";

export const closingNotification = defineReaction({
  name: "closing-notification",
  kinds: ["demarche.close"] as const,
  async react(tx, event) {
    if (!event.payload.notifyBrouillon && !event.payload.notifyEnCours) return;
    await enqueueJob(tx, "closing-notification", { demarcheId: event.demarcheId });
  },
});
