/**
 * Every background job: its payload schema and its handler. graphile-worker runs them, in the web
 * process in embedded mode or in `guichet worker` processes otherwise.
 */
import type { Task, TaskList } from "graphile-worker";
import type { z } from "zod";
import type { JobServices } from "./services";
import { batchOperationJob } from "./batch-operation.job";
import { batchOperationSweepJob } from "./batch-operation-sweep.job";
import { groupesImportSweepJob } from "./groupes-import-sweep.job";
import { generateArchiveJob } from "./generate-archive.job";
import { generateExportJob } from "./generate-export.job";
import { generateAttestationJob } from "./generate-attestation.job";
import { apiTokenExpiryJob } from "./api-token-expiry.job";
import { instructeurDigestJob } from "./instructeur-digest.job";
import { purgeAttachmentsJob } from "./purge-attachments.job";
import { purgeExpiredJob } from "./purge-expired.job";
import { purgeArchivesJob } from "./purge-archives.job";
import { purgeExportsJob } from "./purge-exports.job";
import { purgeStaleTransfersJob } from "./purge-stale-transfers.job";
import { sendMailJob } from "./send-mail.job";
import { notifyAddedInstructeursJob } from "./notify-added-instructeurs.job";
import { rerouteDossiersJob } from "./reroute-dossiers.job";
import { importGroupesJob } from "./import-groupes.job";
import { deliverWebhooksJob } from "./deliver-webhooks.job";
import { legacyWebHookJob } from "./legacy-web-hook.job";
import {
  autoCloseDemarchesJob,
  autoInstructDossiersJob,
  closingNotificationJob,
  notifyDraftNotSubmittedJob,
  purgeDiscardedDemarchesJob,
} from "./demarche-lifecycle.job";
import { stalledDeclarativeJob, svaSvrDailyJob } from "./special-procedures.job";
import { backfillEtablissementsJob, fetchEtablissementJob } from "./fetch-etablissement.job";
import { dossierExpiryJob } from "./dossier-expiry.job";
import { resetExpiringDossiersJob } from "./reset-expiring-dossiers.job";

/** The job being run: its id stays the same across its attempts (retries, runs after a dead worker). */
export interface JobRun {
  id: string;
}

export interface JobDefinition<S extends z.ZodType> {
  payload: S;
  run(payload: z.infer<S>, services: JobServices, job: JobRun): Promise<void>;
}

export const JOBS = {
  "send-mail": sendMailJob,
  "purge-expired": purgeExpiredJob,
  "purge-attachments": purgeAttachmentsJob,
  "instructeur-digest": instructeurDigestJob,
  "batch-operation": batchOperationJob,
  "batch-operation-sweep": batchOperationSweepJob,
  "groupes-import-sweep": groupesImportSweepJob,
  "generate-export": generateExportJob,
  "purge-exports": purgeExportsJob,
  "generate-archive": generateArchiveJob,
  "purge-archives": purgeArchivesJob,
  "api-token-expiry": apiTokenExpiryJob,
  "notify-added-instructeurs": notifyAddedInstructeursJob,
  "reroute-dossiers": rerouteDossiersJob,
  "import-groupes": importGroupesJob,
  "deliver-webhooks": deliverWebhooksJob,
  "legacy-web-hook": legacyWebHookJob,
  "auto-close-demarches": autoCloseDemarchesJob,
  "auto-instruct-dossiers": autoInstructDossiersJob,
  "closing-notification": closingNotificationJob,
  "purge-discarded-demarches": purgeDiscardedDemarchesJob,
  "notify-draft-not-submitted": notifyDraftNotSubmittedJob,
  "sva-svr-daily": svaSvrDailyJob,
  "stalled-declarative": stalledDeclarativeJob,
  "generate-attestation": generateAttestationJob,
  "purge-stale-transfers": purgeStaleTransfersJob,
  "fetch-etablissement": fetchEtablissementJob,
  "backfill-etablissements": backfillEtablissementsJob,
  "dossier-expiry": dossierExpiryJob,
  "reset-expiring-dossiers": resetExpiringDossiersJob,
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;

/**
 * Recurring jobs, in graphile-worker's crontab syntax (UTC). The instructeurs' daily digest runs on
 * weekdays at 08:00 UTC (09:00 in Paris in winter, as the reference), the weekly overview on
 * Mondays at 03:05 UTC; graphile-worker schedules each tick once across workers, and the digest
 * itself sends each mail once per period (`digest_deliveries`). SVA/SVR decisions at 00:15 UTC
 * (01:15 in Paris in winter, as the reference), brouillons not submitted reminded on weekdays at 06:00
 * UTC (07:00 in Paris in winter, as the reference), stalled declarative dossiers, stuck batches and stuck groupes imports every 10 minutes.
 */
export const CRONTAB = [
  "0 * * * * purge-expired ?max=1",
  "30 3 * * * purge-attachments ?max=1",
  "*/15 * * * * purge-exports ?max=1",
  "*/15 * * * * purge-archives ?max=1",
  '0 8 * * 1-5 instructeur-digest ?max=1&id=instructeur-digest-daily {"kind":"daily"}',
  '5 3 * * 1 instructeur-digest ?max=1&id=instructeur-digest-weekly {"kind":"weekly"}',
  "45 23 * * * api-token-expiry ?max=1",
  "*/10 * * * * auto-close-demarches ?max=1",
  "45 23 * * * purge-discarded-demarches ?max=1",
  "0 6 * * 1-5 notify-draft-not-submitted ?max=1",
  "15 0 * * * sva-svr-daily ?max=1",
  "*/10 * * * * stalled-declarative ?max=1",
  "*/10 * * * * batch-operation-sweep ?max=1",
  "*/10 * * * * groupes-import-sweep ?max=1",
  "0 0 * * * purge-stale-transfers ?max=1",
  "20 */2 * * * backfill-etablissements ?max=1",
  "0 1 * * * dossier-expiry ?max=1",
].join("\n");

export function buildTaskList(services: JobServices): TaskList {
  const list: TaskList = {};
  for (const [name, job] of Object.entries(JOBS) as Array<[JobName, JobDefinition<z.ZodType>]>) {
    const task: Task = async (raw, helpers) => {
      const parsed = job.payload.safeParse(raw);
      // A malformed payload can never succeed: log it and drop it instead of retrying forever.
      if (!parsed.success) {
        services.logger.error({ job: name, issues: parsed.error.issues }, "invalid job payload, dropped");
        return;
      }
      await job.run(parsed.data, services, { id: helpers.job.id });
    };
    list[name] = task;
  }
  return list;
}
