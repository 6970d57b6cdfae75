/**
 * The API's groupe mutations — `groupeInstructeurCreer`, `groupeInstructeurModifier`,
 * `groupeInstructeurAjouterInstructeurs`, `groupeInstructeurSupprimerInstructeurs` — through the
 * operations of the administrateur's groupes pages, acting as the token's administrateur. As the
 * reference does:
 *
 * - a read-only token gets the payload error « Le jeton utilisé est configuré seulement en lecture »;
 * - an unknown groupe or démarche is a top-level `not_found`, one of a démarche the token may not
 *   read a top-level `unauthorized`;
 * - refusals of the operations become payload `errors` (the pages' French sentences);
 * - addresses that are not valid are left aside and named in `warnings`, the others are added;
 *   unknown instructeur ids are ignored, as are instructeurs who are not in the groupe on removal.
 */
import { and, eq, inArray } from "drizzle-orm";
import { groupeInstructeurMembers, instructeurs, users } from "../../db/schema";
import { ZEmailField } from "../../operations/accounts/fields";
import { assignInstructeurs, MAX_EMAILS_PER_ASSIGNMENT } from "../../operations/demarches/assign-instructeurs";
import { removeInstructeur } from "../../operations/demarches/remove-instructeur";
import { createGroupe } from "../../operations/groupes/create-groupe";
import { updateGroupe } from "../../operations/groupes/update-groupe";
import { findAdministrateurAccount } from "../../lookups/administrateur-account";
import type { OperationResult } from "../../refusal";
import { numericIdOf } from "../ids";
import { createLoaders } from "../loaders";
import { API_LOCALE, apiMessage, payloadErrors, type ValidationError } from "../payload-errors";
import type { GraphqlContext } from "../resolvers/context";
import { hiddenByPermissions, notFound } from "../resolvers/errors";
import { findApiGroupe, type GroupeRow } from "../resolvers/groupes";

interface ProfileInput {
  id?: string | null;
  email?: string | null;
}

interface Payload {
  clientMutationId: string | null;
  errors: ValidationError[] | null;
  groupeInstructeur: GroupeRow | null;
  warnings?: ValidationError[] | null;
}

type Admin = Awaited<ReturnType<typeof findAdministrateurAccount>>;

const GROUPE_ERRORS = "groupes.errors";
const INSTRUCTEUR_ERRORS = "admin.instructeurs.errors";

/** Runs one groupe mutation: write access, then `run`; the payload carries the groupe as it is now. */
async function groupeMutation(
  ctx: GraphqlContext,
  clientMutationId: string | null | undefined,
  run: (admin: Admin) => Promise<{ groupeId: number | null; errors?: ValidationError[]; warnings?: ValidationError[] }>,
  withWarnings: boolean,
): Promise<Payload> {
  const base = { clientMutationId: clientMutationId ?? null, ...(withWarnings ? { warnings: null } : {}) };
  if (!ctx.token.writeAccess) {
    return { ...base, errors: [apiMessage("dossiers.api.read_only_token")], groupeInstructeur: null };
  }
  const admin = await findAdministrateurAccount(ctx.db, ctx.token.administrateurId);
  const outcome = await run(admin);
  // Later fields of this request must not read rows cached before the change.
  ctx.loaders = createLoaders(ctx.db, ctx.token);
  const groupe = outcome.groupeId === null ? null : await ctx.loaders.groupe.load(outcome.groupeId);
  const warnings = outcome.warnings && outcome.warnings.length > 0 ? outcome.warnings : null;
  if (outcome.errors && outcome.errors.length > 0) {
    return { ...base, ...(withWarnings ? { warnings } : {}), errors: outcome.errors, groupeInstructeur: null };
  }
  return { ...base, ...(withWarnings ? { warnings } : {}), errors: null, groupeInstructeur: groupe };
}

function errorsOf(result: OperationResult<object>, messages: string): ValidationError[] | undefined {
  return result.ok ? undefined : payloadErrors(result.refusals, messages);
}

/** The groupe named by a global id (`GroupeInstructeur-<n>`): top-level errors when missing or hidden. */
async function groupeOfInput(ctx: GraphqlContext, globalId: string): Promise<GroupeRow> {
  const id = numericIdOf(globalId, "GroupeInstructeur");
  if (id === null) throw notFound("GroupeInstructeur");
  return findApiGroupe(ctx, id);
}

/** Splits profiles into valid e-mail addresses (instructeur ids resolved) and invalid ones. */
async function emailsOfProfiles(ctx: GraphqlContext, profiles: readonly ProfileInput[]) {
  const valid = new Set<string>();
  const invalid: string[] = [];
  const ids: number[] = [];
  for (const profile of profiles) {
    if (profile.email !== null && profile.email !== undefined) {
      const parsed = ZEmailField.safeParse(profile.email);
      if (parsed.success) valid.add(parsed.data);
      else invalid.push(profile.email);
    } else if (profile.id) {
      const id = numericIdOf(profile.id, "Instructeur");
      if (id !== null) ids.push(id);
    }
  }
  if (ids.length > 0) {
    const rows = await ctx.db
      .select({ email: users.email })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(inArray(instructeurs.id, ids));
    for (const row of rows) valid.add(row.email);
  }
  return { emails: [...valid], invalid };
}

function invalidWarning(invalid: readonly string[]): ValidationError[] {
  return invalid.length === 0 ? [] : [apiMessage("dossiers.api.invalid_emails", { emails: invalid.join(", ") })];
}

