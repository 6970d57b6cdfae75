/**
 * Database checks of `dossier_link` fields (the pure rules are in
 * server/domain/champs/types/dossier_link.ts).
 *
 * How to use:
 * - At submission (and when an instructeur saves an annotation of this type), after the pure
 *   validation passed, call `findLinkableDossier(tx, n)` for each non-blank value whose number
 *   `dossierNumberOf(value)` is not null; when `linkable` is false, report
 *   `champError("dossier_not_found", descriptor, { number: n })` on that field. Like the
 *   reference, any démarche's dossier may be linked, but only a submitted one (never a brouillon, a
 *   test dossier only from a test dossier), so a usager cannot probe other people's drafts.
 * - On an instructeur's dossier page, give `DossierLinkDisplay` an `href` only for the numbers that
 *   `visibleLinkedDossiers(db, instructeurId, numbers)` returns (the instructeur's scope:
 *   routed to one of their groupes), as `/procedures/<demarcheId>/dossiers/<number>`.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { dossiers } from "../db/schema";
import { dossiersVisibleToInstructeur } from "../db/scopes";
import { DOSSIER_NUMBER_MAX } from "../domain/champs/types/dossier_link";

export interface LinkableDossier {
  /** True when the number names a submitted dossier that may be linked. */
  linkable: boolean;
}

/** Whether dossier `number` may be the value of a dossier_link field (`fromTestDossier`: the linking dossier is a test one). */
export async function findLinkableDossier(
  db: Pick<Db, "select">,
  number: number,
  options: { fromTestDossier?: boolean } = {},
): Promise<LinkableDossier> {
  if (!Number.isSafeInteger(number) || number < 1 || number > DOSSIER_NUMBER_MAX) return { linkable: false };
  const [row] = await db
    .select({ forTest: dossiers.forTest })
    .from(dossiers)
    .where(and(eq(dossiers.id, number), ne(dossiers.state, "brouillon")))
    .limit(1);
  return { linkable: row !== undefined && (!row.forTest || options.fromTestDossier === true) };
}

/** Of these dossier numbers, the ones the instructeur may open, with their démarche (for the link). */
export async function visibleLinkedDossiers(
  db: Pick<Db, "select">,
  instructeurId: number,
  numbers: readonly number[],
): Promise<Map<number, { demarcheId: number }>> {
  const wanted = [...new Set(numbers.filter((n) => Number.isSafeInteger(n) && n >= 1 && n <= DOSSIER_NUMBER_MAX))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: dossiers.id, demarcheId: dossiers.demarcheId })
    .from(dossiers)
    .where(and(inArray(dossiers.id, wanted), dossiersVisibleToInstructeur(instructeurId)));
  return new Map(rows.map((row) => [row.id, { demarcheId: row.demarcheId }]));
}
