/**
 * The columns a démarche's instructeur list offers (fixed ones, then the fields and annotations of its
 * published revision) and those this instructeur chose (saved; a column whose field has gone is
 * dropped and reported). Shared by the list page's query and the operation that saves the choice.
 */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { demarches, groupesInstructeurs, instructeurPresentations, labels } from "../db/schema";
import { availableColumns, resolveDisplayedColumns } from "../domain/instructeur-list/columns";

export async function loadListColumns(db: DbOrTx, instructeurId: number, demarcheId: number) {
  const [demarche] = await db
    .select({
      published: demarches.publishedRevisionId,
      draft: demarches.draftRevisionId,
      svaSvr: demarches.svaSvr,
      accuseLecture: demarches.accuseLecture,
    })
    .from(demarches)
    .where(eq(demarches.id, demarcheId));
  const revisionId = demarche?.published ?? demarche?.draft ?? null;
  const [publicFields, privateFields, groupes, saved, labelRows] = await Promise.all([
    revisionId ? loadRevisionChamps(db, revisionId) : [],
    revisionId ? loadRevisionChamps(db, revisionId, { private: true }) : [],
    db
      .select({ label: groupesInstructeurs.label })
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.demarcheId, demarcheId))
      .orderBy(asc(groupesInstructeurs.label)),
    db
      .select({ columns: instructeurPresentations.displayedColumns })
      .from(instructeurPresentations)
      .where(and(eq(instructeurPresentations.instructeurId, instructeurId), eq(instructeurPresentations.demarcheId, demarcheId))),
    db
      .select({ name: labels.name })
      .from(labels)
      .where(eq(labels.demarcheId, demarcheId))
      .orderBy(asc(labels.position), asc(labels.id)),
  ]);
  const decision = demarche?.svaSvr?.decision;
  const available = availableColumns(
    [...publicFields, ...privateFields],
    groupes.map((g) => g.label),
    {
      labels: [...new Set(labelRows.map((l) => l.name))],
      svaSvr: decision === "sva" || decision === "svr",
      accuseLecture: demarche?.accuseLecture ?? false,
    },
  );
  const savedIds = saved[0]?.columns;
  const { columns, dropped } = resolveDisplayedColumns(Array.isArray(savedIds) ? savedIds : null, available);
  return {
    available,
    displayed: columns,
    dropped,
    optionsOf: new Map([...publicFields, ...privateFields].map((f) => [f.stableId, f])),
  };
}

export type ListColumns = Awaited<ReturnType<typeof loadListColumns>>;
