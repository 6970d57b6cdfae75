/**
 * Moves a dossier to another groupe instructeur of its démarche, in the caller's transaction: its
 * followers who are not members of the new groupe stop following it (a reaction e-mails them), and
 * the change is recorded as a `dossier.groupe_change` event (mode auto, manual or bulk).
 */
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { dossiers, follows, groupeInstructeurMembers } from "../../db/schema";
import type { EventActor } from "../../domain/events/kinds";
import { recordEvent } from "../../events/record-event";

export interface MoveDossierInput {
  dossier: { id: number; demarcheId: number };
  from: { id: number; label: string } | null;
  to: { id: number; label: string };
  mode: "auto" | "manual" | "bulk";
  /** Manual moves stick: routing leaves the dossier there afterwards. */
  forced: boolean;
  actor: EventActor;
  actorUserId: number | null;
}

export async function moveDossierToGroupe(tx: Tx, input: MoveDossierInput): Promise<void> {
  const { dossier, from, to } = input;
  await tx
    .update(dossiers)
    .set({ groupeInstructeurId: to.id, groupeForced: input.forced, updatedAt: sql`now()` })
    .where(eq(dossiers.id, dossier.id));
  const unfollowed = await tx
    .delete(follows)
    .where(
      and(
        eq(follows.dossierId, dossier.id),
        notInArray(
          follows.instructeurId,
          tx
            .select({ id: groupeInstructeurMembers.instructeurId })
            .from(groupeInstructeurMembers)
            .where(eq(groupeInstructeurMembers.groupeInstructeurId, to.id)),
        ),
      ),
    )
    .returning({ instructeurId: follows.instructeurId });
  await recordEvent(tx, {
    kind: "dossier.groupe_change",
    demarcheId: dossier.demarcheId,
    dossierId: dossier.id,
    actor: input.actor,
    actorUserId: input.actorUserId,
    payload: {
      mode: input.mode,
      fromGroupeId: from?.id ?? null,
      fromLabel: from?.label ?? null,
      toGroupeId: to.id,
      toLabel: to.label,
      ...(unfollowed.length > 0 ? { unfollowedInstructeurIds: unfollowed.map((u) => u.instructeurId) } : {}),
    },
  });
}
