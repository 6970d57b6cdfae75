/**
 * `demarcheCloner`, as the reference's `Mutations::DemarcheCloner`: copies a démarche the token may
 * read, or any published open-data démarche of the platform, into a new démarche in test
 * administered by the token's administrateur — through the same operation as the « Cloner » page
 * (another administration's démarche without its people). A démarche that does not exist or that
 * the token may not clone is the payload error « La démarche <n> n’existe pas »; a read-only token
 * gets the same error as every mutation.
 */
import type { GraphQLFieldResolver } from "graphql";
import { NotFoundError } from "../../errors";
import { cloneDemarche } from "../../operations/demarches/clone-demarche";
import { numericIdOf } from "../ids";
import { createLoaders } from "../loaders";
import { apiMessage, payloadErrors } from "../payload-errors";
import type { GraphqlContext } from "../resolvers/context";
import type { DemarcheDescriptorSource } from "../resolvers/revisions";

interface DemarcheClonerInput {
  clientMutationId?: string | null;
  demarche: { id?: string | null; number?: number | null };
  title?: string | null;
}

interface DemarcheClonerPayload {
  clientMutationId: string | null;
  demarche: DemarcheDescriptorSource | null;
  errors: { message: string }[] | null;
}

export const demarcheCloner: GraphQLFieldResolver<unknown, GraphqlContext, { input: DemarcheClonerInput }> = async (
  _source,
  { input },
  ctx,
): Promise<DemarcheClonerPayload> => {
  const clientMutationId = input.clientMutationId ?? null;
  const refused = (errors: { message: string }[]): DemarcheClonerPayload => ({ clientMutationId, demarche: null, errors });
  if (!ctx.token.writeAccess) return refused([apiMessage("dossiers.api.read_only_token")]);
  const { id, number } = input.demarche;
  const demarcheNumber = typeof number === "number" ? number : typeof id === "string" ? numericIdOf(id, "Procedure") : null;
  const missing = () => refused([apiMessage("cycle.api.demarche_not_found", { number: String(demarcheNumber ?? id ?? "") })]);
  if (demarcheNumber === null) return missing();
  const source = await ctx.loaders.demarche.load(demarcheNumber);
  if (!source) return missing();
  // The token's own démarches (within its allowed list), or an open-data démarche already published.
  const readable = await ctx.loaders.demarcheAccess.load(source.id);
  const published = source.publishedRevisionId !== null && (source.state === "publiee" || source.state === "close");
  if (!readable && !(source.opendata && published)) return missing();
  let result: Awaited<ReturnType<typeof cloneDemarche>>;
  try {
    result = await cloneDemarche(ctx.db, ctx.token.administrateurId, source.id, { title: input.title ?? null });
  } catch (error) {
    if (error instanceof NotFoundError) return missing();
    throw error;
  }
  if (!result.ok) return refused(payloadErrors(result.refusals, "cycle.errors"));
  ctx.loaders = createLoaders(ctx.db, ctx.token);
  const clone = await ctx.loaders.demarche.load(result.demarcheId);
  if (!clone?.draftRevisionId) return missing();
  return { clientMutationId, errors: null, demarche: { demarche: clone, revisionId: clone.draftRevisionId } };
};
