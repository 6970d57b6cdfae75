/**
 * Saves the columns an instructeur chose for a démarche's list (their ProcedurePresentation): only
 * columns the démarche offers, in the order given, at most `MAX_DISPLAYED_COLUMNS`. The démarche
 * must be one of theirs (NotFoundError otherwise); no column at all is refused.
 */
import type { Db } from "../../db/client";
import { instructeurPresentations } from "../../db/schema";
import { MAX_DISPLAYED_COLUMNS, resolveDisplayedColumns } from "../../domain/instructeur-list/columns";
import { and, eq } from "drizzle-orm";
import { demarches } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import { NotFoundError } from "../../errors";
import { loadListColumns } from "../../lookups/list-columns";
import { type OperationResult, refuse } from "../../refusal";

export async function saveDisplayedColumns(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  posted: readonly string[],
): Promise<OperationResult> {
  const [demarche] = await db
    .select({ id: demarches.id })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(instructeurId)));
  if (!demarche) throw new NotFoundError("Demarche");
  if (posted.length > MAX_DISPLAYED_COLUMNS * 5)
    return refuse("too_many_columns", "colonnes", { max: String(MAX_DISPLAYED_COLUMNS) });
  const { available } = await loadListColumns(db, instructeurId, demarcheId);
  const { columns, dropped } = resolveDisplayedColumns(posted, available);
  if (dropped.length > 0) return refuse("unknown_column", "colonnes", { column: dropped[0] as string });
  if (columns.length === 0) return refuse("no_column", "colonnes");
  if (posted.length > MAX_DISPLAYED_COLUMNS)
    return refuse("too_many_columns", "colonnes", { max: String(MAX_DISPLAYED_COLUMNS) });
  const displayedColumns = columns.map((c) => c.id);
  await db
    .insert(instructeurPresentations)
    .values({ instructeurId, demarcheId, displayedColumns })
    .onConflictDoUpdate({
      target: [instructeurPresentations.instructeurId, instructeurPresentations.demarcheId],
      set: { displayedColumns, updatedAt: new Date() },
    });
  return { ok: true };
}
