/**
 * Exactly-once delivery of a job's mail, as far as the mailer allows: a job run again (its worker
 * died, or it failed after the mail was out) finds its delivery recorded and sends nothing.
 * - local mailbox: the mail row and the record are written in one transaction: exactly once;
 * - SMTP: recorded right after the server accepted the mail; only a crash between the two (a few
 *   milliseconds) can send it twice — a mail lost is worse than a mail twice.
 */
import { eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client";
import { mailDeliveries } from "../db/schema";
import type { Mailer } from "../integrations/mailer";
import type { MailContent } from "./layout";

/** Sends the mail unless this job already did; returns false when it had. */
export async function deliverOnce(db: Db, mailer: Mailer, jobId: string, message: MailContent & { to: string }) {
  if (mailer.kind === "local") {
    return db.transaction(async (tx) => {
      if (!(await claim(tx, jobId))) return false;
      await mailer.send(message, tx);
      return true;
    });
  }
  if (await isDelivered(db, jobId)) return false;
  await mailer.send(message);
  await claim(db, jobId);
  return true;
}

async function claim(db: DbOrTx, jobId: string): Promise<boolean> {
  const rows = await db.insert(mailDeliveries).values({ jobId }).onConflictDoNothing().returning({ jobId: mailDeliveries.jobId });
  return rows.length > 0;
}

async function isDelivered(db: DbOrTx, jobId: string): Promise<boolean> {
  const rows = await db
    .select({ jobId: mailDeliveries.jobId })
    .from(mailDeliveries)
    .where(eq(mailDeliveries.jobId, jobId))
    .limit(1);
  return rows.length > 0;
}

/** Records older than any retry of their job can be (graphile-worker retries within about a day). */
export async function purgeOldDeliveries(db: DbOrTx, olderThanDays = 30): Promise<number> {
  const rows = await db
    .delete(mailDeliveries)
    .where(lt(mailDeliveries.sentAt, sql`now() - make_interval(days => ${olderThanDays})`))
    .returning({ jobId: mailDeliveries.jobId });
  return rows.length;
}
