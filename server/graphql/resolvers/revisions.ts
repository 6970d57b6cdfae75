/**
 * Versions of a démarche's form in the API: `Demarche.revisions`, the `DemarcheDescriptor` (a
 * démarche's metadata with one revision: the dossier's when reached from a dossier, the active one
 * otherwise), `Query.demarcheDescriptor`, and the children of repetition blocks
 * (`RepetitionChampDescriptor.champDescriptors`).
 */
import { asc, eq } from "drizzle-orm";
import { revisions } from "../../db/schema";
import { numericIdOf, toGlobalId } from "../ids";
import type { DemarcheRow, DossierRow, RevisionRow } from "../loaders";
import { type DescriptorView, descriptorView } from "./champs";
import { demarcheFile } from "./demarche-files";
import { demarcheService } from "./services";
import type { GraphqlContext } from "./context";
import { apiError, hiddenByPermissions, notFound } from "./errors";

/** A démarche seen through one of its revisions. */
export interface DemarcheDescriptorSource {
  demarche: DemarcheRow;
  revisionId: number;
}

/** Published revisions oldest first, then the draft (the order they were created in). */
export async function demarcheRevisions(demarche: DemarcheRow, ctx: GraphqlContext): Promise<RevisionRow[]> {
  const rows = await ctx.db.select().from(revisions).where(eq(revisions.demarcheId, demarche.id)).orderBy(asc(revisions.id));
  for (const row of rows) ctx.loaders.revision.prime(row.id, row);
  return rows;
}

async function revisionOf(id: number | null, ctx: GraphqlContext): Promise<RevisionRow> {
  const revision = id === null ? null : await ctx.loaders.revision.load(id);
  if (!revision) throw notFound("Revision");
  return revision;
}

/** `Revision.champDescriptors` (`private: false`) and `Revision.annotationDescriptors` (`private: true`). */
export async function revisionDescriptors(revisionId: number, ctx: GraphqlContext, options: { private: boolean }) {
  const fields = await ctx.loaders.revisionFields.load(revisionId);
  return fields.filter((f) => f.private === options.private).map(descriptorView);
}

/** The deprecated `Demarche.champDescriptors` / `annotationDescriptors`: those of the active revision. */
export async function activeRevisionDescriptors(demarche: DemarcheRow, ctx: GraphqlContext, options: { private: boolean }) {
  const revisionId = activeRevisionId(demarche);
  if (revisionId === null) throw notFound("Revision");
  return revisionDescriptors(revisionId, ctx, options);
}

/** The revision new dossiers start on: the published one, or the draft before any publication. */
export function activeRevisionId(demarche: DemarcheRow): number | null {
  return demarche.publishedRevisionId ?? demarche.draftRevisionId;
}

export async function findDemarcheDescriptor(
  args: { demarche: { id?: string | null; number?: number | null } },
  ctx: GraphqlContext,
): Promise<DemarcheDescriptorSource> {
  const { id, number } = args.demarche;
  const demarcheNumber = typeof number === "number" ? number : typeof id === "string" ? numericIdOf(id, "Procedure") : null;
  if (demarcheNumber === null) {
    if (typeof id === "string") throw notFound("Demarche");
    throw apiError("Give the démarche's id or number", "bad_request");
  }
  const demarche = await ctx.loaders.demarche.load(demarcheNumber);
  if (!demarche) throw notFound("Demarche");
  // An open-data démarche's description is public once published (the reference's opendata access,
  // the only one of requests without a token).
  const open = demarche.opendata && demarche.state !== "brouillon";
  if (!open && !(await ctx.loaders.demarcheAccess.load(demarche.id))) throw hiddenByPermissions("Demarche");
  const revisionId = activeRevisionId(demarche);
  if (revisionId === null) throw notFound("Revision");
  return { demarche, revisionId };
}

