/**
 * A pending correction is resolved when the usager re-submits their dossier
 * (`dossier.depose_correction_usager`, recorded by the re-submission of buffered edits) or when
 * the dossier passes en instruction. (Deleting the correction's message resolves it too, in
 * server/operations/messages/delete-message.ts.)
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { dossierCorrections } from "../../db/schema";
import { defineReaction } from "../reaction";

export const resolveCorrections = defineReaction({
  name: "resolve-corrections",
  kinds: ["dossier.depose_correction_usager", "dossier.passe_en_instruction", "dossier.passe_en_instruction_automatiquement"],
  async react(tx, event) {
    if (event.dossierId === null) return;
    await tx
      .update(dossierCorrections)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(dossierCorrections.dossierId, event.dossierId), isNull(dossierCorrections.resolvedAt)));
  },
});
