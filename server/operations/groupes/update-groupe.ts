/**
 * Changes a groupe instructeur (administrateur): its label, closed or open (a closed groupe receives
 * no new dossier; the default groupe cannot be closed), or makes it the default groupe (an open
 * one). Refusals (keys of `admin.groupes.errors`): `label_*` on `label`, `default_cannot_close`
 * and `closed_cannot_be_default` on `form`.
 */
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import { groupeLabelProblem, normalizeGroupeLabel } from "../../domain/routing/groupe-label";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import { type OperationResult, refuse } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

const ZChange = z.discriminatedUnion("change", [
  z.object({ change: z.literal("rename"), label: z.string().max(10_000) }),
  z.object({ change: z.literal("close") }),
  z.object({ change: z.literal("reopen") }),
  z.object({ change: z.literal("make_default") }),
]);

export type GroupeChange = z.input<typeof ZChange>;

export async function updateGroupe(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  groupeId: number,
  input: GroupeChange,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const { groupe } = await findAdministrableGroupe(tx, admin.administrateurId, demarcheId, groupeId, true);
    const parsed = ZChange.safeParse(input);
    if (!parsed.success) return refuse("label_too_long", "label");
    const change = parsed.data;
    switch (change.change) {
      case "rename": {
        const label = normalizeGroupeLabel(change.label);
        const problem = groupeLabelProblem(label);
        if (problem) return refuse(problem, "label");
        if (label === groupe.label) return { ok: true };
        const [taken] = await tx
          .select({ id: groupesInstructeurs.id })
          .from(groupesInstructeurs)
          .where(
            and(
              eq(groupesInstructeurs.demarcheId, demarcheId),
              eq(groupesInstructeurs.label, label),
              ne(groupesInstructeurs.id, groupe.id),
            ),
          );
        if (taken) return refuse("label_taken", "label");
        await tx.update(groupesInstructeurs).set({ label }).where(eq(groupesInstructeurs.id, groupe.id));
        await recordGroupesChange(tx, admin, demarcheId, { change: "renamed", groupeId: groupe.id });
        return { ok: true };
      }
      case "close":
        if (groupe.isDefault) return refuse("default_cannot_close");
        if (groupe.closed) return { ok: true };
        await tx.update(groupesInstructeurs).set({ closed: true }).where(eq(groupesInstructeurs.id, groupe.id));
        await recordGroupesChange(tx, admin, demarcheId, { change: "closed", groupeId: groupe.id });
        return { ok: true };
      case "reopen":
        if (!groupe.closed) return { ok: true };
        await tx.update(groupesInstructeurs).set({ closed: false }).where(eq(groupesInstructeurs.id, groupe.id));
        await recordGroupesChange(tx, admin, demarcheId, { change: "reopened", groupeId: groupe.id });
        return { ok: true };
      case "make_default":
        if (groupe.closed) return refuse("closed_cannot_be_default");
        if (groupe.isDefault) return { ok: true };
        await tx
          .update(groupesInstructeurs)
          .set({ isDefault: false })
          .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), eq(groupesInstructeurs.isDefault, true)));
        await tx.update(groupesInstructeurs).set({ isDefault: true }).where(eq(groupesInstructeurs.id, groupe.id));
        await recordGroupesChange(tx, admin, demarcheId, { change: "default_changed", groupeId: groupe.id });
        return { ok: true };
    }
  });
}
