/**
 * The démarche lifecycle's jobs: the closing-date cron (the reference's `AutoArchiveProcedureJob`,
 * every 10 minutes here), the passage en instruction of a closed démarche's dossiers en
 * construction (`AutoArchiveProcedureDossiersJob`), the closing e-mails to usagers
 * (`SendClosingNotificationJob`), and the daily emptying of the corbeille
 * (`DiscardedProceduresDeletionJob`, 00:45 Paris ≈ 23:45 UTC), the reminder of brouillons not submitted
 * two days before the closing date (`NotifyDraftNotSubmittedJob`, weekdays 07:00 Paris ≈ 06:00 UTC).
 */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZCron = z
  .object({
    _cron: z.object({ ts: z.string() }).passthrough().optional(),
    /** For tests: the instant to decide for. */
    at: z.string().datetime().optional(),
  })
  .passthrough();

export const autoCloseDemarchesJob = {
  payload: ZCron,
  async run(payload, { db, logger }) {
    // Imported when run: the operations enqueue jobs through the registry that lists this one.
    const { autoCloseDemarches } = await import("../operations/demarches/auto-close-demarches");
    const outcome = await autoCloseDemarches(db, new Date(payload.at ?? Date.now()));
    if (outcome.closed.length > 0) logger.info(outcome, "démarches closed on their closing date");
  },
} satisfies JobDefinition<typeof ZCron>;

const ZAutoInstruct = z.object({ demarcheId: z.number().int(), afterId: z.number().int().default(0) });

/** Batches per run: a large démarche is several short jobs. */
const BATCHES_PER_RUN = 20;

export const autoInstructDossiersJob = {
  payload: ZAutoInstruct,
  async run({ demarcheId, afterId }, { db }) {
    const { autoInstructBatch } = await import("../operations/demarches/auto-close-demarches");
    const { enqueueJob } = await import("./enqueue");
    let cursor = afterId;
    for (let i = 0; i < BATCHES_PER_RUN; i++) {
      const next = await autoInstructBatch(db, demarcheId, cursor);
      if (next === null) return;
      cursor = next;
    }
    await enqueueJob(db, "auto-instruct-dossiers", { demarcheId, afterId: cursor });
  },
} satisfies JobDefinition<typeof ZAutoInstruct>;

const ZClosingNotification = z.object({ demarcheId: z.number().int() });

export const closingNotificationJob = {
  payload: ZClosingNotification,
  async run({ demarcheId }, { db, logger }) {
    const { sendClosingNotification } = await import("../operations/demarches/send-closing-notification");
    const outcome = await sendClosingNotification(db, demarcheId);
    logger.info({ demarcheId, ...outcome }, "closing notification");
  },
} satisfies JobDefinition<typeof ZClosingNotification>;

export const purgeDiscardedDemarchesJob = {
  payload: ZCron,
  async run(payload, { db, logger }) {
    const { purgeDiscardedDemarches } = await import("../operations/demarches/purge-discarded-demarches");
    const outcome = await purgeDiscardedDemarches(db, new Date(payload.at ?? Date.now()));
    if (outcome.deleted > 0) logger.info(outcome, "corbeille emptied");
  },
} satisfies JobDefinition<typeof ZCron>;

export const notifyDraftNotSubmittedJob = {
  payload: ZCron,
  async run(payload, { db, logger }) {
    const { notifyDraftNotSubmitted } = await import("../operations/dossiers/notify-draft-not-submitted");
    const outcome = await notifyDraftNotSubmitted(db, new Date(payload.at ?? payload._cron?.ts ?? Date.now()));
    if (outcome.reminded > 0) logger.info(outcome, "brouillons reminded before closing");
  },
} satisfies JobDefinition<typeof ZCron>;
