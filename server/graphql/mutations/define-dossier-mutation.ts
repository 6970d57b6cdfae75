/**
 * The shared base of the API's mutations on one dossier, so that each mutation is only its call to
 * an operation (the same operation as the pages). It does, in this order, as the reference does:
 *
 * 1. Relay-style input: one `input` argument; its `clientMutationId` is echoed in every payload.
 * 2. Write access: a read-only token gets the payload error « Le jeton utilisé est configuré
 *    seulement en lecture », nothing else is read.
 * 3. The dossier (`input.dossierId`, global id `Dossier-<n>`): missing, brouillon, test, or of a
 *    démarche the token may not read → the same top-level errors as the `dossier` query
 *    (`not_found` / `unauthorized`).
 * 4. The acting instructeur (`input.instructeurId`, global id `Instructeur-<n>`): must belong to
 *    the dossier's groupe, else the payload error « L’instructeur n’a pas les droits d’accès à ce
 *    dossier ». Events are recorded with actor "api" (`actor.kind`).
 * 5. `resolve` runs the operation. Its refusals (`{ ok: false, refusals }`) become payload
 *    `errors: [{ message }]` translated in French from `<refusalMessages>.<code>` (or the API's own
 *    `dossiers.api.<code>`, e.g. `refuse("blob_invalid")`), never thrown;
 *    on success the payload carries the dossier as it is now, plus what `resolve` returned.
 *
 * Usage — a whole mutation, then one line in `mutations/index.ts`:
 *
 *   export const dossierArchiver = defineDossierMutation<DossierMutationInput>({
 *     refusalMessages: "dossiers.archiveErrors",
 *     resolve: ({ ctx, dossier, actor }) => archiverDossier(ctx.db, actor, dossier.id),
 *   });
 *
 * Mutations whose input names no instructeur (labels, groupe change) pass `instructeur: false` and
 * get no `actor`. Extra payload fields (`instructeur`, `label`…) are returned by `resolve` next to
 * `ok: true`.
 */
import type { GraphQLFieldResolver } from "graphql";
import { NotFoundError } from "../../errors";
import { findInstructeurOfDossierGroupe, type DossierInstructeur } from "../../lookups/dossier-instructeur";
import type { OperationResult } from "../../refusal";
import { numericIdOf } from "../ids";
import { createLoaders, findApiDossier, type DossierRow } from "../loaders";
import { apiMessage, payloadErrors, type ValidationError } from "../payload-errors";
import type { GraphqlContext } from "../resolvers/context";
import { hiddenByPermissions, notFound } from "../resolvers/errors";

/** What every dossier mutation's input has. */
export interface DossierMutationInput {
  clientMutationId?: string | null;
  dossierId: string;
  instructeurId?: string;
}

/** The instructeur named by `instructeurId`, acting through the API (an `InstructeurActor`). */
export type ApiInstructeurActor = DossierInstructeur & { kind: "api" };

interface Context<I> {
  ctx: GraphqlContext;
  input: I;
  /** The dossier as read before the change. */
  dossier: DossierRow;
}

/**
 * The operation's answer: a refusal (codes translated from `refusalMessages`, or the API's own
 * `dossiers.api.<code>`), or `ok: true` with extra payload fields.
 */
type Outcome = OperationResult<object>;

type Resolver<I> = GraphQLFieldResolver<unknown, GraphqlContext, { input: I }>;

export type Payload = { clientMutationId: string | null; errors: ValidationError[] | null; dossier: DossierRow | null } & Record<
  string,
  unknown
>;

export function defineDossierMutation<I extends DossierMutationInput & { instructeurId: string }>(definition: {
  /** i18n key prefix of the operation's refusal codes (`dossiers.transitionErrors`). */
  refusalMessages: string;
  resolve(args: Context<I> & { actor: ApiInstructeurActor }): Promise<Outcome>;
}): Resolver<I>;
export function defineDossierMutation<I extends DossierMutationInput>(definition: {
  instructeur: false;
  refusalMessages: string;
  resolve(args: Context<I>): Promise<Outcome>;
}): Resolver<I>;
export function defineDossierMutation<I extends DossierMutationInput>(definition: {
  instructeur?: false;
  refusalMessages: string;
  resolve(args: Context<I> & { actor?: ApiInstructeurActor }): Promise<Outcome>;
}): Resolver<I> {
  return async (_source, { input }, ctx) => {
    const clientMutationId = input.clientMutationId ?? null;
    const refused = (errors: ValidationError[]): Payload => ({ clientMutationId, errors, dossier: null });

    if (!ctx.token.writeAccess) return refused([apiMessage("dossiers.api.read_only_token")]);

    const number = numericIdOf(input.dossierId, "Dossier");
    const dossier = number === null ? null : await findApiDossier(ctx.db, number);
    if (!dossier) throw notFound("Dossier");
    if (!(await ctx.loaders.demarcheAccess.load(dossier.demarcheId))) throw hiddenByPermissions("Dossier");

    let actor: ApiInstructeurActor | undefined;
    if (definition.instructeur !== false) {
      const instructeurId = numericIdOf(input.instructeurId ?? "", "Instructeur");
      const found = instructeurId === null ? null : await findInstructeurOfDossierGroupe(ctx.db, instructeurId, dossier.id);
      if (!found) return refused([apiMessage("dossiers.api.instructeur_without_access")]);
      actor = { ...found, kind: "api" };
    }

    let outcome: Outcome;
    try {
      outcome = await definition.resolve({ ctx, input, dossier, actor });
    } catch (error) {
      // The operation's own scope refused the instructeur (removed from the groupe meanwhile).
      if (error instanceof NotFoundError && actor) return refused([apiMessage("dossiers.api.instructeur_without_access")]);
      throw error;
    }
    if (!outcome.ok) return refused(payloadErrors(outcome.refusals, definition.refusalMessages));

    // Mutations run one after another: later fields of this request must not see cached rows.
    ctx.loaders = createLoaders(ctx.db, ctx.token);
    const { ok: _ok, ...fields } = outcome;
    return { ...fields, clientMutationId, errors: null, dossier: await findApiDossier(ctx.db, dossier.id) };
  };
}
