/** The archive a download link names, for the démarche's administrateurs only. */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { archives } from "../db/schema";
import { NotFoundError } from "../errors";
import { findAdministrableDemarche } from "./administrable-demarche";

/** An archive of a démarche this administrateur administers (NotFoundError otherwise). */
export async function findDemarcheArchive(db: DbOrTx, administrateurId: number, demarcheId: number, archiveId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const [row] = await db
    .select()
    .from(archives)
    .where(and(eq(archives.id, archiveId), eq(archives.demarcheId, demarche.id)));
  if (!row) throw new NotFoundError("Archive");
  return row;
}
