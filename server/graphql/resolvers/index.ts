/**
 * The executable schema: our SDL (schema.graphql) + resolvers. Every object is read through the
 * per-request loaders; authorisation is checked on the démarche each root object belongs to.
 */
import { readFieldResolvers } from "./read-fields";
import { motivationAttachment } from "./motivation-attachment";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  buildSchema,
  defaultFieldResolver,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLScalarType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import { toGlobalId } from "../ids";
import {
  findApiDossier,
  type DemarcheRow,
  type DossierRow,
  type FollowerRow,
  type RevisionRow,
  type TraitementRow,
} from "../loaders";
import { mutationResolvers } from "../mutations/index";
import { avisResolvers, dossierAvis } from "./avis";
import type { ColumnView } from "./champ-columns";
import { champResolvers, descriptorResolvers, descriptorView, dossierChamps } from "./champs";
import type { GraphqlContext } from "./context";
import { groupeResolvers } from "./groupes";
import { labelResolvers } from "./labels";
import { demarcheDossiers, type DossiersArgs } from "./dossiers-connection";
import { type DeletedDossiersArgs, deletedDossiersPage, pendingDeletedDossiersPage } from "./deleted-dossiers";
import { messageResolvers } from "./messages";
import { dossierAttestationFile, dossierPdfFile } from "./documents";
import { apiError, hiddenByPermissions, notFound } from "./errors";
import {
  activeRevisionDescriptors,
  demarcheRevisions,
  dossierDemarcheDescriptor,
  dossierRevision,
  findDemarcheDescriptor,
  revisionDescriptors,
  revisionResolvers,
} from "./revisions";
import { BigIntScalar, ISO8601Date, ISO8601DateTime } from "./scalars";
import { demandeurTypename, dossierDemandeur, personneMoraleResolvers } from "./personne-morale";
import { demarcheService, serviceResolvers } from "./services";

/**
 * The SDL beside this module; when this module is bundled into the pages' server build (the
 * administrateur's console page), from the sources (the working directory, or the build's parent).
 */
function readSdl(): string {
  const candidates = [
    new URL("../schema.graphql", import.meta.url),
    pathToFileURL(path.resolve("server/graphql/schema.graphql")),
    new URL("../../../server/graphql/schema.graphql", import.meta.url),
  ];
  const found = candidates.find((candidate) => existsSync(candidate)) ?? candidates[0];
  return readFileSync(found as URL, "utf8");
}

export const SCHEMA_SDL = readSdl();

async function loadRevision(id: number | null, ctx: GraphqlContext): Promise<RevisionRow | null> {
  return id === null ? null : ctx.loaders.revision.load(id);
}

