import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { checkClosingDate, maySetClosingDate } from "../../domain/demarches/lifecycle";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { administrateurUserId } from "../../lookups/administrateur-user";
import { type OperationResult, refuse } from "../../refusal";

/**
 * Sets the « date de fermeture » (the reference's `auto_archive_on`, a day after today) or removes
 * it (empty): on that day a cron job closes the démarche and passes its dossiers en construction en
 * instruction (server/operations/demarches/auto-close-demarches.ts).
 */
export async function setClosingDate(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  raw: string,
  now = new Date(),
): Promise<OperationResult<{ day: string | null }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ day: string | null }>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    if (!maySetClosingDate(demarche)) return refuse("closing_date_not_allowed", "autoArchiveOn");
    let day: string | null = null;
    if (raw.trim() !== "") {
      const check = checkClosingDate(raw, now);
      if (!check.ok) return refuse(check.code, "autoArchiveOn");
      day = check.day;
    }
    await tx.update(demarches).set({ autoArchiveOn: day, updatedAt: sql`now()` }).where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.date_fermeture",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: { day },
    });
    return { ok: true, day };
  });
}
