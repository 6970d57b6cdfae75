/**
 * Creates a groupe instructeur in a démarche (administrateur). Refusals on `label`:
 * `label_required`, `label_too_long`, `label_taken` (keys of `admin.groupes.errors`).
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import { groupeLabelProblem, normalizeGroupeLabel } from "../../domain/routing/groupe-label";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

const ZInput = z.object({ label: z.string().max(10_000) });

export async function createGroupe(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  input: z.input<typeof ZInput>,
): Promise<OperationResult<{ groupeId: number }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ groupeId: number }>> => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const parsed = ZInput.safeParse(input);
    if (!parsed.success) return refuse("label_too_long", "label");
    const label = normalizeGroupeLabel(parsed.data.label);
    const problem = groupeLabelProblem(label);
    if (problem) return refuse(problem, "label");
    const [taken] = await tx
      .select({ id: groupesInstructeurs.id })
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), eq(groupesInstructeurs.label, label)));
    if (taken) return refuse("label_taken", "label");
    const [row] = await tx.insert(groupesInstructeurs).values({ demarcheId, label }).returning({ id: groupesInstructeurs.id });
    if (!row) throw new Error("createGroupe: no row");
    await recordGroupesChange(tx, admin, demarcheId, { change: "created", groupeId: row.id });
    return { ok: true, groupeId: row.id };
  });
}
