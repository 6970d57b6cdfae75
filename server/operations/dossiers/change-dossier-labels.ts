/**
 * An instructeur of the dossier's groupe puts labels of the démarche on a dossier or takes them
 * off (the page sends the whole set, the API one label at a time). Scope first: anyone else gets
 * NotFoundError and nothing changes. A label of another démarche (or deleted) is refused with
 * `label_unknown` and nothing changes. Adding a label the dossier already has is refused with
 * `label_already_added`, removing one it does not have with `label_not_on_dossier` (the API's
 * and the batches' one-label changes). Each label added or removed records `label.ajoute` /
 * `label.retire`. Through the API (no instructeur in the reference's input), the caller has checked
 * the token's access to the démarche; any submitted, real dossier is reachable.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossierLabels, labels } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findInstructeurDossier, findSubmittedDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";

export type LabelChange = { set: readonly number[] } | { add: number } | { remove: number };

export type LabelActor = { instructeurId: number; userId: number } | { kind: "api"; userId: null };

export async function changeDossierLabels(
  db: Db,
  actor: LabelActor,
  dossierId: number,
  change: LabelChange,
): Promise<OperationResult<{ added: number[]; removed: number[] }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ added: number[]; removed: number[] }>> => {
    const { dossier } =
      "instructeurId" in actor
        ? await findInstructeurDossier(tx, actor.instructeurId, dossierId, true)
        : await findSubmittedDossier(tx, dossierId, true);
    const ofDemarche = await tx
      .select({ id: labels.id, name: labels.name })
      .from(labels)
      .where(eq(labels.demarcheId, dossier.demarcheId));
    const known = new Map(ofDemarche.map((l) => [l.id, l.name]));
    const asked = "set" in change ? change.set : "add" in change ? [change.add] : [change.remove];
    if (asked.some((id) => !known.has(id))) return refuse("label_unknown", "labels");

    const current = new Set(
      (await tx.select({ id: dossierLabels.labelId }).from(dossierLabels).where(eq(dossierLabels.dossierId, dossier.id))).map(
        (r) => r.id,
      ),
    );
    if ("add" in change && current.has(change.add)) return refuse("label_already_added", "labels");
    if ("remove" in change && !current.has(change.remove)) return refuse("label_not_on_dossier", "labels");
    const wanted = new Set(current);
    if ("set" in change) {
      wanted.clear();
      for (const id of change.set) wanted.add(id);
    } else if ("add" in change) wanted.add(change.add);
    else wanted.delete(change.remove);

    const added = [...wanted].filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !wanted.has(id));
    if (added.length > 0) await tx.insert(dossierLabels).values(added.map((labelId) => ({ dossierId: dossier.id, labelId })));
    if (removed.length > 0) {
      await tx.delete(dossierLabels).where(and(eq(dossierLabels.dossierId, dossier.id), inArray(dossierLabels.labelId, removed)));
    }
    for (const [kind, ids] of [
      ["label.ajoute", added],
      ["label.retire", removed],
    ] as const) {
      for (const labelId of ids) {
        await recordEvent(tx, {
          kind,
          demarcheId: dossier.demarcheId,
          dossierId: dossier.id,
          actor: "instructeurId" in actor ? "instructeur" : "api",
          actorUserId: actor.userId,
          payload: { labelId, name: known.get(labelId) ?? "" },
        });
      }
    }
    return { ok: true, added, removed };
  });
}
