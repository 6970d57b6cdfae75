import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { PREFILL_TOKEN_PATTERN } from "./find-prefilled-dossier";

/** At most this many tokens per request (more are ignored). */
export const MAX_TOKENS_PER_REQUEST = 100;

/**
 * The prefilled dossiers of a démarche (published or in test, else NotFoundError) matching some
 * of the given tokens: the token is the caller's proof of having created them. Order of the tokens.
 */
export async function listPrefilledDossiers(db: Db, demarcheNumber: number, tokens: readonly string[]) {
  if (!Number.isSafeInteger(demarcheNumber) || demarcheNumber <= 0 || demarcheNumber > 2_147_483_647) {
    throw new NotFoundError("Demarche");
  }
  const [demarche] = await db
    .select({ id: demarches.id, path: demarches.path, state: demarches.state })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheNumber), inArray(demarches.state, ["publiee", "brouillon"])))
    .limit(1);
  if (!demarche?.path) throw new NotFoundError("Demarche");
  const wanted = [...new Set(tokens.filter((t) => PREFILL_TOKEN_PATTERN.test(t)))].slice(0, MAX_TOKENS_PER_REQUEST);
  if (wanted.length === 0) return { demarche, dossiers: [] };
  const rows = await db
    .select({
      id: dossiers.id,
      userId: dossiers.userId,
      state: dossiers.state,
      prefillToken: dossiers.prefillToken,
      forTest: dossiers.forTest,
      deposeAt: dossiers.deposeAt,
      processedAt: dossiers.processedAt,
    })
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarche.id), eq(dossiers.prefilled, true), inArray(dossiers.prefillToken, wanted)));
  const byToken = new Map(rows.map((row) => [row.prefillToken, row]));
  const found = wanted.flatMap((token) => {
    const row = byToken.get(token);
    return row ? [{ ...row, prefillToken: token }] : [];
  });
  return { demarche, dossiers: found };
}
