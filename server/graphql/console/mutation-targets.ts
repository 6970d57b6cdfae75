/**
 * What a mutation document of the console would change, before it runs: for each root field of the
 * operation, the object its `input` names (dossier, démarche, groupe or message, by global id or
 * number) and the démarche it belongs to — only among the démarches the administrateur administers,
 * so that the console never tells whether another administration's dossier exists. The console
 * runs a mutation without confirmation only when every target is found in a démarche en test
 * (brouillon): the « API sandbox ».
 */
import { and, eq, type SQL } from "drizzle-orm";
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Db } from "../../db/client";
import { commentaires, demarcheAdministrateurs, demarches, dossiers, groupesInstructeurs } from "../../db/schema";
import type { DemarcheState } from "../../domain/demarches/states";
import { numericIdOf } from "../ids";

export type TargetKind = "dossier" | "demarche" | "groupe" | "message";

export interface MutationTarget {
  /** The root field as written (its alias when it has one). */
  field: string;
  /** The mutation's name (`dossierAccepter`). */
  mutation: string;
  kind: TargetKind | null;
  /** The number of the object named (dossier number, démarche number, groupe id, message id). */
  id: number | null;
  /** The administrateur's démarche it belongs to; null when not found among theirs. */
  demarche: { id: number; libelle: string; state: DemarcheState } | null;
}

/** The operation that would run, as `execute` chooses it; null when none (execution then fails by itself). */
export function selectedOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode | null {
  return getOperationAST(document, operationName) ?? null;
}

/** Root fields of a selection set, through inline fragments and fragment spreads (@skip/@include ignored: every field counts). */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fields.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return fields;
}

function stringField(input: Record<string, unknown>, name: string): string | null {
  const value = input[name];
  return typeof value === "string" ? value : null;
}

/** The object a mutation's input names, by the field the reference's inputs use for it. */
function namedObject(input: unknown): { kind: TargetKind | null; id: number | null } {
  if (typeof input !== "object" || input === null) return { kind: null, id: null };
  const record = input as Record<string, unknown>;
  const dossierId = stringField(record, "dossierId");
  if (dossierId !== null) return { kind: "dossier", id: numericIdOf(dossierId, "Dossier") };
  const demarche = record.demarche;
  if (typeof demarche === "object" && demarche !== null) {
    const { id, number } = demarche as { id?: unknown; number?: unknown };
    if (typeof number === "number") return { kind: "demarche", id: Number.isSafeInteger(number) ? number : null };
    return { kind: "demarche", id: typeof id === "string" ? numericIdOf(id, "Procedure") : null };
  }
  const groupeId = stringField(record, "groupeInstructeurId");
  if (groupeId !== null) return { kind: "groupe", id: numericIdOf(groupeId, "GroupeInstructeur") };
  const messageId = stringField(record, "messageId");
  if (messageId !== null) return { kind: "message", id: numericIdOf(messageId, "Commentaire") };
  return { kind: null, id: null };
}

/**
 * The targets of a mutation operation; null when the variables do not coerce (execution then
 * refuses the whole request without running anything).
 */
export async function mutationTargets(
  db: Db,
  administrateurId: number,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Promise<MutationTarget[] | null> {
  const mutationType = schema.getMutationType();
  if (!mutationType) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const targets: MutationTarget[] = [];
  for (const node of rootFields(document, operation.selectionSet)) {
    const definition = mutationType.getFields()[node.name.value];
    const field = node.alias?.value ?? node.name.value;
    if (!definition) {
      targets.push({ field, mutation: node.name.value, kind: null, id: null, demarche: null });
      continue;
    }
    let input: unknown = null;
    try {
      input = getArgumentValues(definition, node, coerced.coerced).input;
    } catch {
      input = null;
    }
    const { kind, id } = namedObject(input);
    const demarche = kind && id !== null ? await demarcheOf(db, administrateurId, kind, id) : null;
    targets.push({ field, mutation: node.name.value, kind, id, demarche });
  }
  return targets;
}

async function demarcheOf(db: Db, administrateurId: number, kind: TargetKind, id: number): Promise<MutationTarget["demarche"]> {
  const administered = and(
    eq(demarcheAdministrateurs.demarcheId, demarches.id),
    eq(demarcheAdministrateurs.administrateurId, administrateurId),
  ) as SQL;
  const columns = { id: demarches.id, libelle: demarches.libelle, state: demarches.state };
  const base = db.select(columns).from(demarches).innerJoin(demarcheAdministrateurs, administered);
  let rows: Array<{ id: number; libelle: string; state: DemarcheState }>;
  switch (kind) {
    case "demarche":
      rows = await base.where(eq(demarches.id, id)).limit(1);
      break;
    case "dossier":
      rows = await base.innerJoin(dossiers, eq(dossiers.demarcheId, demarches.id)).where(eq(dossiers.id, id)).limit(1);
      break;
    case "groupe":
      rows = await base
        .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.demarcheId, demarches.id))
        .where(eq(groupesInstructeurs.id, id))
        .limit(1);
      break;
    case "message":
      rows = await base
        .innerJoin(dossiers, eq(dossiers.demarcheId, demarches.id))
        .innerJoin(commentaires, eq(commentaires.dossierId, dossiers.id))
        .where(eq(commentaires.id, id))
        .limit(1);
      break;
  }
  return rows[0] ?? null;
}

/** The sandbox: every target found, each in a démarche en test of the administrateur. */
export function allInSandbox(targets: MutationTarget[]): boolean {
  return targets.length > 0 && targets.every((t) => t.demarche?.state === "brouillon");
}
