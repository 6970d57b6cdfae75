import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { follows } from "../../db/schema";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";

export async function followInTx(tx: Tx, instructeurId: number, dossierId: number) {
  await tx.insert(follows).values({ instructeurId, dossierId }).onConflictDoNothing();
}

/** Suivre / ne plus suivre a dossier the instructeur can see. */
export async function followDossier(db: Db, instructeurId: number, dossierId: number, follow: boolean) {
  await db.transaction(async (tx) => {
    await findInstructeurDossier(tx, instructeurId, dossierId);
    if (follow) await followInTx(tx, instructeurId, dossierId);
    else await tx.delete(follows).where(and(eq(follows.instructeurId, instructeurId), eq(follows.dossierId, dossierId)));
  });
}
