/**
 * « Annuler les modifications »: the usager drops the changes of their dossier en construction
 * that they have not submitted (their buffer); the dossier stays as the administration has it.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { discardUserBuffer } from "../../db/champ-streams";
import { dossiers } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";

export type AnnulerModificationsResult = { ok: true } | { ok: false; reason: "no_changes" | "not_en_construction" };

export async function annulerModifications(db: Db, userId: number, dossierId: number): Promise<AnnulerModificationsResult> {
  return db.transaction(async (tx): Promise<AnnulerModificationsResult> => {
    const { dossier } = await findUsagerDossier(tx, userId, dossierId, true);
    if (dossier.state !== "en_construction") return { ok: false, reason: "not_en_construction" };
    if (!(await discardUserBuffer(tx, dossierId))) return { ok: false, reason: "no_changes" };
    await tx
      .update(dossiers)
      .set({ lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, dossierId));
    await recordEvent(tx, {
      kind: "dossier.modifications_abandonnees",
      demarcheId: dossier.demarcheId,
      dossierId,
      actor: "usager",
      actorUserId: userId,
      payload: { cause: "usager" },
    });
    return { ok: true };
  });
}
