/**
 * Keeps the instructeur list's indexes of one dossier (`dossier_values`, `dossier_search`) in the
 * caller's transaction, from the stored values: called by every operation that writes a submitted
 * dossier's values or identity (submission, modification en construction, annotations). Brouillons
 * are not indexed: instructeurs never list them, and autosave stays cheap.
 */
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE } from "../../../common/i18n/types";
import { loadChampValues } from "../../db/champ-values";
import type { Tx } from "../../db/client";
import { loadRevisionChamps } from "../../db/revisions";
import { dossierSearch, dossierValues, dossiers, users } from "../../db/schema";
import { indexDossier } from "../../domain/instructeur-list/index-values";

export async function reindexDossier(tx: Tx, dossierId: number): Promise<void> {
  const [dossier] = await tx
    .select({
      id: dossiers.id,
      demarcheId: dossiers.demarcheId,
      revisionId: dossiers.revisionId,
      state: dossiers.state,
      nom: dossiers.nom,
      prenom: dossiers.prenom,
      email: users.email,
    })
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.userId))
    .where(eq(dossiers.id, dossierId));
  if (!dossier || dossier.state === "brouillon") return;
  // One after the other: a transaction is one connection, which runs one query at a time.
  const publicFields = await loadRevisionChamps(tx, dossier.revisionId);
  const privateFields = await loadRevisionChamps(tx, dossier.revisionId, { private: true });
  const values = await loadChampValues(tx, dossier.id);
  const indexed = indexDossier({
    dossierId: dossier.id,
    email: dossier.email,
    identity: { nom: dossier.nom, prenom: dossier.prenom },
    fields: [...publicFields, ...privateFields],
    privateStableIds: new Set(privateFields.map((f) => f.stableId)),
    values: values as ReadonlyMap<string, unknown>,
    locale: DEFAULT_LOCALE,
  });
  await tx.delete(dossierValues).where(eq(dossierValues.dossierId, dossier.id));
  if (indexed.values.length > 0) {
    await tx
      .insert(dossierValues)
      .values(indexed.values.map((v) => ({ ...v, dossierId: dossier.id, demarcheId: dossier.demarcheId })));
  }
  await tx
    .insert(dossierSearch)
    .values({
      dossierId: dossier.id,
      demarcheId: dossier.demarcheId,
      document: indexed.document,
      publicDocument: indexed.publicDocument,
    })
    .onConflictDoUpdate({
      target: dossierSearch.dossierId,
      set: { document: indexed.document, publicDocument: indexed.publicDocument, demarcheId: dossier.demarcheId },
    });
}