const resolvers = {
  ISO8601DateTime,
  ISO8601Date,
  BigInt: BigIntScalar,

  Query: {
    async demarche(_: unknown, args: { number: number }, ctx: GraphqlContext) {
      const demarche = await ctx.loaders.demarche.load(args.number);
      if (!demarche) throw notFound("Demarche");
      if (!(await ctx.loaders.demarcheAccess.load(demarche.id))) throw hiddenByPermissions("Demarche");
      return demarche;
    },
    demarcheDescriptor: (_: unknown, args: { demarche: { id?: string | null; number?: number | null } }, ctx: GraphqlContext) =>
      findDemarcheDescriptor(args, ctx),
    async dossier(_: unknown, args: { number: number }, ctx: GraphqlContext) {
      const dossier = await findApiDossier(ctx.db, args.number);
      if (!dossier) throw notFound("Dossier");
      if (!(await ctx.loaders.demarcheAccess.load(dossier.demarcheId))) throw hiddenByPermissions("Dossier");
      return dossier;
    },
  },

  Demarche: {
    id: (d: DemarcheRow) => toGlobalId("Procedure", d.id),
    number: (d: DemarcheRow) => d.id,
    title: (d: DemarcheRow) => d.libelle,
    dateCreation: (d: DemarcheRow) => d.createdAt,
    dateDerniereModification: (d: DemarcheRow) => d.updatedAt,
    datePublication: (d: DemarcheRow) => d.publishedAt,
    declarative: (d: DemarcheRow) => d.declarativeWithState,
    dateFermeture: (d: DemarcheRow) => d.closedAt,
    dateDepublication: (d: DemarcheRow) => d.unpublishedAt,
    // Deprecated shortcuts of the reference: the active revision's lists, from the same code.
    champDescriptors: (d: DemarcheRow, _: unknown, ctx: GraphqlContext) => activeRevisionDescriptors(d, ctx, { private: false }),
    annotationDescriptors: (d: DemarcheRow, _: unknown, ctx: GraphqlContext) =>
      activeRevisionDescriptors(d, ctx, { private: true }),
    publishedRevision: (d: DemarcheRow, _: unknown, ctx: GraphqlContext) => loadRevision(d.publishedRevisionId, ctx),
    async draftRevision(d: DemarcheRow, _: unknown, ctx: GraphqlContext) {
      const revision = await loadRevision(d.draftRevisionId, ctx);
      if (!revision) throw notFound("Revision");
      return revision;
    },
    async activeRevision(d: DemarcheRow, _: unknown, ctx: GraphqlContext) {
      const revision = await loadRevision(d.publishedRevisionId ?? d.draftRevisionId, ctx);
      if (!revision) throw notFound("Revision");
      return revision;
    },
    dossiers: (d: DemarcheRow, args: DossiersArgs, ctx: GraphqlContext) => demarcheDossiers(d.id, args, ctx),
    deletedDossiers: (d: DemarcheRow, args: DeletedDossiersArgs, ctx: GraphqlContext) => deletedDossiersPage(d.id, args, ctx),
    pendingDeletedDossiers: (d: DemarcheRow, args: DeletedDossiersArgs, ctx: GraphqlContext) =>
      pendingDeletedDossiersPage(d.id, args, ctx),
    revisions: (d: DemarcheRow, _: unknown, ctx: GraphqlContext) => demarcheRevisions(d, ctx),
    service: (d: DemarcheRow, _: unknown, ctx: GraphqlContext) => demarcheService(d, ctx),
  },

  Revision: {
    id: (r: RevisionRow) => toGlobalId("ProcedureRevision", r.id),
    dateCreation: (r: RevisionRow) => r.createdAt,
    datePublication: (r: RevisionRow) => r.publishedAt,
    champDescriptors: (r: RevisionRow, _: unknown, ctx: GraphqlContext) => revisionDescriptors(r.id, ctx, { private: false }),
    annotationDescriptors: (r: RevisionRow, _: unknown, ctx: GraphqlContext) => revisionDescriptors(r.id, ctx, { private: true }),
  },

  Dossier: {
    id: (d: DossierRow) => toGlobalId("Dossier", d.id),
    number: (d: DossierRow) => d.id,
    state: (d: DossierRow) => {
      // Brouillons never reach the API (filtered by every query); guard anyway.
      if (d.state === "brouillon") throw notFound("Dossier");
      return d.state;
    },
    dateDepot: (d: DossierRow) => d.deposeAt ?? d.createdAt,
    datePassageEnConstruction: (d: DossierRow) => d.enConstructionAt ?? d.deposeAt ?? d.createdAt,
    datePassageEnInstruction: (d: DossierRow) => d.enInstructionAt,
    dateTraitement: (d: DossierRow) => d.processedAt,
    dateExpiration: (d: DossierRow) => d.expiredAt,
    dateSuppressionParUsager: (d: DossierRow) => d.hiddenByUserAt,
    dateSuppressionParAdministration: (d: DossierRow) => d.hiddenByAdministrationAt,
    datePrevisionnelleDecisionSVASVR: (d: DossierRow) => d.svaSvrDecisionOn,
    dateTraitementSVASVR: (d: DossierRow) => d.svaSvrDecisionTriggeredAt,
    dateDerniereModification: (d: DossierRow) => d.updatedAt,
    dateDerniereModificationChamps: (d: DossierRow) => d.lastChampUpdatedAt ?? d.createdAt,
    // No column: derived from the annotation-change events (see `annotationsChangedAt` in loaders.ts).
    dateDerniereModificationAnnotations: async (d: DossierRow, _: unknown, ctx: GraphqlContext) =>
      (await ctx.loaders.annotationsChangedAt.load(d.id)) ?? d.createdAt,
    motivation: (d: DossierRow) => d.motivation,
    motivationAttachment,
    archived: (d: DossierRow) => d.archived,
    usager: (d: DossierRow) =>
      d.userId === null
        ? // The account was deleted: the reference keeps a placeholder profile.
          { id: toGlobalId("User", "deleted"), email: "" }
        : { id: toGlobalId("User", d.userId), email: d.userEmail ?? "" },
    demandeur: (d: DossierRow, _: unknown, ctx: GraphqlContext) => dossierDemandeur(d, ctx),
    deposeParUnTiers: (d: DossierRow) => d.forTiers,
    nomMandataire: (d: DossierRow) => (d.forTiers ? d.mandataireLastName : null),
    prenomMandataire: (d: DossierRow) => (d.forTiers ? d.mandataireFirstName : null),
    demarche: (d: DossierRow, _: unknown, ctx: GraphqlContext) => dossierDemarcheDescriptor(d, ctx),
    revision: (d: DossierRow, _: unknown, ctx: GraphqlContext) => dossierRevision(d, ctx),
    champs: (d: DossierRow, args: { id?: string | null }, ctx: GraphqlContext) => dossierChamps(d, args.id, ctx),
    annotations: (d: DossierRow, args: { id?: string | null }, ctx: GraphqlContext) =>
      dossierChamps(d, args.id, ctx, { private: true }),
    traitements: (d: DossierRow, _: unknown, ctx: GraphqlContext) => ctx.loaders.traitements.load(d.id),
    async instructeurs(d: DossierRow, _: unknown, ctx: GraphqlContext) {
      const followers: FollowerRow[] = await ctx.loaders.followers.load(d.id);
      return followers.map((f) => ({ id: toGlobalId("Instructeur", f.instructeurId), email: f.email }));
    },
    avis: (d: DossierRow, args: { id?: string | null }, ctx: GraphqlContext) => dossierAvis(d, args.id, ctx),
    pdf: (d: DossierRow, _: unknown, ctx: GraphqlContext) => dossierPdfFile(d.id, ctx),
    attestation: (d: DossierRow, _: unknown, ctx: GraphqlContext) => dossierAttestationFile(d.id, ctx),
    ...messageResolvers.Dossier,
  },
  Message: messageResolvers.Message,
  Correction: messageResolvers.Correction,

  ...avisResolvers,

  Demandeur: {
    // A dossier with an établissement (personnes-morales démarche) is a PersonneMorale(Incomplete).
    __resolveType: demandeurTypename,
  },
  ...personneMoraleResolvers,

  PersonnePhysique: {
    id: ({ __dossier: d }: { __dossier: DossierRow }) => toGlobalId("Individual", d.id),
    // Stored as written in forms ("M.", "Mme"); the API's Civilite enum names them M and Mme.
    civilite: ({ __dossier: d }: { __dossier: DossierRow }) => (d.civilite === "M." ? "M" : d.civilite === "Mme" ? "Mme" : null),
    nom: ({ __dossier: d }: { __dossier: DossierRow }) => d.nom ?? "",
    prenom: ({ __dossier: d }: { __dossier: DossierRow }) => d.prenom ?? "",
    email: ({ __dossier: d }: { __dossier: DossierRow }) => d.userEmail,
  },

  Traitement: {
    id: (t: TraitementRow) => toGlobalId("Traitement", t.id),
    dateTraitement: (t: TraitementRow) => t.processedAt,
    emailAgentTraitant: (t: TraitementRow) => t.instructeurEmail,
  },

  Column: {
    __resolveType: (column: ColumnView) => column.__typename,
  },

  ...descriptorResolvers,
  ...champResolvers,
  ...revisionResolvers,
  ...serviceResolvers,
  ...mutationResolvers,
};

