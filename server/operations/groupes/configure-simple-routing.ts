/**
 * Simple routing (administrateur): one groupe per value of a field (drop-down, département,
 * région, pays, commune, EPCI, address) in one action, each with the rule `field == value`
 * (« in département » for communes, EPCI and addresses). Groupes already named after a value get
 * that rule; the default groupe stays, without rule, for the dossiers no rule matches. One
 * set-based statement, whatever the number of values. Refusal on `stableId`: `field_not_routable`
 * (key of `admin.groupes.errors`).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import { conditionChoiceLists } from "../../domain/conditions/choice-lists";
import { simpleRoutingGroupes } from "../../domain/routing/routing";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";
import { routingFields } from "../../lookups/routing-fields";

export async function configureSimpleRouting(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  stableId: number,
): Promise<OperationResult<{ count: number }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ count: number }>> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const field = (await routingFields(tx, demarche)).find((f) => f.stableId === stableId);
    const made = field ? simpleRoutingGroupes(field, conditionChoiceLists("fr")) : null;
    if (!made) return refuse("field_not_routable", "stableId");
    const rows = JSON.stringify(made.map((g) => ({ label: g.label, rule: g.rule })));
    await tx.execute(sql`
      insert into ${groupesInstructeurs} (demarche_id, label, routing_rule)
      select ${demarcheId}::int, r.label, r.rule from json_to_recordset(${rows}::json) as r(label text, rule jsonb)
      on conflict (demarche_id, label) do update set routing_rule = excluded.routing_rule`);
    await recordGroupesChange(tx, admin, demarcheId, { change: "simple_routing", count: made.length });
    return { ok: true, count: made.length };
  });
}
