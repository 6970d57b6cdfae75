/** The daily conservation passes in order (server/jobs/dossier-expiry.job.ts): notices, expiry, purge. */
import type { Db } from "../../db/client";
import type { Storage } from "../../integrations/storage";
import { expireDossiers } from "./expire-dossiers";
import { purgeDossiers } from "./purge-dossiers";
import { sendExpiryNotices } from "./send-expiry-notices";

export async function runDailyExpiry(db: Db, storage: Storage | null, now: Date = new Date()) {
  const notices = await sendExpiryNotices(db, now);
  const expired = await expireDossiers(db, now);
  const purged = await purgeDossiers(db, storage, now);
  return { notices, expired, purged };
}
