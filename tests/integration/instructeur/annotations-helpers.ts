/**
 * A published démarche with annotations privées (built by the factory through the editor's
 * operations), and the stable id of each annotation by libellé.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../server/db/client";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { champs, dossiers } from "../../../server/db/schema";
import { buildDemarche, type ChampSpec } from "../../../server/seed/factories";

export async function buildDemarcheWithAnnotations(
  db: Db,
  options: Omit<NonNullable<Parameters<typeof buildDemarche>[1]>, "published" | "annotations"> & { annotations: ChampSpec[] },
) {
  const built = await buildDemarche(db, { ...options, path: options.path ?? `annotations-${Date.now().toString(36)}` });
  const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number, { private: true });
  const annotationIds = Object.fromEntries(fields.map((f) => [f.libelle, f.stableId]));
  return { ...built, path: built.path as string, annotationIds };
}

/** Every stored value of a dossier (key "stableId|rowId" → value), to check what changed. */
export async function storedValues(db: Db, dossierId: number) {
  const rows = await db
    .select({ stableId: champs.stableId, rowId: champs.rowId, value: champs.value, updatedAt: champs.updatedAt })
    .from(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, "main")))
    .orderBy(asc(champs.stableId), asc(champs.rowId));
  return Object.fromEntries(rows.map((r) => [r.rowId ? `${r.stableId}|${r.rowId}` : String(r.stableId), r.value]));
}

/** The dossier's dates, to check which ones a save moves. */
export async function dossierDates(db: Db, dossierId: number) {
  const [row] = await db
    .select({ updatedAt: dossiers.updatedAt, lastChampUpdatedAt: dossiers.lastChampUpdatedAt, lockVersion: dossiers.lockVersion })
    .from(dossiers)
    .where(eq(dossiers.id, dossierId));
  if (!row) throw new Error(`no dossier ${dossierId}`);
  return row;
}
