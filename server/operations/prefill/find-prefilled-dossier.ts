import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { NotFoundError } from "../../errors";

/** Tokens are ours (`randomToken`): anything else is not looked up. */
export const PREFILL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface PrefilledDossierView {
  id: number;
  demarcheId: number;
  userId: number | null;
  state: typeof dossiers.$inferSelect.state;
  prefillToken: string;
  forTest: boolean;
  /** The demandeur's identity is complete (or not asked: démarche for legal entities). */
  identityComplete: boolean;
}

export const prefilledColumns = {
  id: dossiers.id,
  demarcheId: dossiers.demarcheId,
  userId: dossiers.userId,
  state: dossiers.state,
  prefillToken: dossiers.prefillToken,
  forTest: dossiers.forTest,
  civilite: dossiers.civilite,
  nom: dossiers.nom,
  prenom: dossiers.prenom,
  forIndividual: demarches.forIndividual,
};

interface PrefilledRow {
  id: number;
  demarcheId: number;
  userId: number | null;
  state: PrefilledDossierView["state"];
  prefillToken: string | null;
  forTest: boolean;
  civilite: string | null;
  nom: string | null;
  prenom: string | null;
  forIndividual: boolean;
}

export function prefilledView(row: PrefilledRow): PrefilledDossierView {
  return {
    id: row.id,
    demarcheId: row.demarcheId,
    userId: row.userId,
    state: row.state,
    prefillToken: row.prefillToken ?? "",
    forTest: row.forTest,
    identityComplete: !row.forIndividual || Boolean(row.civilite && row.nom && row.prenom),
  };
}

/**
 * The prefilled dossier of a token (on this démarche when given), orphan or not: the caller decides
 * what its visitor may do with it. An unknown token, or one of another démarche → NotFoundError.
 */
export async function findPrefilledDossier(
  db: DbOrTx,
  input: { token: string; demarcheId?: number },
  options: { lock?: boolean } = {},
): Promise<PrefilledDossierView> {
  if (!PREFILL_TOKEN_PATTERN.test(input.token)) throw new NotFoundError("Dossier");
  const query = db
    .select(prefilledColumns)
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(
      and(
        eq(dossiers.prefillToken, input.token),
        eq(dossiers.prefilled, true),
        input.demarcheId === undefined ? undefined : eq(dossiers.demarcheId, input.demarcheId),
      ),
    )
    .limit(1);
  const [row] = options.lock ? await query.for("update", { of: dossiers }) : await query;
  if (!row) throw new NotFoundError("Dossier");
  return prefilledView(row);
}
