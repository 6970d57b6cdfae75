/** The instructeur's exports of one démarche, newest first (the list page and the downloads page). */
import { and, desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { exports } from "../../db/schema";

export { findOwnExport } from "../../lookups/scoped-export";

export async function listOwnExports(db: DbOrTx, instructeurId: number, demarcheId: number, limit = 20) {
  return db
    .select({
      id: exports.id,
      format: exports.format,
      state: exports.state,
      byteSize: exports.byteSize,
      processedCount: exports.processedCount,
      totalCount: exports.totalCount,
      createdAt: exports.createdAt,
      generatedAt: exports.generatedAt,
      scope: exports.scope,
    })
    .from(exports)
    .where(and(eq(exports.instructeurId, instructeurId), eq(exports.demarcheId, demarcheId), ne(exports.state, "purged")))
    .orderBy(desc(exports.createdAt))
    .limit(limit);
}