/** Adds the profiles to the groupe (by batches of the pages' limit); refusal messages, and warnings. */
async function addProfiles(ctx: GraphqlContext, admin: Admin, groupe: GroupeRow, profiles: readonly ProfileInput[]) {
  const { emails, invalid } = await emailsOfProfiles(ctx, profiles);
  for (let start = 0; start < emails.length; start += MAX_EMAILS_PER_ASSIGNMENT) {
    const result = await assignInstructeurs(
      ctx.db,
      admin.administrateurId,
      groupe.demarcheId,
      {
        emails: emails.slice(start, start + MAX_EMAILS_PER_ASSIGNMENT).join(","),
        invitedByEmail: admin.email,
        locale: API_LOCALE,
      },
      { groupeId: groupe.id, actorUserId: admin.userId },
    );
    if (!result.ok) return { errors: payloadErrors(result.refusals, INSTRUCTEUR_ERRORS), warnings: invalidWarning(invalid) };
  }
  return { errors: undefined, warnings: invalidWarning(invalid) };
}

export async function groupeInstructeurCreer(
  _: unknown,
  args: {
    input: {
      clientMutationId?: string | null;
      demarche: { id?: string | null; number?: number | null };
      groupeInstructeur: { label: string; closed?: boolean | null; instructeurs?: ProfileInput[] | null };
    };
  },
  ctx: GraphqlContext,
): Promise<Payload> {
  const { input } = args;
  return groupeMutation(
    ctx,
    input.clientMutationId,
    async (admin) => {
      const number = input.demarche.id ? numericIdOf(input.demarche.id, "Procedure") : (input.demarche.number ?? null);
      const demarche = number === null ? null : await ctx.loaders.demarche.load(number);
      if (!demarche) throw notFound("Demarche");
      if (!(await ctx.loaders.demarcheAccess.load(demarche.id))) throw hiddenByPermissions("Demarche");
      const attributes = input.groupeInstructeur;
      const created = await createGroupe(ctx.db, admin, demarche.id, { label: attributes.label });
      if (!created.ok) return { groupeId: null, errors: errorsOf(created, GROUPE_ERRORS) };
      if (attributes.closed === true) {
        const closed = await updateGroupe(ctx.db, admin, demarche.id, created.groupeId, { change: "close" });
        if (!closed.ok) return { groupeId: null, errors: errorsOf(closed, GROUPE_ERRORS) };
      }
      const groupe = await ctx.loaders.groupe.load(created.groupeId);
      if (!groupe) throw notFound("GroupeInstructeur");
      const added = await addProfiles(ctx, admin, groupe, attributes.instructeurs ?? []);
      return { groupeId: created.groupeId, ...added };
    },
    true,
  );
}

export async function groupeInstructeurModifier(
  _: unknown,
  args: {
    input: { clientMutationId?: string | null; groupeInstructeurId: string; label?: string | null; closed?: boolean | null };
  },
  ctx: GraphqlContext,
): Promise<Payload> {
  const { input } = args;
  return groupeMutation(
    ctx,
    input.clientMutationId,
    async (admin) => {
      const groupe = await groupeOfInput(ctx, input.groupeInstructeurId);
      // Checked before renaming, so that a refused request changes nothing.
      if (input.closed === true && groupe.isDefault) {
        return { groupeId: null, errors: payloadErrors([{ code: "default_cannot_close", field: "form" }], GROUPE_ERRORS) };
      }
      if (input.label !== null && input.label !== undefined) {
        const renamed = await updateGroupe(ctx.db, admin, groupe.demarcheId, groupe.id, { change: "rename", label: input.label });
        if (!renamed.ok) return { groupeId: null, errors: errorsOf(renamed, GROUPE_ERRORS) };
      }
      if (input.closed === true || input.closed === false) {
        const change = input.closed ? "close" : "reopen";
        const changed = await updateGroupe(ctx.db, admin, groupe.demarcheId, groupe.id, { change });
        if (!changed.ok) return { groupeId: null, errors: errorsOf(changed, GROUPE_ERRORS) };
      }
      return { groupeId: groupe.id };
    },
    false,
  );
}

export async function groupeInstructeurAjouterInstructeurs(
  _: unknown,
  args: { input: { clientMutationId?: string | null; groupeInstructeurId: string; instructeurs: ProfileInput[] } },
  ctx: GraphqlContext,
): Promise<Payload> {
  const { input } = args;
  return groupeMutation(
    ctx,
    input.clientMutationId,
    async (admin) => {
      const groupe = await groupeOfInput(ctx, input.groupeInstructeurId);
      return { groupeId: groupe.id, ...(await addProfiles(ctx, admin, groupe, input.instructeurs)) };
    },
    true,
  );
}

export async function groupeInstructeurSupprimerInstructeurs(
  _: unknown,
  args: { input: { clientMutationId?: string | null; groupeInstructeurId: string; instructeurs: ProfileInput[] } },
  ctx: GraphqlContext,
): Promise<Payload> {
  const { input } = args;
  return groupeMutation(
    ctx,
    input.clientMutationId,
    async (admin) => {
      const groupe = await groupeOfInput(ctx, input.groupeInstructeurId);
      const { emails } = await emailsOfProfiles(ctx, input.instructeurs);
      const members =
        emails.length === 0
          ? []
          : await ctx.db
              .select({ instructeurId: instructeurs.id })
              .from(groupeInstructeurMembers)
              .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
              .innerJoin(users, eq(users.id, instructeurs.userId))
              .where(and(eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id), inArray(users.email, emails)));
      for (const member of members) {
        const removed = await removeInstructeur(ctx.db, admin.administrateurId, groupe.demarcheId, member.instructeurId, {
          groupeId: groupe.id,
          actorUserId: admin.userId,
        });
        if (!removed.ok) return { groupeId: null, errors: errorsOf(removed, INSTRUCTEUR_ERRORS) };
      }
      return { groupeId: groupe.id };
    },
    false,
  );
}
