/**
 * Groupes instructeurs in the API: `Query.groupeInstructeur(number)`, `Demarche.groupeInstructeurs`,
 * `Dossier.groupeInstructeur`, the `GroupeInstructeur` and `GroupeInstructeurWithDossiers` types.
 * Groupes and their members are read by DataLoaders (`groupe-loaders.ts`), so a démarche with
 * thousands of groupes costs two queries. A groupe is readable when its démarche is.
 */
import { and, asc, eq } from "drizzle-orm";
import { groupesInstructeurs } from "../../db/schema";
import { toGlobalId } from "../ids";
import type { DemarcheRow, DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";
import { demarcheDossiers, type DossiersArgs } from "./dossiers-connection";
import { type DeletedDossiersArgs, deletedDossiersPage, pendingDeletedDossiersPage } from "./deleted-dossiers";
import { hiddenByPermissions, notFound } from "./errors";
import { groupeColumns, type GroupeRow } from "./groupe-loaders";

export type { GroupeRow };

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
    deletedDossiers: (g: GroupeRow, args: DeletedDossiersArgs, ctx: GraphqlContext) =>
      deletedDossiersPage(g.demarcheId, args, ctx, g.id),
    pendingDeletedDossiers: (g: GroupeRow, args: DeletedDossiersArgs, ctx: GraphqlContext) =>
      pendingDeletedDossiersPage(g.demarcheId, args, ctx, g.id),
  },
};
