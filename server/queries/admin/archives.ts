/**
 * The archives page of a démarche (`/admin/procedures/:id/archives`): each month with decided
 * dossiers (count, estimated size, over the 100 GB limit or not) and its latest archive not yet
 * purged (pending with progress, generated with its expiry, or failed). Another administrateur's
 * démarche: NotFoundError.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { archives } from "../../db/schema";
import { archiveExpiresAt, MAX_ARCHIVE_BYTES } from "../../domain/archives/archives";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { archiveMonths } from "../../lookups/archive-dossiers";

export async function loadArchivesPage(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const [months, rows] = await Promise.all([
    archiveMonths(db, demarche.id),
    db
      .select()
      .from(archives)
      .where(and(eq(archives.demarcheId, demarche.id), ne(archives.state, "purged")))
      .orderBy(desc(archives.createdAt)),
  ]);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    months: months.map((m) => {
      const archive = rows.find((r) => r.month === m.month) ?? null;
      return {
        ...m,
        tooLarge: m.bytes > MAX_ARCHIVE_BYTES,
        archive: archive && {
          id: archive.id,
          state: archive.state,
          processed: archive.processedCount,
          total: archive.totalCount ?? m.count,
          byteSize: archive.byteSize,
          expiresAt: archiveExpiresAt(archive.createdAt).toISOString(),
        },
      };
    }),
  };
}
