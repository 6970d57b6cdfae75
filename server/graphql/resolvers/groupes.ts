/**
 * Groupes instructeurs in the API: `Query.groupeInstructeur(number)`, `Demarche.groupeInstructeurs`,
 * `Dossier.groupeInstructeur`, the `GroupeInstructeur` and `GroupeInstructeurWithDossiers` types.
 * Groupes and their members are read by DataLoaders (one query per batch), so a démarche with
 * thousands of groupes costs two queries. A groupe is readable when its démarche is.
 */
import DataLoader from "dataloader";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupeInstructeurMembers, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import { toGlobalId } from "../ids";
import type { DemarcheRow, DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";
import { demarcheDossiers, type DossiersArgs } from "./dossiers-connection";
import { hiddenByPermissions, notFound } from "./errors";

export interface GroupeRow {
  id: number;
  demarcheId: number;
  label: string;
  closed: boolean;
  isDefault: boolean;
}

const groupeColumns = {
  id: groupesInstructeurs.id,
  demarcheId: groupesInstructeurs.demarcheId,
  label: groupesInstructeurs.label,
  closed: groupesInstructeurs.closed,
  isDefault: groupesInstructeurs.isDefault,
};

export function createGroupeLoaders(db: Db) {
  return {
    groupe: new DataLoader<number, GroupeRow | null>(async (ids) => {
      const rows = await db
        .select(groupeColumns)
        .from(groupesInstructeurs)
        .where(inArray(groupesInstructeurs.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The members of groupes, by e-mail. */
    groupeInstructeurs: new DataLoader<number, Array<{ id: string; email: string }>>(async (ids) => {
      const rows = await db
        .select({ groupeId: groupeInstructeurMembers.groupeInstructeurId, instructeurId: instructeurs.id, email: users.email })
        .from(groupeInstructeurMembers)
        .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
        .innerJoin(users, eq(users.id, instructeurs.userId))
        .where(inArray(groupeInstructeurMembers.groupeInstructeurId, [...ids]))
        .orderBy(asc(users.email));
      const byGroupe = new Map<number, Array<{ id: string; email: string }>>();
      for (const row of rows) {
        const list = byGroupe.get(row.groupeId) ?? [];
        list.push({ id: toGlobalId("Instructeur", row.instructeurId), email: row.email });
        byGroupe.set(row.groupeId, list);
      }
      return ids.map((id) => byGroupe.get(id) ?? []);
    }),
  };
}

/** Reads a groupe for the API: `not_found` when missing, `unauthorized` when the token may not read its démarche. */
export async function findApiGroupe(ctx: GraphqlContext, number: number): Promise<GroupeRow> {
  const groupe = Number.isSafeInteger(number) && number > 0 ? await ctx.loaders.groupe.load(number) : null;
  if (!groupe) throw notFound("GroupeInstructeur");
  if (!(await ctx.loaders.demarcheAccess.load(groupe.demarcheId))) throw hiddenByPermissions("GroupeInstructeur");
  return groupe;
}

const groupeFields = {
  id: (g: GroupeRow) => toGlobalId("GroupeInstructeur", g.id),
  number: (g: GroupeRow) => g.id,
  instructeurs: (g: GroupeRow, _: unknown, ctx: GraphqlContext) => ctx.loaders.groupeInstructeurs.load(g.id),
};

export const groupeResolvers = {
  Query: {
    groupeInstructeur: (_: unknown, args: { number: number }, ctx: GraphqlContext) => findApiGroupe(ctx, args.number),
  },
  Demarche: {
    async groupeInstructeurs(d: DemarcheRow, args: { closed?: boolean | null }, ctx: GraphqlContext) {
      const closed = args.closed === true || args.closed === false ? eq(groupesInstructeurs.closed, args.closed) : undefined;
      const rows = await ctx.db
        .select(groupeColumns)
        .from(groupesInstructeurs)
        .where(and(eq(groupesInstructeurs.demarcheId, d.id), closed))
        .orderBy(asc(groupesInstructeurs.label), asc(groupesInstructeurs.id));
      for (const row of rows) ctx.loaders.groupe.prime(row.id, row);
      return rows;
    },
  },
  Dossier: {
    async groupeInstructeur(d: DossierRow, _: unknown, ctx: GraphqlContext) {
      const groupe = d.groupeInstructeurId === null ? null : await ctx.loaders.groupe.load(d.groupeInstructeurId);
      if (!groupe) throw notFound("GroupeInstructeur");
      return groupe;
    },
  },
  GroupeInstructeur: groupeFields,
  GroupeInstructeurWithDossiers: {
    ...groupeFields,
    dossiers: (g: GroupeRow, args: DossiersArgs, ctx: GraphqlContext) => demarcheDossiers(g.demarcheId, args, ctx, g.id),
  },
};
