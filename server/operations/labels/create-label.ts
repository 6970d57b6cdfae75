/**
 * The administrateur adds a label to a démarche: a name of at most 30 characters (unique in the
 * démarche, whatever the case) and one of the ten DSFR colours; it goes last.
 */
import type { Db } from "../../db/client";
import { labels } from "../../db/schema";
import { checkLabelInput, MAX_LABELS_PER_DEMARCHE } from "../../domain/labels/labels";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { labelsOfDemarcheInTx } from "./demarche-labels";

export async function createLabel(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: { name: unknown; color: unknown },
): Promise<OperationResult<{ labelId: number }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ labelId: number }>> => {
    // Locking the démarche serialises two additions (positions, unique names).
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const existing = await labelsOfDemarcheInTx(tx, demarcheId);
    const checked = checkLabelInput(
      input,
      existing.map((l) => l.name),
    );
    if (!checked.ok) return { ok: false, refusals: checked.issues.map((i) => ({ code: i.code, field: i.field })) };
    if (existing.length >= MAX_LABELS_PER_DEMARCHE) return refuse("too_many", "form", { max: String(MAX_LABELS_PER_DEMARCHE) });
    const position = existing.reduce((max, l) => Math.max(max, l.position), -1) + 1;
    const [row] = await tx
      .insert(labels)
      .values({ demarcheId, name: checked.value.name, color: checked.value.color, position })
      .returning({ id: labels.id });
    return { ok: true, labelId: row?.id as number };
  });
}
