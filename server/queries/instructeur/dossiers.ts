/**
 * The dossier table of one démarche tab: 50 rows a page, sorted on any displayed column, filtered
 * by typed filters, narrowed by a full-text search, with keyset pagination on (sort key, id) so a
 * page deep in a million-dossier démarche costs about the first one. Always scoped by
 * `dossiersVisibleToInstructeur`. Sort keys use PostgreSQL's default null placement (nulls after
 * every value ascending, before descending) so that one btree index serves both directions:
 * - dossier columns: `dossiers_instructeur_visible_idx` (updated_at) and the tab indexes;
 * - field columns: `dossier_values_{text,number,date}_idx` (demarche_id, stable_id, value, dossier_id);
 * - search: the GIN index of `dossier_search` on `to_tsvector('simple', document)`.
 */
import { SEARCH_MATCH_LIMIT } from "../../domain/instructeur-list/normalize";
import { and, eq, inArray, isNotNull, not, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  avis,
  dossierLabels,
  dossierNotifications,
  dossierSearch,
  dossierValues,
  dossiers,
  follows,
  groupesInstructeurs,
  instructeurs,
  labels,
  users,
} from "../../db/schema";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { EN_COURS_STATES, TERMINE_STATES } from "../../domain/dossier/states";
import { type ColumnDef, NOTIFICATIONS_SORT, type SortChoice } from "../../domain/instructeur-list/columns";
import { type Filter, groupByColumn } from "../../domain/instructeur-list/filters";
import { NOT_TAKEN_IN_CHARGE_AFTER_DAYS } from "../../domain/notifications/notifications";
import { followedBy, followedByAnyone, visibleByAdministration } from "./counters";
import { type DossierCursor, encodeCursor } from "./cursor";
import { expiringUntil, type InstructeurTab } from "../../domain/instructeur-list/tabs";

export const PAGE_SIZE = 50;
/** Dates of the list are French calendar days. */
const TIME_ZONE = "Europe/Paris";

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
      // In the corbeille, or decided and expired (purged 2 weeks later unless extended).
      return or(isNotNull(dossiers.hiddenByAdministrationAt), and(termine(), isNotNull(dossiers.hiddenByExpiredAt)));
  }
}

/** Lower case without the accents of French (PGlite has no `unaccent`), as `normalizeText` does. */
const FROM = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
const TO = "aaaaaaceeeeiiiinooooouuuuyy";
const normalized = (expr: SQL) => sql`translate(lower(${expr}), ${FROM}, ${TO})`;

const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SORT_ALIAS = sql.raw(`"sort_value"`);

interface ColumnSql {
  /** The sort key (null for columns that do not sort). */
  sort: SQL | null;
  /** PostgreSQL type to read a cursor's key back. */
  cast: string;
  /** False for NOT NULL columns: the keyset is then a plain row comparison, an index condition. */
  nullable?: boolean;
}

function fieldValueColumn(column: ColumnDef): "number" | "date" | "bool" | "text" {
  return column.type === "number" ? "number" : column.type === "date" ? "date" : column.type === "boolean" ? "bool" : "text";
}

function selfSql(column: ColumnDef): ColumnSql {
  switch (column.id) {
    case "self/id":
      return { sort: sql`${dossiers.id}`, cast: "integer", nullable: false };
    case "individual/identite":
      return { sort: sql`${dossiers.nom}`, cast: "text" };
    case "user/email":
      return { sort: sql`(select ${users.email} from ${users} where ${users.id} = ${dossiers.userId})`, cast: "text" };
    case "self/state":
      return { sort: sql`${dossiers.state}`, cast: "text", nullable: false };
    case "self/depose_at":
      return { sort: sql`${dossiers.deposeAt}`, cast: "timestamptz" };
    case "self/en_instruction_at":
      return { sort: sql`${dossiers.enInstructionAt}`, cast: "timestamptz" };
    case "self/processed_at":
      return { sort: sql`${dossiers.processedAt}`, cast: "timestamptz" };
    case "self/updated_at":
      return { sort: sql`${dossiers.updatedAt}`, cast: "timestamptz", nullable: false };
    case "groupe/label":
      return {
        sort: sql`(select ${groupesInstructeurs.label} from ${groupesInstructeurs} where ${groupesInstructeurs.id} = ${dossiers.groupeInstructeurId})`,
        cast: "text",
      };
    case "self/sva_svr_decision_on":
      return { sort: sql`${dossiers.svaSvrDecisionOn}`, cast: "date" };
    case "self/accuse_lecture_agreement_at":
      return { sort: sql`${dossiers.accuseLectureAgreementAt}`, cast: "timestamptz" };
    default:
      return { sort: null, cast: "text" };
  }
}

