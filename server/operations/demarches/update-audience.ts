/**
 * Who files on a démarche (administrateur): particuliers (identity: civilité, nom, prénom) or
 * personnes morales (identity: a SIRET looked up in API Entreprise), and whether a particulier may
 * file for someone else (« pour un tiers »: the reference's `for_individual` and `for_tiers_enabled`).
 * Once published, the audience no longer changes (its dossiers were filed for it): `audience_locked`.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";

export const ZAudienceInput = z.object({
  audience: z.enum(["particuliers", "personnes_morales"]),
  forTiersEnabled: z.boolean(),
});

export async function updateAudience(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  raw: unknown,
): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const parsed = ZAudienceInput.safeParse(raw);
    if (!parsed.success) return refuse("invalid", String(parsed.error.issues[0]?.path[0] ?? "audience"));
    const forIndividual = parsed.data.audience === "particuliers";
    // Filing for a tiers is about natural persons: a personnes-morales démarche never has it.
    const forTiersEnabled = forIndividual && parsed.data.forTiersEnabled;
    if (demarche.publishedAt !== null && forIndividual !== demarche.forIndividual) return refuse("audience_locked", "audience");
    await tx.update(demarches).set({ forIndividual, forTiersEnabled, updatedAt: sql`now()` }).where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.audience_modifiee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { forIndividual, forTiersEnabled },
    });
    return { ok: true };
  });
}
