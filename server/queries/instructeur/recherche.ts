/**
 * The instructeur's search across every démarche they follow (the reference's `/recherche`): the
 * same index and query text as the list's search (`dossier_search`, GIN on
 * `to_tsvector('simple', document)`, `searchQuery`), scoped to the dossiers of their groupes that
 * the administration still sees, ranked by `ts_rank` (most relevant first, then the newest number),
 * keyset-paginated on (rank, number). At most `SEARCH_MATCH_LIMIT` matches are read from the index
 * (as the list does) and counted; of those of the instructeur's groupes, the `RECHERCHE_RANKED_LIMIT`
 * most recent are ranked and listed.
 */
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { type DossierCursor, encodeCursor } from "./cursor";
import { visibleByAdministration } from "./counters";
import { RECHERCHE_RANKED_LIMIT, SEARCH_MATCH_LIMIT } from "../../domain/instructeur-list/normalize";

export const RECHERCHE_PAGE_SIZE = 30;
/** The cursor's « sort » tag: a cursor of the démarche list reads as « first page » here. */
export const RECHERCHE_SORT = "rank:desc";

export interface RechercheInput {
  instructeurId: number;
  /** `searchQuery(typed)`. */
  query: string;
  cursor: DossierCursor | null;
  /** How many matches are ranked (tests); `RECHERCHE_RANKED_LIMIT` by default. */
  rankedLimit?: number;
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

/**
 * The keyset, order and limit over `ranked (dossier_id, rank, …)`, and the total of `matches`;
 * `extra` selects more columns of `ranked r`.
 */
export function rankedPage(cursor: DossierCursor | null, limit = RECHERCHE_PAGE_SIZE, extra = sql``) {
  const before = cursor?.direction === "before";
  // Most relevant first: `after` reads lower ranks, `before` higher ones (the page is put back in order).
  const keyset = cursor
    ? sql`and (r.rank, r.dossier_id) ${sql.raw(before ? ">" : "<")} (${cursor.value ?? "0"}::real, ${cursor.id})`
    : sql``;
  const direction = sql.raw(before ? "asc" : "desc");
  return sql`select r.dossier_id as id, r.rank::text as rank, (select count(*) from matches) as total ${extra}
    from ranked r
    where true ${keyset}
    order by r.rank ${direction}, r.dossier_id ${direction}
    limit ${limit + 1}`;
}

/**
 * The ranking of `matches (dossier_id, …)`: only the `RECHERCHE_RANKED_LIMIT` highest numbers are
 * ranked (sorting ids is cheap; parsing documents is not). `text` is the searched text of
 * `dossier_search s` (the expert's may leave the annotations out); `m.*` is kept.
 */
export function rankedMatches(query: string, text = sql`s.document`, rankedLimit = RECHERCHE_RANKED_LIMIT) {
  return sql`ranked as materialized (
      select m.*, ts_rank(to_tsvector('simple', ${text}), to_tsquery('simple', ${query})) as rank
      from (select * from matches order by dossier_id desc limit ${rankedLimit}) m
      join dossier_search s on s.dossier_id = m.dossier_id
    )`;
}

/** The SQL of one page (also run as raw SQL by the bench). */
export function rechercheQuery(input: RechercheInput, limit = RECHERCHE_PAGE_SIZE) {
  return sql`with matches as materialized (
      select dossiers.id as dossier_id
      from dossiers
      -- The matches found once through the GIN index (an init plan), then read by primary key: a
      -- join let the planner scan every dossier to hash them (133 ms for one match at 100k).
      where dossiers.id = any(array(select f.dossier_id from dossier_search f
          where to_tsvector('simple', f.document) @@ to_tsquery('simple', ${input.query}) limit ${SEARCH_MATCH_LIMIT}))
        and ${dossiersVisibleToInstructeur(input.instructeurId)}
        and ${visibleByAdministration()}
      limit ${SEARCH_MATCH_LIMIT}
    ), ${rankedMatches(input.query, sql`s.document`, input.rankedLimit)}
    ${rankedPage(input.cursor, limit)}`;
}

export async function searchInstructeurDossiers(db: DbOrTx, input: RechercheInput) {
  return rechercheResults(db, rechercheQuery(input), input.cursor, input.rankedLimit);
}

/**
 * Runs one page's SQL (`rankedPage`, optionally with an `avis_id` column) and loads its rows, with
 * the total, the notices and the cursors of the neighbouring pages.
 */
export async function rechercheResults(
  db: DbOrTx,
  query: SQL,
  cursor: DossierCursor | null,
  rankedLimit = RECHERCHE_RANKED_LIMIT,
) {
  const { rows } = await db.execute<{ id: number; rank: string; total: string | number; avis_id?: number | null }>(query);
  const reversed = cursor?.direction === "before";
  const more = rows.length > RECHERCHE_PAGE_SIZE;
  const page = rows
    .slice(0, RECHERCHE_PAGE_SIZE)
    .map((r) => ({ id: Number(r.id), rank: r.rank, avisId: r.avis_id == null ? null : Number(r.avis_id) }));
  if (reversed) page.reverse();
  const ids = page.map((r) => r.id);
  const details = ids.length === 0 ? [] : await loadRechercheRows(db, ids);
  const byId = new Map(details.map((d) => [d.id, d]));
  const first = page[0];
  const last = page[page.length - 1];
  const hasPrevious = reversed ? more : cursor !== null;
  const hasNext = reversed ? true : more;
  // `total` counts every match (capped); it is shown on the first page only.
  const total = cursor === null ? Number(rows[0]?.total ?? 0) : null;
  return {
    rows: page.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [{ ...row, avisId: r.avisId }] : [];
    }),
    total,
    capped: total !== null && total >= SEARCH_MATCH_LIMIT,
    /** More matches than ranked: the page lists the most recent `RECHERCHE_RANKED_LIMIT`. */
    rankedOnly: total !== null && total > rankedLimit,
    previousCursor:
      hasPrevious && first ? encodeCursor({ direction: "before", sort: RECHERCHE_SORT, value: first.rank, id: first.id }) : null,
    nextCursor:
      hasNext && last ? encodeCursor({ direction: "after", sort: RECHERCHE_SORT, value: last.rank, id: last.id }) : null,
  };
}

/** The rows shown for these dossier numbers (any order). */
export async function loadRechercheRows(db: DbOrTx, ids: readonly number[]): Promise<RechercheRow[]> {
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