/**
 * « Not taken in charge » (the clock's part of the badges, `badgesOf`): en construction for 7 days,
 * nobody following. Read through `dossiers_not_taken_in_charge_idx`.
 */
function notTakenInCharge(now: Date): SQL {
  const limit = new Date(now.getTime() - NOT_TAKEN_IN_CHARGE_AFTER_DAYS * 86_400_000).toISOString();
  return sql`(${dossiers.state} = 'en_construction' and ${dossiers.followersCount} = 0 and ${dossiers.forTest} = false and ${dossiers.deposeAt} <= ${limit}::timestamptz)`;
}

/** The event part of the badges, kept by triggers in `dossier_notifications` (migration 0032). */
const notifiedByEvents = (instructeurId: number) =>
  sql`exists (select 1 from ${dossierNotifications} n where n.instructeur_id = ${instructeurId} and n.dossier_id = ${dossiers.id})`;

/**
 * Whether the dossier has a notification badge for this instructeur: the SQL form of `badgesOf`
 * (server/domain/notifications/notifications.ts) — not taken in charge, or a row of
 * `dossier_notifications` (an expiry warning, an unseen deletion, an unseen change by someone else
 * on a followed dossier).
 */
export function notifiedCondition(instructeurId: number, now: Date): SQL {
  return sql`(${notTakenInCharge(now)} or ${notifiedByEvents(instructeurId)})`;
}

/**
 * The notifications-first sort key: notified dossiers above the others, each part by last update.
 * One exact numeric (flag × 10¹¹ + epoch with microseconds), the cursor's value.
 */
function notificationsSortKey(flag: 0 | 1): SQL {
  return sql`(${flag * NOTIFIED_OFFSET}::numeric + extract(epoch from ${dossiers.updatedAt}))`;
}
const NOTIFIED_OFFSET = 100_000_000_000;

/** A cursor value of the notifications-first sort back to (flag, exact timestamp), or null if malformed. */
export function parseNotificationsKey(value: string | null): { flag: 0 | 1; at: string } | null {
  const match = value === null ? null : /^(\d+)(?:\.(\d{1,6}))?$/.exec(value);
  if (!match) return null;
  const micros = BigInt(match[1] as string) * 1_000_000n + BigInt((match[2] ?? "").padEnd(6, "0"));
  const offset = BigInt(NOTIFIED_OFFSET) * 1_000_000n;
  const flag = micros >= offset ? 1 : 0;
  const epochMicros = micros - (flag ? offset : 0n);
  const iso = new Date(Number(epochMicros / 1000n)).toISOString();
  if (Number.isNaN(Date.parse(iso))) return null;
  return { flag, at: `${iso.slice(0, 23)}${String(epochMicros % 1000n).padStart(3, "0")}Z` };
}

/**
 * One page of the notifications-first sort without computing a key per row of the tab: the
 * notified part (the `dossier_notifications` rows of this instructeur and démarche, range-scanned
 * on `dossier_notifications_list_idx`, then the « not taken in charge » dossiers through
 * `dossiers_not_taken_in_charge_idx`) and the others (the tab's own index, the notified ones
 * filtered out), each read in (updated_at, id) order from the cursor and cut at the page size.
 * Same order and keys as the single key `flag × 10¹¹ + epoch(updated_at)`.
 */
