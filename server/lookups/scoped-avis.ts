/**
 * Scoped avis lookups: the only ways to fetch one avis by id. An expert reaches an avis addressed to
 * them and not revoked; an instructeur an avis of a dossier they can see. Out of scope and missing
 * look the same (NotFoundError → 404).
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { avis, demarches, dossiers, experts, expertsProcedures, users } from "../db/schema";
import { avisOfExpert, dossiersVisibleToExpert, dossiersVisibleToInstructeur } from "../db/scopes";
import { expertMayUseMessagerie } from "../domain/avis/rules";
import { NotFoundError } from "../errors";

function validId(id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Avis");
}

function selectAvis(db: DbOrTx) {
  return db
    .select({
      avis,
      dossier: dossiers,
      demarche: demarches,
      expertId: expertsProcedures.expertId,
      expertEmail: users.email,
      expertUserId: users.id,
    })
    .from(avis)
    .innerJoin(dossiers, eq(dossiers.id, avis.dossierId))
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
    .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
    .innerJoin(users, eq(users.id, experts.userId));
}

export type ScopedAvis = Awaited<ReturnType<typeof findExpertAvis>>;

/** An avis addressed to this expert, not revoked, on a dossier they may read. Locks the avis when asked. */
export async function findExpertAvis(db: DbOrTx, expertId: number, avisId: number, lock = false) {
  validId(avisId);
  const query = selectAvis(db)
    .where(and(eq(avis.id, avisId), avisOfExpert(expertId), dossiersVisibleToExpert(expertId)))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: avis }) : await query;
  if (!row) throw new NotFoundError("Avis");
  return row;
}

/** An avis of a dossier this instructeur can see, in this démarche. Locks the avis when asked. */
export async function findInstructeurAvis(
  db: DbOrTx,
  instructeurId: number,
  where: { demarcheId: number; dossierId: number; avisId: number },
  lock = false,
) {
  validId(where.avisId);
  const query = selectAvis(db)
    .where(
      and(
        eq(avis.id, where.avisId),
        eq(avis.dossierId, where.dossierId),
        eq(dossiers.demarcheId, where.demarcheId),
        dossiersVisibleToInstructeur(instructeurId),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for("update", { of: avis }) : await query;
  if (!row) throw new NotFoundError("Avis");
  return row;
}

/**
 * The dossier an expert may write on through one of their avis (`expertMayUseMessagerie`): the
 * avis is theirs, not revoked, not confidential, and the démarche allows expert messaging. Anything
 * else is a 404. Locks the dossier when asked, as the usager's and instructeur's lookups do.
 */
export async function findExpertMessagerieDossier(db: DbOrTx, expertId: number, avisId: number, lock = false) {
  const found = await findExpertAvis(db, expertId, avisId);
  const allowed = expertMayUseMessagerie({
    allowExpertMessaging: found.demarche.allowExpertMessaging,
    confidentiel: found.avis.confidentiel,
  });
  if (!allowed) throw new NotFoundError("Avis");
  if (!lock) return { avis: found.avis, dossier: found.dossier, demarche: found.demarche };
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, found.dossier.id)).for("update");
  if (!dossier) throw new NotFoundError("Avis");
  return { avis: found.avis, dossier, demarche: found.demarche };
}
