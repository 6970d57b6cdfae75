/**
 * `Demarche.deletedDossiers` / `pendingDeletedDossiers` and the groupe's (ds-behaviour §2.5, §2.6):
 * the tombstones of purged dossiers (`deleted_dossiers`), and the dossiers hidden by the
 * administration or at expiry that the daily purge has not deleted yet. Keyset pagination on
 * (deletion time, dossier number) with the reference's connection arguments, `deletedSince`
 * filtering on the deletion time. Ids are `DeletedDossier-<number>`: the same before and after
 * the purge.
 */
import { and, asc, desc, eq, gte, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { deletedDossiers, dossiers } from "../../db/schema";
import { type DeletionReason, pendingDeletionReason } from "../../domain/dossier/expiry";
import type { DossierState } from "../../domain/dossier/states";
import { decodeCursor, encodeCursor, toGlobalId } from "../ids";
import type { GraphqlContext } from "./context";
import { apiError } from "./errors";
import { type PageArgs, pageRows, planPage } from "./pagination";

export interface DeletedDossiersArgs extends PageArgs {
  deletedSince?: Date | null;
}

interface DeletedDossierNode {
  id: string;
  number: number;
  state: DossierState;
  reason: DeletionReason;
  dateSupression: Date;
}

interface Fetched {
  number: number;
  state: DossierState;
  deletedAt: Date;
  cursorTimestamp: string;
  hiddenByUserAt?: Date | null;
  hiddenByAdministrationAt?: Date | null;
  hiddenByExpiredAt?: Date | null;
  reason?: DeletionReason;
}

type Orderable = SQL | AnyPgColumn;

const ISO_MICROS = (column: Orderable) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function cursorCondition(args: DeletedDossiersArgs, column: Orderable, idColumn: Orderable) {
  const plan = planPage(args);
  const cursorText = plan.before ?? plan.after;
  if (cursorText === null) return { plan, condition: undefined };
  const position = decodeCursor(cursorText);
  if (!position) throw apiError("Invalid cursor", "bad_request");
  const op = sql.raw(plan.before !== null ? "<" : ">");
  return { plan, condition: sql`(${column}, ${idColumn}) ${op} (${position.timestamp}::timestamptz, ${position.id})` };
}

function connection(plan: ReturnType<typeof planPage>, fetched: Fetched[], reasonOf: (row: Fetched) => DeletionReason) {
  const page = pageRows(plan, fetched);
  const edges = page.map((row) => {
    const node: DeletedDossierNode = {
      id: toGlobalId("DeletedDossier", row.number),
      number: row.number,
      state: row.state,
      reason: reasonOf(row),
      dateSupression: row.deletedAt,
    };
    return { cursor: encodeCursor({ timestamp: row.cursorTimestamp, id: row.number }), node };
  });
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

export async function deletedDossiersPage(demarcheId: number, args: DeletedDossiersArgs, ctx: GraphqlContext, groupeId?: number) {
  const { plan, condition } = cursorCondition(args, deletedDossiers.deletedAt, deletedDossiers.dossierId);
  const direction = plan.inverted ? desc : asc;
  const fetched = await ctx.db
    .select({
      number: deletedDossiers.dossierId,
      state: deletedDossiers.state,
      reason: deletedDossiers.reason,
      deletedAt: deletedDossiers.deletedAt,
      cursorTimestamp: ISO_MICROS(deletedDossiers.deletedAt),
    })
    .from(deletedDossiers)
    .where(
      and(
        eq(deletedDossiers.demarcheId, demarcheId),
        groupeId === undefined ? undefined : eq(deletedDossiers.groupeInstructeurId, groupeId),
        args.deletedSince ? gte(deletedDossiers.deletedAt, args.deletedSince) : undefined,
        condition,
      ),
    )
    .orderBy(direction(deletedDossiers.deletedAt), direction(deletedDossiers.dossierId))
    .limit(plan.limit);
  return connection(plan, fetched, (row) => row.reason as DeletionReason);
}

export async function pendingDeletedDossiersPage(
  demarcheId: number,
  args: DeletedDossiersArgs,
  ctx: GraphqlContext,
  groupeId?: number,
) {
  const deletedAt = sql`coalesce(${dossiers.hiddenByAdministrationAt}, ${dossiers.hiddenByExpiredAt})`;
  const { plan, condition } = cursorCondition(args, deletedAt, dossiers.id);
  const direction = plan.inverted ? desc : asc;
  const fetched = await ctx.db
    .select({
      number: dossiers.id,
      state: dossiers.state,
      deletedAt: sql<Date>`${deletedAt}`.mapWith((v: string | Date) => new Date(v)),
      cursorTimestamp: ISO_MICROS(deletedAt),
      hiddenByUserAt: dossiers.hiddenByUserAt,
      hiddenByAdministrationAt: dossiers.hiddenByAdministrationAt,
      hiddenByExpiredAt: dossiers.hiddenByExpiredAt,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.demarcheId, demarcheId),
        ne(dossiers.state, "brouillon"),
        eq(dossiers.forTest, false),
        or(isNotNull(dossiers.hiddenByAdministrationAt), isNotNull(dossiers.hiddenByExpiredAt)),
        groupeId === undefined ? undefined : eq(dossiers.groupeInstructeurId, groupeId),
        args.deletedSince ? sql`${deletedAt} >= ${args.deletedSince.toISOString()}::timestamptz` : undefined,
        condition,
      ),
    )
    .orderBy(direction(deletedAt), direction(dossiers.id))
    .limit(plan.limit);
  return connection(plan, fetched, (row) =>
    pendingDeletionReason({
      state: row.state,
      hiddenByUserAt: row.hiddenByUserAt ?? null,
      hiddenByAdministrationAt: row.hiddenByAdministrationAt ?? null,
      hiddenByExpiredAt: row.hiddenByExpiredAt ?? null,
    }),
  );
}
