/**
 * Test support for webhooks: a local HTTP receiver that checks signatures as the docs tell
 * integrators to (node:crypto, independent of the server's code), and a drain that runs the queued
 * webhook jobs as a worker would, ignoring their run_at (a retry's backoff "has passed").
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { Config } from "../../../server/config";
import type { Db } from "../../../server/db/client";
import { createMailer } from "../../../server/integrations/mailer";
import { JOBS } from "../../../server/jobs/registry";
import { logger } from "../../../server/logger";

export interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  secret: string;
  close(): Promise<void>;
}

/** The documented check: HMAC-SHA256(secret, `${timestamp}.${body}`), timestamp within 5 minutes. */
export function validSignature(secret: string, headers: IncomingMessage["headers"], body: string): boolean {
  const timestamp = String(headers["x-guichet-timestamp"] ?? "");
  const signature = String(headers["x-guichet-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

/** A receiver answering `answer(n)` to its n-th request (0-based); `hang` never answers. */
export async function startReceiver(answer: (n: number) => number | "hang" = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const receiver: Receiver = { url: "", received, secret: "", close: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = answer(received.length);
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, body, status: status === "hang" ? 0 : status });
      if (status === "hang") {
        hanging.push(response);
        return;
      }
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "erreur");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

export function webhookConfig(config: Config, webhooks: Partial<Config["webhooks"]>): Config {
  return { ...config, webhooks: { ...config.webhooks, ...webhooks } };
}

/** Runs queued jobs of these tasks, oldest first, until none is left; returns how many ran. */
export async function drainJobs(db: Db, config: Config, tasks: readonly ("deliver-webhooks" | "legacy-web-hook")[]) {
  const services = { config, db, logger: logger.child({}, { level: "silent" }), mailer: createMailer(config, db) };
  let ran = 0;
  for (let round = 0; round < 500; round++) {
    const { rows } = await db.execute<{ id: string; task: string; payload: unknown }>(sql`
      select j.id::text as id, t.identifier as task, j.payload
      from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = any(${sql.raw(`array[${tasks.map((t) => `'${t}'`).join(",")}]`)})
      order by j.id limit 1`);
    const job = rows[0];
    if (!job) return ran;
    await db.execute(sql`delete from graphile_worker._private_jobs where id = ${job.id}::bigint`);
    const definition = JOBS[job.task as "deliver-webhooks"];
    await (definition.run as (p: unknown, s: typeof services, j: { id: string }) => Promise<void>)(
      definition.payload.parse(job.payload),
      services,
      { id: job.id },
    );
    ran++;
  }
  throw new Error("webhook jobs never drained");
}
