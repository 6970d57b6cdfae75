/**
 * Shared by the account tests: deliver the queued mails into the local mailbox (through the real
 * send-mail job and templates) and read the links they contain.
 */
import { asc, eq, sql } from "drizzle-orm";
import { Logger } from "graphile-worker";
import type { Db } from "../../../server/db/client";
import { mailboxMessages } from "../../../server/db/schema";
import { createMailer } from "../../../server/integrations/mailer";
import { runJobsOnce } from "../../../server/jobs/worker";
import { logger } from "../../../server/logger";
import type { TestDatabase } from "../../support/database";

const silentWorkerLogger = new Logger(() => () => undefined);

export async function deliverMails(database: TestDatabase) {
  const config = { ...database.config, smtpUrl: undefined };
  const services = {
    config,
    db: database.db,
    logger: logger.child({}, { level: "silent" }),
    mailer: createMailer(config, database.db),
  };
  await runJobsOnce(database, services, silentWorkerLogger);
}

export async function mailsTo(db: Db, to: string) {
  return db.select().from(mailboxMessages).where(eq(mailboxMessages.to, to)).orderBy(asc(mailboxMessages.id));
}

/** Mail jobs still waiting (their template names), to check what an operation queued. */
export async function queuedMailTemplates(db: Db, to?: string): Promise<string[]> {
  const result = await db.execute<{ template: string }>(sql`
    select j.payload->>'template' as template
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'send-mail' and (${to ?? null}::text is null or j.payload->>'to' = ${to ?? null}::text)
    order by j.id`);
  return result.rows.map((r) => r.template);
}

/** The path and query of the first link of the mail to this path ("/users/confirmation"…), or throws. */
export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://[^\\s/]+${path.replace(/\//g, "\\/")}(\\?[^\\s]*)?`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

export function tokenOf(link: string): string {
  const token = new URL(link, "http://x").searchParams.get("token");
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export const GOOD_PASSWORD = "correct horse battery staple";
