/**
 * The instructeur's search across every démarche they follow (the reference's `/recherche`): the
 * same index and query text as the list's search (`dossier_search`, GIN on
 * `to_tsvector('simple', document)`, `searchQuery`), scoped to the dossiers of their groupes that
 * the administration still sees, ranked by `ts_rank` (most relevant first, then the newest number),
 * keyset-paginated on (rank, number). At most `SEARCH_MATCH_LIMIT` matches are read from the index
 * (as the list does), those of the instructeur's groupes are ranked.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { type DossierCursor, encodeCursor } from "./cursor";
import { visibleByAdministration } from "./counters";
import { SEARCH_MATCH_LIMIT } from "../../domain/instructeur-list/normalize";

export const RECHERCHE_PAGE_SIZE = 30;
/** The cursor's « sort » tag: a cursor of the démarche list reads as « first page » here. */
export const RECHERCHE_SORT = "rank:desc";

export interface RechercheInput {
  instructeurId: number;
  /** `searchQuery(typed)`. */
  query: string;
  cursor: DossierCursor | null;
}

export interface RechercheRow {
  id: number;
  demarcheId: number;
  demarcheLibelle: string;
  state: string;
  nom: string | null;
  prenom: string | null;
  civilite: string | null;
  email: string | null;
  deposeAt: Date | null;
  archived: boolean;
}

/** The SQL of one page (also run as raw SQL by the bench). */
export function rechercheQuery(input: RechercheInput, limit = RECHERCHE_PAGE_SIZE) {
  const { cursor } = input;
  const before = cursor?.direction === "before";
  // Most relevant first: `after` reads lower ranks, `before` higher ones (the page is put back in order).
  const keyset = cursor
    ? sql`and (m.rank, m.dossier_id) ${sql.raw(before ? ">" : "<")} (${cursor.value ?? "0"}::real, ${cursor.id})`
    : sql``;
  const direction = sql.raw(before ? "asc" : "desc");
  return sql`with matches as materialized (
      select s.dossier_id, ts_rank(to_tsvector('simple', s.document), to_tsquery('simple', ${input.query})) as rank
      from dossiers
      join dossier_search s on s.dossier_id = dossiers.id
      -- The matches found once through the GIN index (an init plan), then read by primary key: a
      -- join let the planner scan every dossier to hash them (133 ms for one match at 100k).
      where dossiers.id = any(array(select f.dossier_id from dossier_search f
          where to_tsvector('simple', f.document) @@ to_tsquery('simple', ${input.query}) limit ${SEARCH_MATCH_LIMIT}))
        and ${dossiersVisibleToInstructeur(input.instructeurId)}
        and ${visibleByAdministration()}
      limit ${SEARCH_MATCH_LIMIT}
    )
    select m.dossier_id as id, m.rank::text as rank, count(*) over () as total
    from matches m
    where true ${keyset}
    order by m.rank ${direction}, m.dossier_id ${direction}
    limit ${limit + 1}`;
}

export async function searchInstructeurDossiers(db: DbOrTx, input: RechercheInput) {
  const { rows } = await db.execute<{ id: number; rank: string; total: string | number }>(rechercheQuery(input));
  const reversed = input.cursor?.direction === "before";
  const more = rows.length > RECHERCHE_PAGE_SIZE;
  const page = rows.slice(0, RECHERCHE_PAGE_SIZE).map((r) => ({ id: Number(r.id), rank: r.rank }));
  if (reversed) page.reverse();
  const ids = page.map((r) => r.id);
  const details = ids.length === 0 ? [] : await loadRows(db, ids);
  const byId = new Map(details.map((d) => [d.id, d]));
  const first = page[0];
  const last = page[page.length - 1];
  const hasPrevious = reversed ? more : input.cursor !== null;
  const hasNext = reversed ? true : more;
  // `total` counts the rows after the keyset: the page's own count is exact only on the first page.
  const total = input.cursor === null ? Number(rows[0]?.total ?? 0) : null;
  return {
    rows: page.map((r) => byId.get(r.id)).filter((r): r is RechercheRow => r !== undefined),
    total,
    capped: total !== null && total >= SEARCH_MATCH_LIMIT,
    previousCursor:
      hasPrevious && first ? encodeCursor({ direction: "before", sort: RECHERCHE_SORT, value: first.rank, id: first.id }) : null,
    nextCursor:
      hasNext && last ? encodeCursor({ direction: "after", sort: RECHERCHE_SORT, value: last.rank, id: last.id }) : null,
  };
}

async function loadRows(db: DbOrTx, ids: readonly number[]): Promise<RechercheRow[]> {
  const { rows } = await db.execute<{
    id: number;
    demarche_id: number;
    libelle: string;
    state: string;
    nom: string | null;
    prenom: string | null;
    civilite: string | null;
    email: string | null;
    depose_at: string | Date | null;
    archived: boolean;
  }>(sql`select d.id, d.demarche_id, dm.libelle, d.state, d.nom, d.prenom, d.civilite, u.email, d.depose_at, d.archived
    from dossiers d
    join demarches dm on dm.id = d.demarche_id
    left join users u on u.id = d.user_id
    where d.id = any(${sql.raw(`array[${ids.map((id) => Number(id)).join(",")}]::int[]`)})`);
  return rows.map((r) => ({
    id: Number(r.id),
    demarcheId: Number(r.demarche_id),
    demarcheLibelle: r.libelle,
    state: r.state,
    nom: r.nom,
    prenom: r.prenom,
    civilite: r.civilite,
    email: r.email,
    deposeAt: r.depose_at === null ? null : new Date(r.depose_at),
    archived: r.archived,
  }));
}
