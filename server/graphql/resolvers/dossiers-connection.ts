/**
 * `Demarche.dossiers` (and a groupe's, `GroupeInstructeurWithDossiers.dossiers`): keyset pagination on (depose_at, id), or (updated_at, id) when
 * `updatedSince` is given, as the reference does; one query per page. Brouillons and test dossiers
 * are never listed.
 */
import { and, asc, desc, eq, gte, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { dossiers, users } from "../../db/schema";
import { decodeCursor, encodeCursor, numericIdOf } from "../ids";
import { dossierColumns, type DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";
import { apiError } from "./errors";
import { pageRows, planPage, type PageArgs } from "./pagination";

export interface DossiersArgs extends PageArgs {
  state?: DossierRow["state"] | null;
  archived?: boolean | null;
  createdSince?: Date | null;
  updatedSince?: Date | null;
  revision?: string | null;
  minRevision?: string | null;
  maxRevision?: string | null;
}

export interface DossierConnection {
  nodes: DossierRow[];
  edges: Array<{ cursor: string; node: DossierRow }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

function revisionCondition(demarcheId: number, globalId: string, comparison: "=" | ">=" | "<="): SQL {
  const revisionId = numericIdOf(globalId, "ProcedureRevision");
  // An id that is not a revision of this démarche matches nothing.
  if (revisionId === null) return sql`false`;
  if (comparison === "=") return eq(dossiers.revisionId, revisionId);
  const op = sql.raw(comparison);
  return sql`${dossiers.revisionId} in (
    select r.id from revisions r
    where r.demarche_id = ${demarcheId}
      and r.created_at ${op} (select created_at from revisions where id = ${revisionId} and demarche_id = ${demarcheId})
  )`;
}

/** `groupeInstructeurId`: only that groupe's dossiers (`GroupeInstructeurWithDossiers.dossiers`). */
export async function demarcheDossiers(
  demarcheId: number,
  args: DossiersArgs,
  ctx: GraphqlContext,
  groupeInstructeurId?: number,
): Promise<DossierConnection> {
  const plan = planPage(args);
  const byUpdate = args.updatedSince !== null && args.updatedSince !== undefined;
  const column = byUpdate ? dossiers.updatedAt : dossiers.deposeAt;

  const conditions: SQL[] = [eq(dossiers.demarcheId, demarcheId), ne(dossiers.state, "brouillon"), eq(dossiers.forTest, false)];
  // A submitted dossier always has a deposit date; one without could not be placed in the list.
  if (!byUpdate) conditions.push(isNotNull(dossiers.deposeAt));
  if (groupeInstructeurId !== undefined) conditions.push(eq(dossiers.groupeInstructeurId, groupeInstructeurId));
  if (args.state) conditions.push(eq(dossiers.state, args.state));
  if (args.archived === true || args.archived === false) conditions.push(eq(dossiers.archived, args.archived));
  if (byUpdate) conditions.push(gte(dossiers.updatedAt, args.updatedSince as Date));
  else if (args.createdSince) conditions.push(gte(dossiers.deposeAt, args.createdSince));
  if (args.revision) conditions.push(revisionCondition(demarcheId, args.revision, "="));
  if (args.minRevision) conditions.push(revisionCondition(demarcheId, args.minRevision, ">="));
  if (args.maxRevision) conditions.push(revisionCondition(demarcheId, args.maxRevision, "<="));

  const cursorText = plan.before ?? plan.after;
  if (cursorText !== null) {
    const position = decodeCursor(cursorText);
    if (!position) throw apiError("Invalid cursor", "bad_request");
    const op = sql.raw(plan.before !== null ? "<" : ">");
    conditions.push(sql`(${column}, ${dossiers.id}) ${op} (${position.timestamp}::timestamptz, ${position.id})`);
  }

  const direction = plan.inverted ? desc : asc;
  const fetched = await ctx.db
    .select({
      ...dossierColumns,
      cursorTimestamp: sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.userId))
    .where(and(...conditions))
    .orderBy(direction(column), direction(dossiers.id))
    .limit(plan.limit);

  const page = pageRows(plan, fetched);
  const edges = page.map(({ cursorTimestamp, ...node }) => ({
    cursor: encodeCursor({ timestamp: cursorTimestamp, id: node.id }),
    node,
  }));
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: plan.hasNextPage(fetched.length),
      hasPreviousPage: plan.hasPreviousPage(fetched.length),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
