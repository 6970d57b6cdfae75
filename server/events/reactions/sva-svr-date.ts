/**
 * An SVA/SVR dossier's « date prévisionnelle » moves with its corrections: recomputed when an
 * instructeur asks for one (a pending correction counts up to today) or when the message asking it
 * is deleted (which resolves it). Re-submissions recompute it in the operation itself, together
 * with the automatic passage en instruction.
 */
import { refreshSvaSvrDate } from "../../db/sva-svr";
import { defineReaction } from "../reaction";

export const svaSvrDate = defineReaction({
  name: "sva-svr-date",
  kinds: ["message.envoye", "message.supprime"],
  async react(tx, event) {
    if (event.dossierId === null) return;
    if (event.kind === "message.envoye" && !("correction" in event.payload && event.payload.correction)) return;
    await refreshSvaSvrDate(tx, event.dossierId);
  },
});
