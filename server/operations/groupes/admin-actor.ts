import type { Tx } from "../../db/client";
import type { EventPayload } from "../../domain/events/kinds";
import { recordEvent } from "../../events/record-event";

/** Who acts on the groupes: an administrateur of the démarche (its administrateur profile and user). */
export interface AdminActor {
  administrateurId: number;
  userId: number;
}

/** Records a change of the démarche's groupes in the démarche's history. */
export function recordGroupesChange(
  tx: Tx,
  admin: AdminActor,
  demarcheId: number,
  payload: EventPayload<"demarche.groupes_modifies">,
) {
  return recordEvent(tx, {
    kind: "demarche.groupes_modifies",
    demarcheId,
    dossierId: null,
    actor: "administrateur",
    actorUserId: admin.userId,
    payload,
  });
}
