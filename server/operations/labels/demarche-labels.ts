/** Shared by the label operations: a démarche's labels, read in the operation's transaction. */
import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { labels } from "../../db/schema";

export function labelsOfDemarcheInTx(tx: Tx, demarcheId: number) {
  return tx.select().from(labels).where(eq(labels.demarcheId, demarcheId)).orderBy(asc(labels.position), asc(labels.id));
}
