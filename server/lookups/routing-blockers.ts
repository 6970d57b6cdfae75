/**
 * Routing problems of a démarche's groupes (rules on deleted or incompatible fields, incomplete
 * rules, duplicates), by groupe id: flagged on the groupes pages, and blocking publication.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";
import { groupesInstructeurs } from "../db/schema";
import { conditionChoiceLists } from "../domain/conditions/choice-lists";
import { routingProblems } from "../domain/routing/routing";

export async function demarcheRoutingProblems(
  db: DbOrTx,
  demarche: { id: number; draftRevisionId: number | null; publishedRevisionId: number | null },
) {
  const groupes = await db
    .select({
      id: groupesInstructeurs.id,
      label: groupesInstructeurs.label,
      closed: groupesInstructeurs.closed,
      isDefault: groupesInstructeurs.isDefault,
      routingRule: groupesInstructeurs.routingRule,
    })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), isNotNull(groupesInstructeurs.routingRule)));
  if (groupes.length === 0) return new Map<number, ReturnType<typeof routingProblems> extends Map<number, infer P> ? P : never>();
  const revisionId = demarche.draftRevisionId ?? demarche.publishedRevisionId;
  const fields = revisionId === null ? [] : await loadRevisionChamps(db, revisionId);
  return routingProblems(groupes, fields, conditionChoiceLists("fr"));
}
