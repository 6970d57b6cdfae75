/**
 * The démarches an instructeur works on (scope `demarchesOfInstructeur`): another démarche reads
 * as "not found", whatever its state.
 */
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { demarches } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import { NotFoundError } from "../../errors";
import { countDossiersByTab } from "./counters";
import { EMPTY_COUNTERS } from "../../domain/instructeur-list/tabs";

const demarcheColumns = { id: demarches.id, libelle: demarches.libelle, state: demarches.state };

/** The /procedures page: every démarche of the instructeur with its tab counters (two statements in all). */
export async function listInstructeurDemarches(db: DbOrTx, instructeurId: number) {
  const rows = await db
    .select(demarcheColumns)
    .from(demarches)
    .where(demarchesOfInstructeur(instructeurId))
    .orderBy(asc(demarches.libelle), asc(demarches.id));
  const counters = await countDossiersByTab(
    db,
    instructeurId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, counters: counters.get(r.id) ?? { ...EMPTY_COUNTERS } }));
}

/** One démarche of the instructeur; NotFoundError otherwise. */
export async function findInstructeurDemarche(db: DbOrTx, instructeurId: number, demarcheId: number) {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  const [row] = await db
    .select({ ...demarcheColumns, instructeursSelfManagement: demarches.instructeursSelfManagementEnabled })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(instructeurId)))
    .limit(1);
  if (!row) throw new NotFoundError("Demarche");
  return row;
}
