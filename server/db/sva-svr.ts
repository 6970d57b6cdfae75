/**
 * The stored SVA/SVR « date prévisionnelle » of dossiers: read their correction requests, compute
 * the date with the pure rule (server/domain/special/sva-svr.ts) and write it when it changed.
 * Used by the operations (submission, re-submission, the daily job) and by the reaction to
 * correction requests, so that the date shown is always the one the job will act on.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  type CorrectionSpan,
  type SvaSvrConfiguration,
  parisDay,
  readSvaSvr,
  svaSvrDecisionDate,
  svaSvrEnabled,
} from "../domain/special/sva-svr";
import type { DbOrTx } from "./client";
import { demarches, dossierCorrections, dossiers } from "./schema";

export interface SvaSvrDossierFacts {
  id: number;
  deposeAt: Date | null;
  svaSvrDecisionOn: string | null;
}

/** Correction spans of these dossiers, by dossier id (days in Paris). */
export async function correctionSpans(db: DbOrTx, dossierIds: readonly number[]): Promise<Map<number, CorrectionSpan[]>> {
  const byDossier = new Map<number, CorrectionSpan[]>();
  if (dossierIds.length === 0) return byDossier;
  const rows = await db
    .select({
      dossierId: dossierCorrections.dossierId,
      createdAt: dossierCorrections.createdAt,
      resolvedAt: dossierCorrections.resolvedAt,
      reason: dossierCorrections.reason,
    })
    .from(dossierCorrections)
    .where(inArray(dossierCorrections.dossierId, [...dossierIds]))
    .orderBy(asc(dossierCorrections.id));
  for (const row of rows) {
    const spans = byDossier.get(row.dossierId) ?? [];
    spans.push({
      createdOn: parisDay(row.createdAt),
      resolvedOn: row.resolvedAt ? parisDay(row.resolvedAt) : null,
      reason: row.reason,
    });
    byDossier.set(row.dossierId, spans);
  }
  return byDossier;
}

/**
 * The date a dossier should have now, or its current one when it is not computed: dossiers
 * submitted before the démarche became SVA/SVR (no date, deposited another day) keep none, as the reference.
 */
export function expectedDecisionDate(
  config: SvaSvrConfiguration,
  dossier: SvaSvrDossierFacts,
  corrections: readonly CorrectionSpan[],
  today: string,
): string | null {
  if (!svaSvrEnabled(config) || dossier.deposeAt === null) return dossier.svaSvrDecisionOn;
  const deposeOn = parisDay(dossier.deposeAt);
  if (dossier.svaSvrDecisionOn === null && deposeOn !== today) return null;
  return svaSvrDecisionDate({ config, deposeOn, corrections, today });
}

/** Recomputes and stores one dossier's date (in the caller's transaction); returns it. */
export async function refreshSvaSvrDate(db: DbOrTx, dossierId: number, now: Date = new Date()): Promise<string | null> {
  const [row] = await db
    .select({
      id: dossiers.id,
      state: dossiers.state,
      deposeAt: dossiers.deposeAt,
      svaSvrDecisionOn: dossiers.svaSvrDecisionOn,
      triggeredAt: dossiers.svaSvrDecisionTriggeredAt,
      svaSvr: demarches.svaSvr,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(eq(dossiers.id, dossierId));
  if (!row) return null;
  const config = readSvaSvr(row.svaSvr);
  if (!svaSvrEnabled(config) || row.triggeredAt !== null) return row.svaSvrDecisionOn;
  if (row.state !== "en_construction" && row.state !== "en_instruction") return row.svaSvrDecisionOn;
  const spans = (await correctionSpans(db, [dossierId])).get(dossierId) ?? [];
  const date = expectedDecisionDate(config, row, spans, parisDay(now));
  if (date !== row.svaSvrDecisionOn) {
    await db
      .update(dossiers)
      .set({ svaSvrDecisionOn: date })
      .where(and(eq(dossiers.id, dossierId), sql`${dossiers.svaSvrDecisionTriggeredAt} is null`));
  }
  return date;
}
