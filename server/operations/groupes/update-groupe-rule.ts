/**
 * Sets (or removes, with null) a groupe's routing rule (advanced routing): a condition on the
 * top-level public fields, refused when it is malformed or has a blocking error (`rule` field,
 * keys of `conditions.errors`). Incomplete rules and duplicates are kept, flagged on the page and
 * block publication (`routingProblems`).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import { conditionToJson, ZCondition } from "../../domain/conditions/ast";
import { conditionChoiceLists } from "../../domain/conditions/choice-lists";
import { blockingErrors, ruleErrors } from "../../domain/conditions/editor";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import { type OperationResult, refuse } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";
import { routingFields } from "../../lookups/routing-fields";

export async function updateGroupeRule(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  groupeId: number,
  raw: unknown,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const { demarche, groupe } = await findAdministrableGroupe(tx, admin.administrateurId, demarcheId, groupeId, true);
    let rule: unknown = null;
    if (raw !== null && raw !== undefined) {
      const parsed = ZCondition.safeParse(raw);
      if (!parsed.success) return refuse("malformed", "rule");
      const error = blockingErrors(ruleErrors(parsed.data, await routingFields(tx, demarche), conditionChoiceLists("fr")))[0];
      if (error) return refuse(error, "rule");
      rule = conditionToJson(parsed.data);
    }
    await tx.update(groupesInstructeurs).set({ routingRule: rule }).where(eq(groupesInstructeurs.id, groupe.id));
    await recordGroupesChange(tx, admin, demarcheId, { change: "rule_changed", groupeId: groupe.id });
    return { ok: true };
  });
}