function timeoutError(info: { parentType: { name: string }; fieldName: string }) {
  return apiError(`Timeout on ${info.parentType.name}.${info.fieldName}`, "timeout");
}

/**
 * Wraps every field resolver with the request deadline: once it has passed, fields not yet
 * resolved fail with `timeout` (as the reference's 30-second timeout does) instead of running on.
 */
function withDeadline(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, GraphqlContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        if (Date.now() > ctx.deadline) throw timeoutError(info);
        return resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}

// biome-ignore lint/suspicious/noExplicitAny: resolver maps are heterogeneous by nature.
type ResolverMap = Record<string, any>;

/**
 * Attaches resolvers to the types built from the SDL: field resolvers on object types,
 * `__resolveType` on interfaces and unions, serialisation on scalars. A resolver naming a type or
 * field absent from the SDL is a programming error and fails at start-up. (Done here rather than
 * with @graphql-tools so that the schema and its resolvers share one graphql module instance.)
 */
function attachResolvers(schema: GraphQLSchema, map: ResolverMap): GraphQLSchema {
  for (const [typeName, typeResolvers] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`resolvers for unknown type ${typeName}`);
    if (isScalarType(type)) {
      const impl = typeResolvers as GraphQLScalarType;
      type.serialize = impl.serialize;
      type.parseValue = impl.parseValue;
      type.parseLiteral = impl.parseLiteral;
      continue;
    }
    for (const [name, resolver] of Object.entries(typeResolvers as ResolverMap)) {
      if (name === "__resolveType") {
        if (!isInterfaceType(type) && !isUnionType(type)) throw new Error(`${typeName} is not abstract`);
        type.resolveType = resolver as GraphQLTypeResolver<unknown, GraphqlContext>;
        continue;
      }
      if (!isObjectType(type)) throw new Error(`${typeName}.${name}: fields resolve on object types only`);
      const field = type.getFields()[name];
      if (!field) throw new Error(`resolver for unknown field ${typeName}.${name}`);
      field.resolve = resolver as GraphQLFieldResolver<unknown, GraphqlContext>;
    }
  }
  return schema;
}

export function buildGraphqlSchema(): GraphQLSchema {
  return withDeadline(
    attachResolvers(
      attachResolvers(attachResolvers(attachResolvers(buildSchema(SCHEMA_SDL), resolvers), labelResolvers), groupeResolvers),
      readFieldResolvers,
    ),
  );
}
