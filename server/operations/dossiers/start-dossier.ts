import { and, eq } from "drizzle-orm";
import { addFirstRows } from "./add-first-rows";
import type { Db } from "../../db/client";
import { demarches, dossiers, groupesInstructeurs } from "../../db/schema";
import { NotFoundError } from "../../errors";

/**
 * Starts a brouillon on a démarche reached by its path: the published form, or — through the test
 * link of a démarche not yet published — its draft form (a test dossier, deleted at publication).
 */
export async function startDossier(db: Db, userId: number, input: { path: string; test: boolean }) {
  return db.transaction(async (tx) => {
    const demarche = await findStartableDemarche(tx, input.path, input.test);
    if (!demarche) throw new NotFoundError("Demarche");
    const revisionId = input.test ? demarche.draftRevisionId : demarche.publishedRevisionId;
    if (!revisionId) throw new NotFoundError("Demarche");
    const [groupe] = await tx
      .select({ id: groupesInstructeurs.id })
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.isDefault, true)))
      .limit(1);
    const [dossier] = await tx
      .insert(dossiers)
      .values({ demarcheId: demarche.id, revisionId, userId, groupeInstructeurId: groupe?.id ?? null, forTest: input.test })
      .returning({ id: dossiers.id });
    const dossierId = (dossier as { id: number }).id;
    // Each repetition block starts with one empty row, so its fields show as soon as the form opens.
    await addFirstRows(tx, revisionId, { dossierId });
    return { dossierId };
  });
}

/** A démarche accepting new dossiers at this path: published, or in test through the test link. */
export async function findStartableDemarche(db: Pick<Db, "select">, path: string, test: boolean) {
  const [demarche] = await db
    .select()
    .from(demarches)
    .where(and(eq(demarches.path, path.toLowerCase()), eq(demarches.state, test ? "brouillon" : "publiee")))
    .limit(1);
  return demarche ?? null;
}
