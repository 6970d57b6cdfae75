/**
 * The dossier table of one démarche tab, 50 rows a page, newest update first, with keyset
 * pagination on (updated_at, id): a page deep in a 100k-dossier démarche costs the same as the
 * first (served by `dossiers_instructeur_visible_idx` / `dossiers_instructeur_en_cours_idx`).
 * Always scoped by `dossiersVisibleToInstructeur`.
 */
import { and, asc, desc, eq, inArray, isNotNull, not, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiers } from "../../db/schema";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { EN_COURS_STATES, TERMINE_STATES } from "../../domain/dossier/states";
import { followedBy, followedByAnyone, visibleByAdministration } from "./counters";
import { encodeCursor, type DossierCursor } from "./cursor";
import { expiringUntil, type InstructeurTab } from "./tabs";

export const PAGE_SIZE = 50;

const termine = () => inArray(dossiers.state, [...TERMINE_STATES]);
const enCours = () => inArray(dossiers.state, [...EN_COURS_STATES]);

/** The rows of a tab (see tabs.ts); the same rules as the counters' trigger (`dossier_counter_buckets`). */
export function tabCondition(tab: InstructeurTab, instructeurId: number, now: Date = new Date()): SQL | undefined {
  const live = and(visibleByAdministration(), eq(dossiers.archived, false));
  switch (tab) {
    case "a-suivre":
      return and(live, enCours(), not(followedByAnyone()));
    case "suivis":
      return and(live, enCours(), followedBy(instructeurId));
    case "traites":
      return and(live, termine());
    case "tous":
      return live;
    case "expirants":
      return and(
        live,
        or(termine(), eq(dossiers.state, "en_construction")),
        isNotNull(dossiers.expiredAt),
        sql`${dossiers.expiredAt} < (${expiringUntil(now)}::date + 1)::timestamp at time zone 'UTC'`,
      );
    case "archives":
      return and(visibleByAdministration(), eq(dossiers.archived, true));
    case "supprimes":
      return isNotNull(dossiers.hiddenByAdministrationAt);
  }
}

// Microsecond-exact key of a row, in UTC, for the cursor.
const cursorKey = sql<string>`to_char(${dossiers.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listInstructeurDossiers(
  db: DbOrTx,
  input: { instructeurId: number; demarcheId: number; tab: InstructeurTab; cursor: DossierCursor | null },
) {
  const { instructeurId, demarcheId, tab, cursor } = input;
  const before = cursor?.direction === "before";
  const keyset = cursor
    ? before
      ? sql`(${dossiers.updatedAt}, ${dossiers.id}) > (${cursor.updatedAt}::timestamptz, ${cursor.id})`
      : sql`(${dossiers.updatedAt}, ${dossiers.id}) < (${cursor.updatedAt}::timestamptz, ${cursor.id})`
    : undefined;
  const rows = await db
    .select({
      id: dossiers.id,
      state: dossiers.state,
      civilite: dossiers.civilite,
      nom: dossiers.nom,
      prenom: dossiers.prenom,
      deposeAt: dossiers.deposeAt,
      updatedAt: dossiers.updatedAt,
      key: cursorKey,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.demarcheId, demarcheId),
        dossiersVisibleToInstructeur(instructeurId),
        tabCondition(tab, instructeurId),
        keyset,
      ),
    )
    .orderBy(...(before ? [asc(dossiers.updatedAt), asc(dossiers.id)] : [desc(dossiers.updatedAt), desc(dossiers.id)]))
    .limit(PAGE_SIZE + 1);

  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  if (before) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  // Going forward there is a previous page (we came from it); going back there is a next page.
  const hasPrevious = before ? more : cursor !== null;
  const hasNext = before ? true : more;
  return {
    dossiers: page.map(({ key: _key, ...row }) => row),
    previousCursor: hasPrevious && first ? encodeCursor({ direction: "before", updatedAt: first.key, id: first.id }) : null,
    nextCursor: hasNext && last ? encodeCursor({ direction: "after", updatedAt: last.key, id: last.id }) : null,
  };
}
