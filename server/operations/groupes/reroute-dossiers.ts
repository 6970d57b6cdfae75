/**
 * Re-routing a démarche's undecided dossiers after its rules changed (administrateur, then the
 * `reroute-dossiers` job): `requestRerouting` enqueues the job; `rerouteBatch` routes the next
 * batch of dossiers in one transaction and says where it stopped.
 */
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import { dossiers } from "../../db/schema";
import { hiddenKeys } from "../../domain/form/visibility";
import { enqueueJob } from "../../jobs/enqueue";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import type { OperationResult } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";
import { loadRoutableGroupes, routeDossierInTransaction } from "./route-dossier";

export const REROUTE_BATCH = 200;

export async function requestRerouting(db: Db, admin: AdminActor, demarcheId: number): Promise<OperationResult<object>> {
  return db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    // One re-routing at a time per démarche: a second request replaces a pending one.
    await enqueueJob(
      tx,
      "reroute-dossiers",
      { demarcheId, actorUserId: admin.userId, afterId: 0 },
      { jobKey: `reroute-${demarcheId}` },
    );
    await recordGroupesChange(tx, admin, demarcheId, { change: "rerouted" });
    return { ok: true as const };
  });
}

/** Routes the next batch after dossier `afterId`; the last dossier routed, or null when done. */
export async function rerouteBatch(
  db: Db,
  demarcheId: number,
  afterId: number,
  actorUserId: number | null,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .select()
      .from(dossiers)
      .where(
        and(
          eq(dossiers.demarcheId, demarcheId),
          gt(dossiers.id, afterId),
          inArray(dossiers.state, ["en_construction", "en_instruction"]),
          eq(dossiers.forTest, false),
        ),
      )
      .orderBy(asc(dossiers.id))
      .limit(REROUTE_BATCH)
      .for("update");
    if (batch.length === 0) return null;
    const groupes = await loadRoutableGroupes(tx, demarcheId, null);
    const forms = new Map<number, Awaited<ReturnType<typeof loadRevisionForm>>>();
    for (const dossier of batch) {
      if (dossier.groupeForced) continue;
      let tree = forms.get(dossier.revisionId);
      if (!tree) {
        tree = await loadRevisionForm(tx, dossier.revisionId);
        forms.set(dossier.revisionId, tree);
      }
      const values = await loadChampValues(tx, dossier.id, tree);
      // The current groupe may be one without rule: make it known for the event's "from".
      await routeDossierInTransaction(tx, {
        dossier,
        tree,
        values,
        hidden: hiddenKeys(tree, values),
        mode: "bulk",
        actor: "administrateur",
        actorUserId,
        groupes,
      });
    }
    return batch[batch.length - 1]?.id ?? null;
  });
}
