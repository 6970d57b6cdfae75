/**
 * An export as its requester reaches it: only the instructeur who asked for it, on that démarche
 * (anyone else: NotFoundError, as if it did not exist). Shared by the download handler and pages.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { exports } from "../db/schema";
import { NotFoundError } from "../errors";

export async function findOwnExport(db: DbOrTx, instructeurId: number, demarcheId: number, exportId: number) {
  const [row] = await db
    .select()
    .from(exports)
    .where(and(eq(exports.id, exportId), eq(exports.instructeurId, instructeurId), eq(exports.demarcheId, demarcheId)));
  if (!row) throw new NotFoundError("Export");
  return row;
}
