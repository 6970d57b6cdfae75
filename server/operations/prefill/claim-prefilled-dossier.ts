import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { findPrefilledDossier, type PrefilledDossierView } from "./find-prefilled-dossier";

/**
 * Attaches an orphan prefilled brouillon to the signed-in usager who opens its link (or signs in
 * with it remembered). Their own dossier is returned as is (`claimed: false`); someone else's, like
 * an unknown token, is a NotFoundError and nothing changes.
 */
export async function claimPrefilledDossier(
  db: Db,
  userId: number,
  input: { token: string; demarcheId?: number },
): Promise<{ dossier: PrefilledDossierView; claimed: boolean }> {
  return db.transaction(async (tx) => {
    const dossier = await findPrefilledDossier(tx, input, { lock: true });
    if (dossier.userId === userId) return { dossier, claimed: false };
    if (dossier.userId !== null || dossier.state !== "brouillon") throw new NotFoundError("Dossier");
    await tx
      .update(dossiers)
      .set({ userId, updatedAt: sql`now()`, lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, dossier.id));
    return { dossier: { ...dossier, userId }, claimed: true };
  });
}
