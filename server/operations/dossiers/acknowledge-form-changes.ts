/**
 * The usager has read the notice of form changes on their dossier: it is not shown again until the
 * next publication moves the dossier. Owner only (NotFoundError otherwise, nothing changes); the
 * dossier's update date is left alone (nothing in it changed).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { findSharedUsagerDossier } from "../../lookups/scoped-dossier";

export async function acknowledgeFormChanges(db: Db, userId: number, dossierId: number): Promise<void> {
  const { dossier } = await findSharedUsagerDossier(db, userId, dossierId);
  await db.update(dossiers).set({ rebasedFromRevisionId: null }).where(eq(dossiers.id, dossier.id));
}
