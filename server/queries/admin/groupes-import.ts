/**
 * A large groupes CSV import's progress page (`/admin/procedures/<id>/groupes/imports/<n>`): the
 * `groupes_imports` row of a démarche this administrateur administers; 404 otherwise.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { groupesImports, groupesInstructeurs } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function getGroupesImport(db: DbOrTx, administrateurId: number, demarcheId: number, importId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  if (!Number.isSafeInteger(importId) || importId <= 0) throw new NotFoundError("GroupesImport");
  const [row] = await db
    .select({
      id: groupesImports.id,
      state: groupesImports.state,
      total: groupesImports.totalCount,
      processed: groupesImports.processedCount,
      groupesCreated: groupesImports.groupesCreated,
      membershipsAdded: groupesImports.membershipsAdded,
      instructeursAdded: groupesImports.instructeursAdded,
      errors: groupesImports.errors,
      createdAt: groupesImports.createdAt,
      finishedAt: groupesImports.finishedAt,
      groupeId: groupesImports.groupeInstructeurId,
      groupeLabel: groupesInstructeurs.label,
    })
    .from(groupesImports)
    .leftJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupesImports.groupeInstructeurId))
    .where(and(eq(groupesImports.id, importId), eq(groupesImports.demarcheId, demarche.id)))
    .limit(1);
  if (!row) throw new NotFoundError("GroupesImport");
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    import: {
      ...row,
      errors: row.errors ?? [],
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    },
  };
}

/** The démarche's imports still running (pending or running), newest first: linked from the groupes pages. */
export async function unfinishedGroupesImports(db: DbOrTx, demarcheId: number) {
  return db
    .select({ id: groupesImports.id, processed: groupesImports.processedCount, total: groupesImports.totalCount })
    .from(groupesImports)
    .where(and(eq(groupesImports.demarcheId, demarcheId), inArray(groupesImports.state, ["pending", "running"])))
    .orderBy(desc(groupesImports.id))
    .limit(5);
}
