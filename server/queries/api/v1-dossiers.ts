/**
 * The dossier list of the legacy API v1 (`GET /api/v1/procedures/:id/dossiers`): the démarche's
 * dossiers the API shows (submitted, not in test), by creation date (`order` asc or desc, then
 * id), one page, with the total for the pagination. The caller has checked the token's access.
 */
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiers } from "../../db/schema";

export interface V1DossierRow {
  id: number;
  state: "en_construction" | "en_instruction" | "accepte" | "refuse" | "sans_suite";
  updatedAt: Date;
  deposeAt: Date | null;
}

export async function listV1Dossiers(
  db: DbOrTx,
  input: { demarcheId: number; page: number; perPage: number; order: "asc" | "desc" },
): Promise<{ rows: V1DossierRow[]; total: number }> {
  const where = and(eq(dossiers.demarcheId, input.demarcheId), ne(dossiers.state, "brouillon"), eq(dossiers.forTest, false));
  const direction = input.order === "desc" ? desc : asc;
  const [rows, totals] = await Promise.all([
    db
      .select({ id: dossiers.id, state: dossiers.state, updatedAt: dossiers.updatedAt, deposeAt: dossiers.deposeAt })
      .from(dossiers)
      .where(where)
      .orderBy(direction(dossiers.createdAt), direction(dossiers.id))
      .limit(input.perPage)
      .offset((input.page - 1) * input.perPage),
    db.select({ total: count() }).from(dossiers).where(where),
  ]);
  return { rows: rows as V1DossierRow[], total: totals[0]?.total ?? 0 };
}
