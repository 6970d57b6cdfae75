import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { groupesInstructeurs } from "../db/schema";
import { NotFoundError } from "../errors";

/** The démarche's default groupe instructeur (every démarche gets one at creation). */
export async function findDefaultGroupe(db: DbOrTx, demarcheId: number) {
  const [groupe] = await db
    .select({ id: groupesInstructeurs.id, label: groupesInstructeurs.label })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, demarcheId)))
    .orderBy(desc(groupesInstructeurs.isDefault), asc(groupesInstructeurs.id))
    .limit(1);
  if (!groupe) throw new NotFoundError("GroupeInstructeur");
  return groupe;
}
