/**
 * The editor's guards on fields that rules read (see `server/domain/revisions/champ-usages.ts`):
 * the draft's usages, and the error (a key of `admin.champEditor.errors` with the libellés of the
 * fields whose condition uses it) an operation returns instead of deleting or re-typing the field.
 */
import type { DbOrTx } from "../../db/client";
import type { ChampUsage, UsageContext } from "../../domain/revisions/champ-usages";
import type { RevisionSnapshot } from "../../domain/revisions/diff";
import { loadRevisionSnapshot } from "../../lookups/revision-snapshot";
import { quotedLibelles } from "../../domain/form/libelles";
import { type OperationResult, type Refused, refuse } from "../../refusal";

/** An editor operation's answer: refusals carry keys of `admin.champEditor.errors`, and parameters for their messages. */
export type GuardedResult = OperationResult;

/** Rules of the draft revision, with its fields (routing rules come with routing). */
export async function draftUsageContext(db: DbOrTx, revisionId: number): Promise<UsageContext & { snapshot: RevisionSnapshot }> {
  const snapshot = await loadRevisionSnapshot(db, revisionId);
  return { snapshot, fields: snapshot.fields, ineligibiliteRules: snapshot.ineligibilite.rules, routingRules: [] };
}

/**
 * The refusal for these usages (they must not be empty): on the field's `form` error for a
 * deletion, on its `type` error for a type change; `champs` lists the fields whose condition reads it.
 */
export function usageRefusal(usages: readonly ChampUsage[], action: "delete" | "type_change"): Refused {
  const conditions = usages.filter((u) => u.kind === "condition").map((u) => u.libelle);
  const routing = usages.filter((u) => u.kind === "routing").map((u) => u.label);
  const parts = [
    conditions.length > 0 ? "conditions" : null,
    usages.some((u) => u.kind === "ineligibilite") ? "ineligibilite" : null,
    routing.length > 0 ? "routing" : null,
  ].filter((p): p is string => p !== null);
  return refuse(
    `${action === "delete" ? "delete" : "type"}_used_by_${parts.join("_and_")}`,
    action === "delete" ? "form" : "type",
    {
      champs: quotedLibelles(conditions),
      groupes: quotedLibelles(routing),
    },
  );
}
