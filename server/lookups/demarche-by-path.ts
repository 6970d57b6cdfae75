/**
 * The démarche behind a /commencer link, whatever its state, so the page can explain a closed
 * démarche instead of answering "not found".
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { demarchePaths, demarches } from "../db/schema";

/** Paths are stored lower-case; links typed or printed with capitals still work. */
export async function findDemarcheByPath(db: DbOrTx, path: string) {
  const [demarche] = await db.select().from(demarches).where(eq(demarches.path, path.trim().toLowerCase())).limit(1);
  return demarche ?? null;
}

/**
 * The current path of the démarche that once had `path` (the reference's path history), or null:
 * /commencer/<old path> answers a 301 to it.
 */
export async function findCurrentPathOf(db: DbOrTx, path: string): Promise<string | null> {
  const [row] = await db
    .select({ path: demarches.path })
    .from(demarchePaths)
    .innerJoin(demarches, eq(demarches.id, demarchePaths.demarcheId))
    .where(eq(demarchePaths.path, path.trim().toLowerCase()))
    .limit(1);
  return row?.path ?? null;
}

/** Public fields of the revision a new dossier would use (published, or the draft through the test link). */
export async function loadStartRevisionChamps(
  db: DbOrTx,
  demarche: { publishedRevisionId: number | null; draftRevisionId: number | null },
  test: boolean,
) {
  const revisionId = test ? demarche.draftRevisionId : demarche.publishedRevisionId;
  return revisionId ? loadRevisionChamps(db, revisionId) : [];
}

/** The démarche replacing a closed one, when it is still published (else the old link explains the closing). */
export async function findReplacement(db: DbOrTx, replacedByDemarcheId: number | null) {
  if (replacedByDemarcheId === null) return null;
  const [replacement] = await db
    .select({ id: demarches.id, path: demarches.path })
    .from(demarches)
    .where(and(eq(demarches.id, replacedByDemarcheId), eq(demarches.state, "publiee"), isNull(demarches.hiddenAt)));
  return replacement ?? null;
}
