import { and, eq, inArray } from "drizzle-orm";
import { type ChampKey, newRowId } from "../../domain/form/keys";
import type { PrefillParams } from "../../domain/prefill/params";
import { prefillChampValues, prefillIdentity } from "../../domain/prefill/values";
import type { Db, Tx } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import { demarches, dossiers } from "../../db/schema";
import { hitRateLimit } from "../../security/rate-limit";
import { randomToken } from "../../security/tokens";
import { findDefaultGroupe } from "../demarches/default-groupe";
import { addFirstRows } from "../dossiers/add-first-rows";
import { findStartableDemarche } from "../dossiers/start-dossier";
import { NotFoundError } from "../errors";
import { resolveChampValues } from "../../domain/champs/resolve-values";
import { referenceDataFor } from "../../integrations/reference-data";
import { OFFLINE_REFERENCE_DATA, writeChamps } from "../dossiers/save-champs";
import { prefillCreateRule } from "./limits";

/** Which démarche: by its link (`/commencer/<path>`, or `/commencer/test/<path>` for the draft), or by number (API). */
export type PrefillTarget = { path: string; test: boolean } | { demarcheNumber: number };

export interface PrefilledDossierRef {
  dossierId: number;
  prefillToken: string;
  demarcheId: number;
  /** The démarche's link, for `/commencer/<path>?prefill_token=…`. */
  path: string;
  test: boolean;
}

export type CreatePrefilledDossierResult =
  | { ok: true; dossier: PrefilledDossierRef }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** The démarche of an API call: published (its published form) or in test (its draft), as the reference. */
async function findDemarcheByNumber(tx: Tx, demarcheNumber: number) {
  if (!Number.isSafeInteger(demarcheNumber) || demarcheNumber <= 0 || demarcheNumber > 2_147_483_647) return null;
  const [demarche] = await tx
    .select()
    .from(demarches)
    .where(and(eq(demarches.id, demarcheNumber), inArray(demarches.state, ["publiee", "brouillon"])))
    .limit(1);
  return demarche ?? null;
}

/**
 * Creates an orphan brouillon (no user) from prefill parameters: values the fields' types accept,
 * the identity if the démarche is for individuals, and a secret token by which it is reopened and
 * claimed at sign-in. Counted against the caller's creation budget first. Unknown or closed
 * démarche → NotFoundError.
 */
export async function createPrefilledDossier(
  db: Db,
  input: { target: PrefillTarget; params: PrefillParams; ip: string },
): Promise<CreatePrefilledDossierResult> {
  const limit = await hitRateLimit(db, prefillCreateRule(input.ip));
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  return db.transaction(async (tx): Promise<CreatePrefilledDossierResult> => {
    const { target } = input;
    const demarche =
      "demarcheNumber" in target
        ? await findDemarcheByNumber(tx, target.demarcheNumber)
        : await findStartableDemarche(tx, target.path, target.test);
    if (!demarche?.path) throw new NotFoundError("Demarche");
    const test = demarche.state === "brouillon";
    const revisionId = test ? demarche.draftRevisionId : demarche.publishedRevisionId;
    if (!revisionId) throw new NotFoundError("Demarche");

    const groupe = await findDefaultGroupe(tx, demarche.id);
    const prefillToken = randomToken(24);
    const [dossier] = await tx
      .insert(dossiers)
      .values({
        demarcheId: demarche.id,
        revisionId,
        userId: null,
        groupeInstructeurId: groupe.id,
        forTest: test,
        prefilled: true,
        prefillToken,
        ...prefillIdentity(input.params, demarche.forIndividual),
      })
      .returning({ id: dossiers.id });
    const dossierId = (dossier as { id: number }).id;

    // Like any new dossier, each block starts with one row; prefilled rows reuse it first.
    await addFirstRows(tx, revisionId, { dossierId });
    const tree = await loadRevisionForm(tx, revisionId);
    const stored: Map<ChampKey, unknown> = await loadChampValues(tx, dossierId);
    // Communes and EPCI are completed from the bundled data (unresolvable ones dropped, as any invalid
    // prefill value); the address service is not called inside this transaction.
    const values = await resolveChampValues(
      tree,
      prefillChampValues(tree, input.params, stored, () => newRowId()),
      {
        refs: referenceDataFor(OFFLINE_REFERENCE_DATA),
        stored,
        source: "prefill",
      },
    );
    await writeChamps(tx, dossierId, tree, values);

    return { ok: true, dossier: { dossierId, prefillToken, demarcheId: demarche.id, path: demarche.path, test } };
  });
}
