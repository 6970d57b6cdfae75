import { and, eq, inArray } from "drizzle-orm";
import type { ChampDescriptor, JsonValue } from "../../domain/champs/definition";
import { resolveChampValues } from "../../domain/champs/resolve-values";
import type { ReferenceData } from "../../domain/geo/reference-data";
import { type ChampKey, newRowId } from "../../domain/form/keys";
import type { PrefillParams } from "../../domain/prefill/params";
import { prefillChampValues, prefillIdentity } from "../../domain/prefill/values";
import type { Db, DbOrTx } from "../../db/client";
import { loadRevisionForm } from "../../db/revisions";
import { demarches, dossiers } from "../../db/schema";
import { referenceDataFor } from "../../integrations/reference-data";
import { hitRateLimit } from "../../security/rate-limit";
import { randomToken } from "../../security/tokens";
import { findDefaultGroupe } from "../../lookups/default-groupe";
import { addFirstRows } from "../dossiers/add-first-rows";
import { OFFLINE_REFERENCE_DATA, writeChamps } from "../dossiers/save-champs";
import { findStartableDemarche } from "../dossiers/start-dossier";
import { NotFoundError } from "../../errors";
import { withAddressLookupBudget } from "./address-lookups";
import { prefillCreateRule } from "./limits";
import { type OperationResult, refuseRateLimited } from "../../refusal";

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

/** Refused only when rate-limited (`refuseRateLimited`); bad values are reported on the dossier, not refused. */
export type CreatePrefilledDossierResult = OperationResult<{ dossier: PrefilledDossierRef }>;

/** The démarche of an API call: published (its published form) or in test (its draft), as the reference. */
async function findDemarcheByNumber(db: DbOrTx, demarcheNumber: number) {
  if (!Number.isSafeInteger(demarcheNumber) || demarcheNumber <= 0 || demarcheNumber > 2_147_483_647) return null;
  const [demarche] = await db
    .select()
    .from(demarches)
    .where(and(eq(demarches.id, demarcheNumber), inArray(demarches.state, ["publiee", "brouillon"])))
    .limit(1);
  return demarche ?? null;
}

/** The démarche targeted and the revision a new dossier gets (its draft when in test); NotFoundError otherwise. */
async function findTarget(db: DbOrTx, target: PrefillTarget) {
  const demarche =
    "demarcheNumber" in target
      ? await findDemarcheByNumber(db, target.demarcheNumber)
      : await findStartableDemarche(db, target.path, target.test);
  if (!demarche?.path) throw new NotFoundError("Demarche");
  const test = demarche.state === "brouillon";
  const revisionId = test ? demarche.draftRevisionId : demarche.publishedRevisionId;
  if (!revisionId) throw new NotFoundError("Demarche");
  return { demarche: { ...demarche, path: demarche.path }, test, revisionId };
}

/** What prefill values depend on: each field's stable id, type, options and place in its block. */
function formShape(tree: readonly ChampDescriptor[]): string {
  return JSON.stringify(tree.map((field) => [field.stableId, field.type, field.options, formShape(field.children ?? [])]));
}

/**
 * The values `params` give the fields of `tree`, completed with the reference data through the same
 * resolution as the usager's save (`resolveChampValues`, source "prefill": values that cannot be
 * resolved are dropped, as any invalid prefill value). Blocks get new rows, one per object.
 */
function prefilledValues(
  tree: readonly ChampDescriptor[],
  params: PrefillParams,
  refs: ReferenceData,
): Promise<Map<ChampKey, JsonValue | null>> {
  return resolveChampValues(
    tree,
    prefillChampValues(tree, params, new Map(), () => newRowId()),
    { refs, source: "prefill" },
  );
}

/**
 * Creates an orphan brouillon (no user) from prefill parameters: values the fields' types accept,
 * the identity if the démarche is for individuals, and a secret token by which it is reopened and
 * claimed at sign-in. Counted against the caller's creation budget first. Unknown or closed
 * démarche → NotFoundError.
 *
 * Values that need an external service (an address, searched in the national address base through
 * `refs`) are resolved before the transaction opens: a slow service never holds a transaction. When
 * the address service is down, times out or does not know the text, the address keeps the degraded
 * mode of the usager's form (see the `address` type's `resolve`): the text is stored as a search
 * (`unavailable`, or with the proposals found), so nothing sent is lost and the usager confirms the
 * address or types it by hand before submitting — the reference stores a prefilled address as free
 * text anyway. The other values are stored either way: an outage never fails the prefill.
 */
export async function createPrefilledDossier(
  db: Db,
  input: { target: PrefillTarget; params: PrefillParams; ip: string },
  refs: ReferenceData = referenceDataFor(OFFLINE_REFERENCE_DATA),
): Promise<CreatePrefilledDossierResult> {
  const limit = await hitRateLimit(db, prefillCreateRule(input.ip));
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);

  // The slow part first, outside the transaction (an unknown démarche is a 404 before any lookup).
  const planned = await findTarget(db, input.target);
  const plannedTree = await loadRevisionForm(db, planned.revisionId);
  const plannedValues = await prefilledValues(plannedTree, input.params, withAddressLookupBudget(refs));

  return db.transaction(async (tx): Promise<CreatePrefilledDossierResult> => {
    const { demarche, test, revisionId } = await findTarget(tx, input.target);
    // The form changed during the lookups (a publication, or an edit of the draft of a démarche in
    // test): the values are read again from the bundled data only (no network in a transaction), and
    // addresses then wait in the degraded mode.
    const tree = await loadRevisionForm(tx, revisionId);
    const values =
      formShape(tree) === formShape(plannedTree)
        ? plannedValues
        : await prefilledValues(tree, input.params, referenceDataFor(OFFLINE_REFERENCE_DATA));

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

    await writeChamps(tx, dossierId, tree, values);
    // Like any new dossier, each block starts with one row: those the prefill did not fill get it now.
    await addFirstRows(tx, revisionId, { dossierId });

    return { ok: true, dossier: { dossierId, prefillToken, demarcheId: demarche.id, path: demarche.path, test } };
  });
}
