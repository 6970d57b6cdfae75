import { reindexDossier } from "./index-dossier";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { type OperationResult, refuse, refuseFields } from "../../refusal";
import { findUsagerDossier } from "../../lookups/scoped-dossier";

export const ZIdentity = z.object({
  civilite: z.enum(["M.", "Mme"], { message: "civilite_required" }),
  nom: z.string().trim().min(1, { message: "nom_required" }).max(200, { message: "too_long" }),
  prenom: z.string().trim().min(1, { message: "prenom_required" }).max(200, { message: "too_long" }),
});

/** Identity of the demandeur (natural person), editable while the usager can still edit the dossier. */
export async function updateIdentity(
  db: Db,
  userId: number,
  dossierId: number,
  input: { civilite: unknown; nom: unknown; prenom: unknown },
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Ownership first: someone else's dossier is a 404 whatever they sent.
    const { dossier } = await findUsagerDossier(tx, userId, dossierId, true);
    if (dossier.state !== "brouillon" && dossier.state !== "en_construction") return refuse("read_only", "form");
    const parsed = ZIdentity.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return refuseFields(errors);
    }
    await tx
      .update(dossiers)
      .set({
        ...parsed.data,
        identityUpdatedAt: sql`now()`,
        updatedAt: sql`now()`,
        lockVersion: sql`${dossiers.lockVersion} + 1`,
      })
      .where(eq(dossiers.id, dossierId));
    if (dossier.state === "en_construction") await reindexDossier(tx, dossierId);
    return { ok: true };
  });
}
