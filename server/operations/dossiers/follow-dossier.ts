import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { follows } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";

interface Follower {
  instructeurId: number;
  /** The instructeur's account, recorded as the event's actor (null when unknown, e.g. old callers). */
  userId?: number | null;
  /** Who acts for the event stream: "instructeur" by default, "api" when a token acts for them. */
  kind?: "instructeur" | "api";
}

/** Starts following (no-op when already followed); records `dossier.suivi` only on a real change. */
export async function followInTx(tx: Tx, follower: Follower, dossier: { id: number; demarcheId: number }) {
  const added = await tx
    .insert(follows)
    .values({ instructeurId: follower.instructeurId, dossierId: dossier.id })
    .onConflictDoNothing()
    .returning({ dossierId: follows.dossierId });
  if (added.length > 0) await recordFollowEvent(tx, "dossier.suivi", follower, dossier);
}

async function recordFollowEvent(
  tx: Tx,
  kind: "dossier.suivi" | "dossier.plus_suivi",
  follower: Follower,
  dossier: { id: number; demarcheId: number },
) {
  await recordEvent(tx, {
    kind,
    demarcheId: dossier.demarcheId,
    dossierId: dossier.id,
    actor: follower.kind ?? "instructeur",
    actorUserId: follower.userId ?? null,
    payload: { instructeurId: follower.instructeurId },
  });
}

/** Suivre / ne plus suivre a dossier the instructeur can see. */
export async function followDossier(db: Db, follower: Follower | number, dossierId: number, follow: boolean) {
  const who = typeof follower === "number" ? { instructeurId: follower } : follower;
  await db.transaction(async (tx) => {
    const { dossier } = await findInstructeurDossier(tx, who.instructeurId, dossierId);
    if (follow) {
      await followInTx(tx, who, dossier);
      return;
    }
    const removed = await tx
      .delete(follows)
      .where(and(eq(follows.instructeurId, who.instructeurId), eq(follows.dossierId, dossierId)))
      .returning({ dossierId: follows.dossierId });
    if (removed.length > 0) await recordFollowEvent(tx, "dossier.plus_suivi", who, dossier);
  });
}
