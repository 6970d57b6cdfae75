/**
 * What the administrateur's pages read about their démarches. Every query is scoped with
 * `demarchesOfAdministrateur` (directly or through `findAdministrableDemarche`): another
 * administrateur's démarche reads as "not found".
 */
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { loadRevisionChamps } from "../../db/revisions";
import { demarches, dossiers, groupeInstructeurMembers, groupesInstructeurs } from "../../db/schema";
import { demarchesOfAdministrateur } from "../../db/scopes";
import { getTypeDeChamp } from "../../domain/champs/registry";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { pendingChanges, publicationBlockers } from "../../lookups/publication-checks";

export type DemarcheState = (typeof demarches.$inferSelect)["state"];

/** Dossiers the administration sees: submitted, not test dossiers (as the reference's counters). */
const realDossiersCount = sql<number>`(select count(*)::int from ${dossiers} where ${dossiers.demarcheId} = ${demarches.id} and ${dossiers.forTest} = false and ${dossiers.state} <> 'brouillon')`;

/** The dashboard: every démarche of this administrateur, newest first. */
export async function listAdministrateurDemarches(db: DbOrTx, administrateurId: number) {
  return db
    .select({
      id: demarches.id,
      libelle: demarches.libelle,
      state: demarches.state,
      createdAt: demarches.createdAt,
      publishedAt: demarches.publishedAt,
      closedAt: demarches.closedAt,
      dossiersCount: realDossiersCount,
    })
    .from(demarches)
    .where(and(demarchesOfAdministrateur(administrateurId), isNull(demarches.hiddenAt)))
    .orderBy(desc(demarches.id));
}

/** Number of instructeurs of the démarche (all its groupes). */
export async function countInstructeurs(db: DbOrTx, demarcheId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${groupeInstructeurMembers.instructeurId})::int` })
    .from(groupeInstructeurMembers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
    .where(eq(groupesInstructeurs.demarcheId, demarcheId));
  return row?.n ?? 0;
}

/** The overview page: the démarche, its counters and what still prevents publication. */
export async function getDemarcheOverview(db: Db, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const champs = demarche.draftRevisionId ? await loadRevisionChamps(db, demarche.draftRevisionId) : [];
  const annotations = demarche.draftRevisionId ? await loadRevisionChamps(db, demarche.draftRevisionId, { private: true }) : [];
  const [counts] = await db
    .select({
      real: sql<number>`count(*) filter (where ${dossiers.forTest} = false and ${dossiers.state} <> 'brouillon')::int`,
      test: sql<number>`count(*) filter (where ${dossiers.forTest} = true)::int`,
    })
    .from(dossiers)
    .where(eq(dossiers.demarcheId, demarcheId));
  return {
    demarche,
    champsCount: champs.filter((c) => getTypeDeChamp(c.type).hasValue).length,
    annotationsCount: annotations.filter((c) => getTypeDeChamp(c.type).hasValue).length,
    instructeursCount: await countInstructeurs(db, demarcheId),
    dossiersCount: counts?.real ?? 0,
    testDossiersCount: counts?.test ?? 0,
    blockers: await blockersOf(db, demarche),
    draftChanged: await draftChanged(db, demarche),
  };
}

/** `publicationBlockers` without the path check (the path is chosen on the publication page). */
export async function blockersOf(db: Db, demarche: { id: number; draftRevisionId: number | null }) {
  // publicationBlockers only reads, in one snapshot; it is typed for a transaction.
  return db.transaction((tx) => publicationBlockers(tx, demarche, null), { accessMode: "read only" });
}

/**
 * True when the draft differs from the published form: a field added, removed, moved or changed,
 * or the ineligibility rules changed (an edit undone does not count: the revision diff is empty).
 */
export async function draftChanged(db: DbOrTx, demarche: { draftRevisionId: number | null; publishedRevisionId: number | null }) {
  return (await pendingChanges(db, demarche)).length > 0;
}

/** Paths used by other démarches that start with this one (to suggest a free variant). */
export async function pathsStartingWith(db: DbOrTx, prefix: string, exceptDemarcheId: number) {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ path: demarches.path })
    .from(demarches)
    .where(and(sql`${demarches.path} like ${`${escaped}%`}`, ne(demarches.id, exceptDemarcheId)));
  return new Set(rows.map((r) => r.path).filter((p): p is string => p !== null));
}
