/** The démarche's avis d'experts settings and its experts (listed or asked), for its administrateurs. */
import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { avis, experts, expertsProcedures, users } from "../../db/schema";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function loadDemarcheExperts(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const rows = await db
    .select({
      id: expertsProcedures.id,
      email: users.email,
      listed: expertsProcedures.listedByAdministrateur,
      allowDecisionAccess: expertsProcedures.allowDecisionAccess,
      revokedAt: expertsProcedures.revokedAt,
      avisCount: count(avis.id),
    })
    .from(expertsProcedures)
    .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .leftJoin(avis, eq(avis.expertsProcedureId, expertsProcedures.id))
    .where(eq(expertsProcedures.demarcheId, demarche.id))
    .groupBy(expertsProcedures.id, users.email)
    .orderBy(asc(users.email));
  return {
    demarche: {
      id: demarche.id,
      libelle: demarche.libelle,
      allowExpertReview: demarche.allowExpertReview,
      allowExpertMessaging: demarche.allowExpertMessaging,
      expertsRequireAdministrateurInvitation: demarche.expertsRequireAdministrateurInvitation,
    },
    experts: rows,
  };
}