/** `Dossier.demarche`: the dossier's démarche with the dossier's own revision. */
export async function dossierDemarcheDescriptor(dossier: DossierRow, ctx: GraphqlContext): Promise<DemarcheDescriptorSource> {
  const demarche = await ctx.loaders.demarche.load(dossier.demarcheId);
  if (!demarche) throw notFound("Demarche");
  return { demarche, revisionId: dossier.revisionId };
}

export const revisionResolvers = {
  // Overrides the shared descriptor fields (`champs.ts`): a block has children.
  RepetitionChampDescriptor: {
    type: (d: DescriptorView) => d.typeChamp,
    async champDescriptors(d: DescriptorView, _: unknown, ctx: GraphqlContext) {
      const blocks = await ctx.loaders.revisionChildFields.load(d.revisionId);
      return (blocks.get(d.stableId) ?? []).map(descriptorView);
    },
  },
  DemarcheDescriptor: {
    id: ({ demarche }: DemarcheDescriptorSource) => toGlobalId("Procedure", demarche.id),
    number: ({ demarche }: DemarcheDescriptorSource) => demarche.id,
    title: ({ demarche }: DemarcheDescriptorSource) => demarche.libelle,
    description: ({ demarche }: DemarcheDescriptorSource) => demarche.description,
    state: ({ demarche }: DemarcheDescriptorSource) => demarche.state,
    dateCreation: ({ demarche }: DemarcheDescriptorSource) => demarche.createdAt,
    dateDerniereModification: ({ demarche }: DemarcheDescriptorSource) => demarche.updatedAt,
    datePublication: ({ demarche }: DemarcheDescriptorSource) => demarche.publishedAt,
    declarative: ({ demarche }: DemarcheDescriptorSource) => demarche.declarativeWithState,
    dateFermeture: ({ demarche }: DemarcheDescriptorSource) => demarche.closedAt,
    dateDepublication: ({ demarche }: DemarcheDescriptorSource) => demarche.unpublishedAt,
    cadreJuridiqueURL: ({ demarche }: DemarcheDescriptorSource) => demarche.cadreJuridique,
    dpoURL: ({ demarche }: DemarcheDescriptorSource) => demarche.lienDpo,
    dureeConservationDossiers: ({ demarche }: DemarcheDescriptorSource) => demarche.dureeConservation,
    cadreJuridiqueUrl: ({ demarche }: DemarcheDescriptorSource) => demarche.cadreJuridique,
    dpoUrl: ({ demarche }: DemarcheDescriptorSource) => demarche.lienDpo,
    siteWebURL: ({ demarche }: DemarcheDescriptorSource) => demarche.lienSiteWeb,
    siteWebUrl: ({ demarche }: DemarcheDescriptorSource) => demarche.lienSiteWeb,
    noticeURL: ({ demarche }: DemarcheDescriptorSource) => demarche.lienNotice,
    noticeUrl: ({ demarche }: DemarcheDescriptorSource) => demarche.lienNotice,
    opendata: ({ demarche }: DemarcheDescriptorSource) => demarche.opendata,
    service: ({ demarche }: DemarcheDescriptorSource, _: unknown, ctx: GraphqlContext) => demarcheService(demarche, ctx),
    logo: ({ demarche }: DemarcheDescriptorSource, _: unknown, ctx: GraphqlContext) => demarcheFile(demarche.id, "logo", ctx),
    notice: ({ demarche }: DemarcheDescriptorSource, _: unknown, ctx: GraphqlContext) => demarcheFile(demarche.id, "notice", ctx),
    deliberation: ({ demarche }: DemarcheDescriptorSource, _: unknown, ctx: GraphqlContext) =>
      demarcheFile(demarche.id, "deliberation", ctx),
    revision: ({ revisionId }: DemarcheDescriptorSource, _: unknown, ctx: GraphqlContext) => revisionOf(revisionId, ctx),
  },
};

/** `Dossier.revision` (deprecated in the reference for `demarche.revision`). */
export function dossierRevision(dossier: DossierRow, ctx: GraphqlContext) {
  return revisionOf(dossier.revisionId, ctx);
}
