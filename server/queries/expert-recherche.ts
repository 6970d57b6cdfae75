/**
 * The expert's header search (`/recherche`): the dossiers of their avis (not revoked), by text,
 * ranked as the instructeur's (`rankedMatches`, `rankedPage`), each row opening the expert's newest
 * avis on it. The text searched is what the expert may read: the dossier's search document
 * without the annotations privées (`dossier_search.public_document`), the whole document only on a
 * dossier where one of their avis shows the annotations (as the dossier page and the downloads).
 * Not read through the GIN index (which covers the whole document): the candidates are the
 * expert's own dossiers, a few hundred at most in practice, each document parsed once.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { dossiersVisibleToExpert } from "../db/scopes";
import { SEARCH_MATCH_LIMIT } from "../domain/instructeur-list/normalize";
import type { DossierCursor } from "./instructeur/cursor";
import { RECHERCHE_PAGE_SIZE, rankedMatches, rankedPage, rechercheResults } from "./instructeur/recherche";

export interface ExpertRechercheInput {
  expertId: number;
  /** `searchQuery(typed)`. */
  query: string;
  cursor: DossierCursor | null;
}

/** The text of `dossier_search s` the expert may search, given `m.annotations` (one of their avis shows them). */
const EXPERT_TEXT = sql`case when m.annotations then s.document else coalesce(s.public_document, s.document) end`;

/** The SQL of one page (dossier numbers, ranks, total, the avis each row opens). */
export function expertRechercheQuery(input: ExpertRechercheInput, limit = RECHERCHE_PAGE_SIZE) {
  const ofExpert = sql`from avis a join experts_procedures ep on ep.id = a.experts_procedure_id
        where a.dossier_id = dossiers.id and ep.expert_id = ${input.expertId} and a.revoked_at is null`;
  return sql`with candidates as materialized (
      select dossiers.id as dossier_id,
        (select max(a.id) ${ofExpert}) as avis_id,
        exists (select 1 ${ofExpert} and a.annotations_visible) as annotations
      from dossiers
      where ${dossiersVisibleToExpert(input.expertId)}
    ), matches as materialized (
      select m.dossier_id, m.avis_id, m.annotations
      from candidates m
      join dossier_search s on s.dossier_id = m.dossier_id
      where to_tsvector('simple', ${EXPERT_TEXT}) @@ to_tsquery('simple', ${input.query})
      limit ${SEARCH_MATCH_LIMIT}
    ), ${rankedMatches(input.query, EXPERT_TEXT)}
    ${rankedPage(input.cursor, limit, sql`, r.avis_id`)}`;
}

export async function searchExpertDossiers(db: DbOrTx, input: ExpertRechercheInput) {
  return rechercheResults(db, expertRechercheQuery(input), input.cursor);
}
