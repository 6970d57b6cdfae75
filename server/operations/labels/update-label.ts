/** The administrateur renames a label or changes its colour (the dossiers keep it). */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { labels } from "../../db/schema";
import { checkLabelInput } from "../../domain/labels/labels";
import { NotFoundError } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import type { OperationResult } from "../../refusal";
import { labelsOfDemarcheInTx } from "./demarche-labels";

export async function updateLabel(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  labelId: number,
  input: { name: unknown; color: unknown },
): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const existing = await labelsOfDemarcheInTx(tx, demarcheId);
    if (!existing.some((l) => l.id === labelId)) throw new NotFoundError("Label");
    const checked = checkLabelInput(
      input,
      existing.filter((l) => l.id !== labelId).map((l) => l.name),
    );
    if (!checked.ok) return { ok: false, refusals: checked.issues.map((i) => ({ code: i.code, field: i.field })) };
    await tx
      .update(labels)
      .set({ name: checked.value.name, color: checked.value.color })
      .where(and(eq(labels.id, labelId), eq(labels.demarcheId, demarcheId)));
    return { ok: true };
  });
}
