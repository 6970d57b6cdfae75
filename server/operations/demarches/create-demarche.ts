import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { demarcheAdministrateurs, demarches, groupesInstructeurs, revisions } from "../../db/schema";
import { type OperationResult, refuseFields } from "../../refusal";
import { eq } from "drizzle-orm";
import { recordPath } from "./claim-path";
import { fieldErrors, ZDemarcheInput, type TDemarcheInput } from "./demarche-input";

/**
 * Creates a démarche in test (brouillon) with its draft revision and default groupe instructeur,
 * administered by the creator. Like the reference, it gets a random path at once, so that its test
 * link /commencer/test/<path> works before the administrateur chooses the public path.
 */
export async function createDemarche(
  db: Db,
  administrateurId: number,
  input: TDemarcheInput,
  defaultGroupeLabel = "défaut",
): Promise<OperationResult<{ demarcheId: number }>> {
  const parsed = ZDemarcheInput.safeParse(input);
  if (!parsed.success) return refuseFields(fieldErrors(parsed.error));
  const path = randomUUID();
  const demarcheId = await db.transaction(async (tx) => {
    const [demarche] = await tx
      .insert(demarches)
      .values({ ...parsed.data, forIndividual: true, path })
      .returning({ id: demarches.id });
    const id = (demarche as { id: number }).id;
    await recordPath(tx, id, path);
    const [revision] = await tx.insert(revisions).values({ demarcheId: id }).returning({ id: revisions.id });
    await tx
      .update(demarches)
      .set({ draftRevisionId: (revision as { id: number }).id })
      .where(eq(demarches.id, id));
    await tx.insert(groupesInstructeurs).values({ demarcheId: id, label: defaultGroupeLabel, isDefault: true });
    await tx.insert(demarcheAdministrateurs).values({ demarcheId: id, administrateurId });
    return id;
  });
  return { ok: true, demarcheId };
}