function notificationsListQuery(input: ListInput): { query: SQL; reversed: boolean } {
  const { sort, cursor, instructeurId } = input;
  const now = input.now ?? new Date();
  const before = cursor?.direction === "before";
  const ascending = (sort.order === "asc") !== before;
  const limit = (input.limit ?? PAGE_SIZE) + 1;
  const direction = sql.raw(ascending ? "asc" : "desc");
  const comparison = sql.raw(ascending ? ">" : "<");
  const parsed = cursor ? parseNotificationsKey(cursor.value) : null;
  // Read order of the two parts: notified first when descending.
  const parts: Array<0 | 1> = ascending ? [0, 1] : [1, 0];
  const startAt = parsed ? parts.indexOf(parsed.flag) : 0;
  const where = listWhere(input);
  const keyset = (flag: 0 | 1, updatedAt: SQL, id: SQL) =>
    parsed && parsed.flag === flag && cursor
      ? sql`and (${updatedAt}, ${id}) ${comparison} (${parsed.at}::timestamptz, ${cursor.id})`
      : sql``;
  const branch = (flag: 0 | 1, from: SQL, condition: SQL, updatedAt: SQL, id: SQL) =>
    sql`(select ${dossiers.id} as id, (${notificationsSortKey(flag)})::text as ${SORT_ALIAS}, ${flag * NOTIFIED_OFFSET}::numeric + extract(epoch from ${dossiers.updatedAt}) as k
      from ${from} where ${where} and ${condition} ${keyset(flag, updatedAt, id)}
      order by ${updatedAt} ${direction}, ${id} ${direction} limit ${limit})`;
  const branches: SQL[] = [];
  for (const flag of parts.slice(startAt)) {
    if (flag === 1) {
      branches.push(
        branch(
          1,
          sql`${dossierNotifications} n join ${dossiers} on ${dossiers.id} = n.dossier_id`,
          sql`n.instructeur_id = ${instructeurId} and n.demarche_id = ${input.demarcheId}`,
          sql`n.updated_at`,
          sql`n.dossier_id`,
        ),
        branch(
          1,
          sql`${dossiers}`,
          sql`${notTakenInCharge(now)} and not ${notifiedByEvents(instructeurId)}`,
          sql`${dossiers.updatedAt}`,
          sql`${dossiers.id}`,
        ),
      );
    } else {
      branches.push(
        branch(
          0,
          sql`${dossiers}`,
          sql`not coalesce(${notTakenInCharge(now)}, false) and not ${notifiedByEvents(instructeurId)}`,
          sql`${dossiers.updatedAt}`,
          sql`${dossiers.id}`,
        ),
      );
    }
  }
  const query = sql`select id, sort_value from (${sql.join(branches, sql` union all `)}) page
    order by k ${direction}, id ${direction} limit ${limit}`;
  return { query, reversed: before };
}

function columnSql(column: ColumnDef, instructeurId: number, now: Date): ColumnSql {
  if (column.id === NOTIFICATIONS_SORT)
    // The single key (listQuery reads this sort through `notificationsListQuery`, never per row).
    return {
      sort: sql`((case when ${notifiedCondition(instructeurId, now)} then ${NOTIFIED_OFFSET} else 0 end)::numeric + extract(epoch from ${dossiers.updatedAt}))`,
      cast: "numeric",
      nullable: false,
    };
  if (!column.field) return selfSql(column);
  const valueColumn = fieldValueColumn(column);
  const cast = { number: "double precision", date: "date", bool: "boolean", text: "text" }[valueColumn];
  return { sort: sql`sv.${sql.raw(valueColumn)}`, cast };
}

