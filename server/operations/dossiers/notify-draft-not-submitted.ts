/**
 * The reference's `Cron::NotifyDraftNotSubmittedJob` (weekdays, 07:00 Paris) and
 * `Dossier.brouillon_near_procedure_closing_date`: the brouillons of a published démarche closing
 * in two days (Paris days), whose owner has submitted no dossier on that démarche, are reminded.
 * Each reminder is a `dossier.rappel_brouillon_avant_fermeture` event (its reaction e-mails the
 * owner); a dossier already reminded is never reminded again, so a re-run sends nothing twice.
 */
import { and, eq, isNotNull, isNull, ne, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { demarches, dossiers, events } from "../../db/schema";
import { draftReminderClosingDay } from "../../domain/demarches/lifecycle";
import { recordEvent } from "../../events/record-event";

export const DRAFT_REMINDER_KIND = "dossier.rappel_brouillon_avant_fermeture" as const;

const BATCH = 500;

export async function notifyDraftNotSubmitted(db: Db, now = new Date()): Promise<{ reminded: number }> {
  const closingOn = draftReminderClosingDay(now);
  const submitted = alias(dossiers, "submitted");
  let reminded = 0;
  let afterId = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: dossiers.id, demarcheId: dossiers.demarcheId })
        .from(dossiers)
        .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
        .where(
          and(
            sql`${dossiers.id} > ${afterId}`,
            eq(dossiers.state, "brouillon"),
            eq(dossiers.forTest, false),
            isNotNull(dossiers.userId),
            isNull(dossiers.hiddenByUserAt),
            isNull(dossiers.hiddenByAdministrationAt),
            eq(demarches.state, "publiee"),
            isNull(demarches.hiddenAt),
            eq(demarches.autoArchiveOn, closingOn),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(submitted)
                .where(
                  and(
                    eq(submitted.demarcheId, dossiers.demarcheId),
                    eq(submitted.userId, dossiers.userId),
                    ne(submitted.state, "brouillon"),
                  ),
                ),
            ),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(events)
                .where(and(eq(events.dossierId, dossiers.id), eq(events.kind, DRAFT_REMINDER_KIND))),
            ),
          ),
        )
        .orderBy(dossiers.id)
        .limit(BATCH)
        .for("update", { of: dossiers, skipLocked: true });
      for (const dossier of due) {
        await recordEvent(tx, {
          kind: DRAFT_REMINDER_KIND,
          demarcheId: dossier.demarcheId,
          dossierId: dossier.id,
          actor: "system",
          actorUserId: null,
          payload: { closingOn },
        });
      }
      return due;
    });
    reminded += batch.length;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return { reminded };
    afterId = last.id;
  }
}
