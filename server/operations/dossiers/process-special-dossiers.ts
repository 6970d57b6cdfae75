/**
 * The crons of the special procedures (reference §8): the daily SVA/SVR pass (`ProcedureProcessSVASVRJob`,
 * 01:15) and the re-processing of declarative dossiers missed at submission
 * (`StalledDeclarativeProceduresJob`, every 10 minutes). Dates are recomputed in bulk, a batch of
 * dossiers at a time; only dossiers that must change state get their own transaction, through
 * `processSpecialDossier` (so the traitement, the event and the e-mail follow as for a person's decision).
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { correctionSpans, expectedDecisionDate } from "../../db/sva-svr";
import { svaSvrEvent } from "../../domain/special/rules";
import { parisDay, readSvaSvr, svaSvrEnabled } from "../../domain/special/sva-svr";
import { processSpecialDossier } from "./process-special-dossier";

const BATCH = 2000;

export interface SvaSvrDailyReport {
  demarches: number;
  dossiers: number;
  datesUpdated: number;
  enInstruction: number;
  accepted: number;
  refused: number;
}

export async function processSvaSvrDaily(db: Db, now: Date = new Date()): Promise<SvaSvrDailyReport> {
  const today = parisDay(now);
  const report: SvaSvrDailyReport = { demarches: 0, dossiers: 0, datesUpdated: 0, enInstruction: 0, accepted: 0, refused: 0 };
  const candidates = await db
    .select({ id: demarches.id, svaSvr: demarches.svaSvr })
    .from(demarches)
    .where(sql`${demarches.svaSvr}->>'decision' in ('sva', 'svr')`)
    .orderBy(asc(demarches.id));
  for (const demarche of candidates) {
    const config = readSvaSvr(demarche.svaSvr);
    if (!svaSvrEnabled(config)) continue;
    report.demarches += 1;
    let after = 0;
    for (;;) {
      const rows = await db
        .select({
          id: dossiers.id,
          state: dossiers.state,
          deposeAt: dossiers.deposeAt,
          svaSvrDecisionOn: dossiers.svaSvrDecisionOn,
        })
        .from(dossiers)
        .where(
          and(
            eq(dossiers.demarcheId, demarche.id),
            gt(dossiers.id, after),
            inArray(dossiers.state, ["en_construction", "en_instruction"]),
            isNull(dossiers.svaSvrDecisionTriggeredAt),
            eq(dossiers.forTest, false),
          ),
        )
        .orderBy(asc(dossiers.id))
        .limit(BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      report.dossiers += rows.length;
      const spans = await correctionSpans(
        db,
        rows.map((r) => r.id),
      );
      const changedDates: Array<{ id: number; date: string | null }> = [];
      const toProcess: number[] = [];
      for (const row of rows) {
        const corrections = spans.get(row.id) ?? [];
        const date = expectedDecisionDate(config, row, corrections, today);
        if (date !== row.svaSvrDecisionOn) changedDates.push({ id: row.id, date });
        const event = svaSvrEvent({
          decision: config.decision,
          state: row.state,
          triggered: false,
          decisionOn: date,
          pendingCorrection: corrections.some((c) => c.resolvedOn === null),
          today,
        });
        if (event) toProcess.push(row.id);
      }
      report.datesUpdated += await writeDates(db, changedDates);
      for (const id of toProcess) {
        const outcome = await db.transaction((tx) => processSpecialDossier(tx, id, now));
        if (outcome === "passer_automatiquement_en_instruction") report.enInstruction += 1;
        else if (outcome === "accepter_automatiquement") report.accepted += 1;
        else if (outcome === "refuser_automatiquement") report.refused += 1;
      }
      if (rows.length < BATCH) break;
    }
  }
  return report;
}

/** One statement per batch: `update … from (values …)`, only for dossiers the platform has not decided. */
async function writeDates(db: Db, changes: ReadonlyArray<{ id: number; date: string | null }>): Promise<number> {
  if (changes.length === 0) return 0;
  const values = sql.join(
    changes.map((c) => sql`(${c.id}::int, ${c.date}::date)`),
    sql`, `,
  );
  await db.execute(
    sql`update ${dossiers} set sva_svr_decision_on = v.d from (values ${values}) as v(id, d)
        where ${dossiers.id} = v.id and ${dossiers.svaSvrDecisionTriggeredAt} is null`,
  );
  return changes.length;
}

/** Declarative dossiers still en construction (a submission whose processing failed): passed on now. */
export async function processStalledDeclarative(db: Db, now: Date = new Date(), limit = 1000): Promise<number> {
  const rows = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(
      and(
        isNotNull(demarches.declarativeWithState),
        eq(dossiers.state, "en_construction"),
        isNull(dossiers.declarativeTriggeredAt),
        eq(dossiers.forTest, false),
      ),
    )
    .orderBy(asc(dossiers.id))
    .limit(limit);
  let processed = 0;
  for (const { id } of rows) {
    if (await db.transaction((tx) => processSpecialDossier(tx, id, now))) processed += 1;
  }
  return processed;
}
