/**
 * The instructeur's avis tab of a dossier (`/procedures/:p/dossiers/:d/avis`), its count on the
 * dossier's tabs, and the « nouvel avis » badge source. Dossiers are scoped to the instructeur.
 */
import { and, asc, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { avis, dossiers, events, experts, expertsProcedures, users } from "../../db/schema";
import { dossiersVisibleToInstructeur } from "../../db/scopes";
import { requestBlocker } from "../../domain/avis/rules";
import { loadAvisRows } from "../../lookups/avis-rows";
import { findInstructeurDossierOfDemarche } from "./dossier";

export async function loadInstructeurAvisTab(
  db: DbOrTx,
  input: { instructeurId: number; demarcheId: number; dossierId: number },
) {
  const { dossier, demarche } = await findInstructeurDossierOfDemarche(
    db,
    input.instructeurId,
    input.demarcheId,
    input.dossierId,
  );
  const [rows, listed] = await Promise.all([
    loadAvisRows(db, [dossier.id]),
    demarche.expertsRequireAdministrateurInvitation
      ? db
          .select({ email: users.email })
          .from(expertsProcedures)
          .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
          .innerJoin(users, eq(users.id, experts.userId))
          .where(
            and(
              eq(expertsProcedures.demarcheId, demarche.id),
              eq(expertsProcedures.listedByAdministrateur, true),
              isNull(expertsProcedures.revokedAt),
            ),
          )
          .orderBy(asc(users.email))
      : Promise.resolve([]),
  ]);
  return {
    demarche: {
      id: demarche.id,
      libelle: demarche.libelle,
      allowExpertReview: demarche.allowExpertReview,
      restricted: demarche.expertsRequireAdministrateurInvitation,
      listedExperts: listed.map((l) => l.email),
    },
    dossier: { id: dossier.id, state: dossier.state },
    canRequest: demarche.allowExpertReview && requestBlocker(dossier.state) === null,
    avis: rows,
  };
}

/** Avis of a dossier not revoked: the count on the dossier's « Avis externes » tab. */
export async function countDossierAvis(db: DbOrTx, dossierId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(avis)
    .where(and(eq(avis.dossierId, dossierId), isNull(avis.revokedAt)));
  return row?.n ?? 0;
}

/**
 * The « nouvel avis » badge: per dossier of `dossierIds` the instructeur can see, how many avis
 * were answered (or their answer changed: `avis.rendu` events) after `since` — one date for all,
 * or one per dossier (the moment the instructeur last looked, null: ever). Dossiers with none are
 * absent from the map. Read from the event stream (decision 0009).
 */
export async function answeredAvisSince(
  db: DbOrTx,
  instructeurId: number,
  dossierIds: readonly number[],
  since: Date | ReadonlyMap<number, Date | null> | null = null,
): Promise<Map<number, number>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db
    .select({
      dossierId: events.dossierId,
      createdAt: events.createdAt,
      avisId: sql<number>`(${events.payload}->>'avisId')::int`,
    })
    .from(events)
    .innerJoin(dossiers, eq(dossiers.id, events.dossierId))
    .where(
      and(
        eq(events.kind, "avis.rendu"),
        inArray(events.dossierId, [...dossierIds]),
        dossiersVisibleToInstructeur(instructeurId),
        since instanceof Date ? gt(events.createdAt, since) : undefined,
      ),
    );
  const seen = new Map<number, Set<number>>();
  for (const row of rows) {
    if (row.dossierId === null) continue;
    const after = since instanceof Date || since === null ? null : (since.get(row.dossierId) ?? null);
    if (after && row.createdAt <= after) continue;
    const set = seen.get(row.dossierId) ?? new Set<number>();
    set.add(row.avisId);
    seen.set(row.dossierId, set);
  }
  return new Map([...seen].map(([dossierId, set]) => [dossierId, set.size]));
}
