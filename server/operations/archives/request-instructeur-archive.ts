/**
 * An instructeur asks for the monthly archive of `month` (YYYY-MM) of the dossiers of their
 * groupes on the démarche: the administrateur's operation (request-archive.ts: same refusals, same
 * 100 GB limit, same reuse of the live archive, same event and job) scoped to their groupe set.
 * A démarche where they have no groupe: NotFoundError, nothing written.
 */
import type { Locale } from "../../../common/i18n/types";
import type { Db } from "../../db/client";
import { instructeurArchiveGroupes } from "../../lookups/scoped-archive";
import { type ArchiveRequestResult, requestArchiveFor } from "./request-archive";

export async function requestInstructeurArchive(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  month: unknown,
  locale: Locale,
): Promise<ArchiveRequestResult> {
  const groupeIds = await instructeurArchiveGroupes(db, instructeurId, demarcheId);
  return requestArchiveFor(db, { kind: "instructeur", instructeurId, groupeIds }, demarcheId, month, locale);
}
