import { eq, sql } from "drizzle-orm";
import type { FormInput, JsonValue } from "../../domain/champs/definition";
import { parseDraftValues, validateChampsForSubmit, type ChampValidationIssue } from "../../domain/champs/validate-dossier";
import type { Db, Tx } from "../../db/client";
import { loadChampValues, upsertChampValues } from "../../db/champ-values";
import { loadRevisionChamps } from "../../db/revisions";
import { dossiers } from "../../db/schema";
import { findUsagerDossier } from "./find-dossier";

export type ReadFormField = (name: string) => FormInput;

export type SaveChampsResult =
  | { ok: true; state: string }
  | { ok: false; reason: "read_only" }
  | { ok: false; reason: "invalid"; issues: ChampValidationIssue[]; values: Map<number, JsonValue | null> };

/**
 * Saves what the usager typed. A brouillon accepts anything of the right shape (autosave and
 * "Enregistrer le brouillon": lenient). A dossier en construction is already with the
 * administration, so a change is kept only if the whole form stays valid; otherwise the errors and
 * the typed values are returned so the page shows them, and the submitted version stays intact.
 */
export async function saveChamps(db: Db, userId: number, dossierId: number, field: ReadFormField): Promise<SaveChampsResult> {
  return db.transaction(async (tx): Promise<SaveChampsResult> => {
    const { dossier } = await findUsagerDossier(tx, userId, dossierId, true);
    if (dossier.state !== "brouillon" && dossier.state !== "en_construction") return { ok: false, reason: "read_only" };
    const descriptors = await loadRevisionChamps(tx, dossier.revisionId);
    const typed = parseDraftValues(descriptors, field);
    if (dossier.state === "en_construction") {
      const merged = new Map<number, unknown>([...(await loadChampValues(tx, dossierId)), ...typed]);
      const issues = validateChampsForSubmit(descriptors, merged);
      if (issues.length > 0) return { ok: false, reason: "invalid", issues, values: typed };
    }
    await writeChamps(tx, dossierId, descriptors, typed);
    return { ok: true, state: dossier.state };
  });
}

export async function writeChamps(
  tx: Tx,
  dossierId: number,
  descriptors: Array<{ stableId: number; type: string }>,
  values: Map<number, JsonValue | null>,
) {
  if (values.size === 0) return;
  await upsertChampValues(tx, dossierId, values, new Map(descriptors.map((d) => [d.stableId, d.type])));
  await tx
    .update(dossiers)
    .set({ lastChampUpdatedAt: sql`now()`, updatedAt: sql`now()`, lockVersion: sql`${dossiers.lockVersion} + 1` })
    .where(eq(dossiers.id, dossierId));
}