/** Midnight (French time) starting a calendar day, as a timestamptz. */
const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone ${TIME_ZONE}`;

function dateRange(expr: SQL, from: string | null, until: string | null, isDate: boolean): SQL {
  const bound = (day: string) => (isDate ? sql`${day}::date` : dayStart(day));
  return and(from ? sql`${expr} >= ${bound(from)}` : undefined, until ? sql`${expr} < ${bound(until)}` : undefined) as SQL;
}

/** One filter on a dossier's own column. */
function selfFilter(filter: Filter): SQL {
  const { column, condition } = filter;
  if (column.id === "followers/email") {
    const emails = sql`select 1 from ${follows} join ${instructeurs} on ${instructeurs.id} = ${follows.instructeurId} join ${users} on ${users.id} = ${instructeurs.userId} where ${follows.dossierId} = ${dossiers.id}`;
    if (condition.kind === "empty") return sql`not exists (${emails})`;
    if (condition.kind === "contains")
      return sql`exists (${emails} and ${normalized(sql`${users.email}`)} like ${likeEscaped(condition.text)})`;
  }
  if (column.id === "labels/label_id") {
    if (condition.kind === "empty")
      return sql`not exists (select 1 from ${dossierLabels} dl where dl.dossier_id = ${dossiers.id})`;
    if (condition.kind === "in") {
      // By name among the dossier's own démarche's labels: another démarche's label matches nothing.
      return sql`exists (select 1 from ${dossierLabels} dl join ${labels} l on l.id = dl.label_id
        where dl.dossier_id = ${dossiers.id} and l.demarche_id = ${dossiers.demarcheId} and l.name = ${condition.raw})`;
    }
  }
  if (column.id === "avis/answers") {
    const asked = sql`select 1 from ${avis} a where a.dossier_id = ${dossiers.id} and a.revoked_at is null`;
    if (condition.kind === "empty") return sql`not exists (${asked})`;
    if (condition.kind === "in") {
      return condition.raw === "rendu"
        ? sql`exists (${asked} and a.answered_at is not null)`
        : sql`exists (${asked} and a.answered_at is null)`;
    }
  }
  if (column.id === "self/sva_svr_decision_on" && condition.kind === "date") {
    return dateRange(sql`${dossiers.svaSvrDecisionOn}`, condition.from, condition.until, true);
  }
  if (column.id === "individual/identite") {
    if (condition.kind === "empty") return sql`${dossiers.nom} is null`;
    if (condition.kind === "contains") {
      return sql`${normalized(sql`coalesce(${dossiers.nom}, '') || ' ' || coalesce(${dossiers.prenom}, '')`)} like ${likeEscaped(condition.text)}`;
    }
  }
  const expr = selfSql(column).sort as SQL;
  switch (condition.kind) {
    case "empty":
      return sql`${expr} is null`;
    case "contains":
      return sql`${normalized(expr)} like ${likeEscaped(condition.text)}`;
    case "in":
      return sql`${expr} = ${condition.raw}`;
    case "number":
      return sql`${expr} ${sql.raw(condition.op === "eq" ? "=" : condition.op === "lt" ? "<" : ">")} ${condition.value}`;
    case "date":
      return dateRange(expr, condition.from, condition.until, false);
    case "bool":
      return sql`${expr} = ${condition.value}`;
  }
}

/** One filter on a field's typed value (`dossier_values`). */
function fieldFilter(filter: Filter): SQL {
  const { column, condition } = filter;
  const stableId = column.field?.stableId as number;
  const valueColumn = sql.raw(`fv.${fieldValueColumn(column)}`);
  const exists = (predicate: SQL) =>
    sql`exists (select 1 from ${dossierValues} fv where fv.dossier_id = ${dossiers.id} and fv.stable_id = ${stableId} and ${predicate})`;
  switch (condition.kind) {
    case "empty":
      return sql`not ${exists(sql`${valueColumn} is not null`)}`;
    case "contains":
      return exists(sql`fv.text like ${likeEscaped(condition.text)}`);
    case "in":
      return exists(sql`fv.text = ${condition.text}`);
    case "number":
      return exists(
        sql`fv.number ${sql.raw(condition.op === "eq" ? "=" : condition.op === "lt" ? "<" : ">")} ${condition.value}`,
      );
    case "date":
      return exists(dateRange(sql`fv.date`, condition.from, condition.until, true));
    case "bool":
      return exists(sql`fv.bool = ${condition.value}`);
  }
}

/** Filters on one column are alternatives; every column's group applies. */
export function filtersCondition(filters: readonly Filter[]): SQL | undefined {
  const groups = groupByColumn(filters).map((group) =>
    or(...group.map((f) => (f.column.field ? fieldFilter(f) : selfFilter(f)))),
  );
  return groups.length === 0 ? undefined : and(...groups);
}

/**
 * `to_tsquery('simple', …)` text from `searchQuery`: the dossiers whose document matches, found
 * ONCE through the GIN index (an init plan: `array(select …)`), then read by primary key. A
 * correlated EXISTS let the planner walk the whole démarche in list order re-parsing each document.
 */
export function searchCondition(query: string | null, demarcheId?: number): SQL | undefined {
  if (!query) return undefined;
  const scope = demarcheId === undefined ? sql`` : sql`s.demarche_id = ${demarcheId} and`;
  return sql`${dossiers.id} = any(array(select s.dossier_id from ${dossierSearch} s where ${scope} to_tsvector('simple', s.document) @@ to_tsquery('simple', ${query}) limit ${SEARCH_MATCH_LIMIT}))`;
}

/**
 * Keyset condition in the total order (key, id) where a null key comes after every value: the rows
 * strictly after (`gt`) or before (`lt`) the cursor's row.
 */
function keysetCondition(column: ColumnSql, expr: SQL, cursor: DossierCursor, side: "gt" | "lt"): SQL {
  const id = cursor.id;
  if (cursor.value === null) {
    return side === "gt"
      ? sql`(${expr} is null and ${dossiers.id} > ${id})`
      : sql`(${expr} is not null or ${dossiers.id} < ${id})`;
  }
  const key = sql`${cursor.value}::${sql.raw(column.cast)}`;
  // A row comparison is an index condition on (key, id): a deep page costs about the first one.
  const row = sql`(${expr}, ${dossiers.id}) ${sql.raw(side === "gt" ? ">" : "<")} (${key}, ${id})`;
  return side === "gt" && column.nullable !== false ? sql`(${row} or ${expr} is null)` : row;
}

export interface ListInput {
  instructeurId: number;
  demarcheId: number;
  tab: InstructeurTab;
  sort: SortChoice;
  filters: readonly Filter[];
  /** `searchQuery(typed)`: null for no search. */
  search: string | null;
  cursor: DossierCursor | null;
  now?: Date;
  /** Rows a page (PAGE_SIZE by default; exports read larger batches). */
  limit?: number;
  /** Exports: archived dossiers are added to the tab's. */
  includeArchived?: boolean;
  /** Exports: only dossiers déposés since then (« the last 30 days »). */
  since?: Date | null;
}

export const sortKeyOf = (sort: SortChoice) => `${sort.column.id}:${sort.order}`;

/** The SQL of one page (also run as raw SQL by the bench). */
export function listQuery(input: ListInput): { query: SQL; reversed: boolean } {
  if (input.sort.column.id === NOTIFICATIONS_SORT) return notificationsListQuery(input);
  const { sort, cursor } = input;
  const column = columnSql(sort.column, input.instructeurId, input.now ?? new Date());
  const expr = column.sort ?? sql`${dossiers.updatedAt}`;
  const before = cursor?.direction === "before";
  // Reading backwards flips the order; the page is put back in order afterwards.
  const ascending = (sort.order === "asc") !== before;
  const keyset = cursor ? keysetCondition(column, expr, cursor, (sort.order === "asc") !== before ? "gt" : "lt") : undefined;
  const join = sort.column.field
    ? sql`left join ${dossierValues} sv on sv.dossier_id = ${dossiers.id} and sv.stable_id = ${sort.column.field.stableId}`
    : sql``;
  const where = and(listWhere(input), keyset);
  const direction = sql.raw(ascending ? "asc" : "desc");
  const query = sql`select ${dossiers.id} as id, (${expr})::text as ${SORT_ALIAS}
    from ${dossiers} ${join}
    where ${where}
    order by ${expr} ${direction}, ${dossiers.id} ${direction}
    limit ${(input.limit ?? PAGE_SIZE) + 1}`;
  return { query, reversed: before };
}

/** Which dossiers a list (or an export) reads, before its keyset: scope, tab, filters, search. */
export function listWhere(input: Omit<ListInput, "cursor" | "sort">): SQL | undefined {
  const tab = tabCondition(input.tab, input.instructeurId, input.now);
  return and(
    eq(dossiers.demarcheId, input.demarcheId),
    dossiersVisibleToInstructeur(input.instructeurId),
    input.includeArchived && input.tab !== "archives" && input.tab !== "supprimes"
      ? or(tab, and(visibleByAdministration(), eq(dossiers.archived, true)))
      : tab,
    filtersCondition(input.filters),
    searchCondition(input.search, input.demarcheId),
    input.since ? sql`${dossiers.deposeAt} >= ${input.since.toISOString()}::timestamptz` : undefined,
  );
}

export async function listInstructeurDossiers(db: DbOrTx, input: ListInput) {
  const { query, reversed } = listQuery(input);
  const { rows } = await db.execute<{ id: number; sort_value: string | null }>(query);
  const more = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE).map((r) => ({ id: Number(r.id), key: r.sort_value }));
  if (reversed) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const sortKey = sortKeyOf(input.sort);
  // Going forward there is a previous page (we came from it); going back there is a next page.
  const hasPrevious = reversed ? more : input.cursor !== null;
  const hasNext = reversed ? true : more;
  return {
    ids: page.map((r) => r.id),
    previousCursor:
      hasPrevious && first ? encodeCursor({ direction: "before", sort: sortKey, value: first.key, id: first.id }) : null,
    nextCursor: hasNext && last ? encodeCursor({ direction: "after", sort: sortKey, value: last.key, id: last.id }) : null,
  };
}
