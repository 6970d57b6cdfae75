import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, events, webhookDeliveries, webhookSubscriptions } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { replayDelivery } from "../../../server/operations/webhooks/replay-deliveries";
import {
  createSubscription,
  deleteSubscription,
  updateSubscription,
} from "../../../server/operations/webhooks/save-subscription";
import { setWebHookUrl } from "../../../server/operations/webhooks/set-web-hook-url";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { drainJobs, startReceiver, validSignature, webhookConfig } from "./support";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const built = await buildDemarche(database.db);
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId, allowPrivate: true };
  return { ...built, actor: admin };
}

describe("webhook subscriptions", () => {
  it("delivers every event once, signed, in order per dossier, through a receiver failing for a while", async () => {
    const { db } = database;
    // The first five requests fail with 500, then the receiver recovers.
    const receiver = await startReceiver((n) => (n < 5 ? 500 : 200));
    try {
      const { demarche, actor } = await setup();
      const created = await createSubscription(db, actor, demarche.id, { url: receiver.url, kinds: [] });
      if (!created.ok) throw new Error(JSON.stringify(created.refusals));
      expect(created.secret).toMatch(/^whsec_/);

      // The usagers' and instructeurs' actions succeed while the receiver is failing.
      const first = await buildDossier(db, { demarche, state: "accepte" });
      const second = await buildDossier(db, { demarche, state: "refuse" });
      const config = webhookConfig(database.config, { allowPrivateNetworks: true });
      await drainJobs(db, config, ["deliver-webhooks"]);

      expect(receiver.received.filter((r) => r.status === 500)).toHaveLength(5);
      for (const request of receiver.received) expect(validSignature(created.secret, request.headers, request.body)).toBe(true);
      const answered = receiver.received.filter((r) => r.status === 200).map((r) => JSON.parse(r.body));
      // The subscription's own creation is an event of the démarche, delivered too.
      expect(answered.filter((d) => d.event.dossier === null).map((d) => d.event.kind)).toEqual(["demarche.webhooks_modifies"]);
      const delivered = answered.filter((d) => d.event.dossier !== null);
      const recorded = await db
        .select({ id: events.id, kind: events.kind, dossierId: events.dossierId })
        .from(events)
        .where(and(eq(events.demarcheId, demarche.id), inArray(events.dossierId, [first.dossierId, second.dossierId])))
        .orderBy(events.id);
      // Every event of the two dossiers, exactly once.
      expect(delivered.map((d) => d.event.id).sort((a, b) => a - b)).toEqual(recorded.map((e) => e.id));
      expect(recorded.map((e) => e.kind)).toEqual(
        expect.arrayContaining(["dossier.depose", "dossier.accepte", "dossier.refuse"]),
      );
      // In order per dossier.
      for (const dossierId of [first.dossierId, second.dossierId]) {
        const ids = delivered.filter((d) => d.event.dossier?.number === dossierId).map((d) => d.event.id);
        expect(ids).toEqual(recorded.filter((e) => e.dossierId === dossierId).map((e) => e.id));
      }
      const log = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, created.subscriptionId));
      expect(log.every((d) => d.status === "delivered" && d.responseCode === 200)).toBe(true);
      expect(log.reduce((n, d) => n + d.attempts, 0)).toBe(recorded.length + 1 + 5);
      expect(delivered[0].event.kind).toBe(receiver.received.find((r) => r.status === 200)?.headers["x-guichet-event"]);
    } finally {
      await receiver.close();
    }
  });

  it("sends only the chosen kinds, and nothing while disabled until enabled again", async () => {
    const { db } = database;
    const receiver = await startReceiver();
    try {
      const { demarche, actor } = await setup();
      const created = await createSubscription(db, actor, demarche.id, { url: receiver.url, kinds: ["dossier.accepte"] });
      if (!created.ok) throw new Error("refused");
      const config = webhookConfig(database.config, { allowPrivateNetworks: true });
      const { dossierId } = await buildDossier(db, { demarche, state: "accepte" });
      await drainJobs(db, config, ["deliver-webhooks"]);
      expect(receiver.received.map((r) => JSON.parse(r.body).event.kind)).toEqual(["dossier.accepte"]);
      expect(JSON.parse(receiver.received[0]?.body ?? "{}").event.dossier).toEqual({ number: dossierId });

      const paused = await updateSubscription(db, actor, demarche.id, created.subscriptionId, {
        url: receiver.url,
        kinds: ["dossier.refuse"],
        enabled: false,
      });
      expect(paused.ok).toBe(true);
      await buildDossier(db, { demarche, state: "refuse" });
      await drainJobs(db, config, ["deliver-webhooks"]);
      expect(receiver.received).toHaveLength(1);
      const resumed = await updateSubscription(db, actor, demarche.id, created.subscriptionId, {
        url: receiver.url,
        kinds: ["dossier.refuse"],
        enabled: true,
      });
      expect(resumed.ok).toBe(true);
      await buildDossier(db, { demarche, state: "refuse" });
      await drainJobs(db, config, ["deliver-webhooks"]);
      expect(receiver.received.map((r) => JSON.parse(r.body).event.kind)).toEqual(["dossier.accepte", "dossier.refuse"]);
    } finally {
      await receiver.close();
    }
  });

  it("records a timeout and schedules a retry later, without blocking the action", async () => {
    const { db } = database;
    const receiver = await startReceiver(() => "hang");
    try {
      const { demarche, actor } = await setup();
      const created = await createSubscription(db, actor, demarche.id, { url: receiver.url, kinds: ["dossier.depose"] });
      if (!created.ok) throw new Error("refused");
      await buildDossier(db, { demarche, state: "en_construction" });
      const config = webhookConfig(database.config, { allowPrivateNetworks: true, timeoutMs: 200 });
      const ran = await runOnce(config);
      expect(ran).toBe(1);
      const [delivery] = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.subscriptionId, created.subscriptionId));
      expect(delivery).toMatchObject({ status: "pending", attempts: 1, error: "timeout", responseCode: null });
      const { rows } = await db.execute<{ later: boolean }>(sql`
        select j.run_at > now() + interval '20 seconds' as later from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'deliver-webhooks'`);
      expect(rows).toEqual([{ later: true }]);
    } finally {
      await receiver.close();
    }

    async function runOnce(config: Parameters<typeof drainJobs>[1]) {
      // One run only: the retry stays queued for later.
      const { rows } = await db.execute<{ id: string; payload: { subscriptionId: number; dossierId: number } }>(sql`
        select j.id::text as id, j.payload from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'deliver-webhooks' order by j.id`);
      const { JOBS } = await import("../../../server/jobs/registry");
      const { createMailer } = await import("../../../server/integrations/mailer");
      const { logger } = await import("../../../server/logger");
      for (const row of rows) {
        await db.execute(sql`delete from graphile_worker._private_jobs where id = ${row.id}::bigint`);
        await JOBS["deliver-webhooks"].run(row.payload, {
          config,
          db,
          logger: logger.child({}, { level: "silent" }),
          mailer: createMailer(config, db),
        });
      }
      return rows.length;
    }
  });

  it("refuses private, loopback and link-local URLs when saved and when delivering", async () => {
    const { db } = database;
    const { demarche, actor } = await setup();
    const strict = { ...actor, allowPrivate: false };
    for (const [url, code] of [
      ["http://127.0.0.1:8080/hook", "url_private_address"],
      ["http://localhost/hook", "url_private_address"],
      ["http://169.254.169.254/latest/meta-data", "url_private_address"],
      ["http://[::1]/", "url_private_address"],
      ["http://10.0.0.1/", "url_private_address"],
      ["ftp://example.org/", "url_protocol"],
      ["https://user:pass@example.org/", "url_credentials"],
      ["pas une adresse", "url_invalid"],
    ]) {
      const result = await createSubscription(db, strict, demarche.id, { url, kinds: [] });
      expect(result, url).toEqual({ ok: false, refusals: [{ code, field: "url" }] });
    }
    expect(await setWebHookUrl(db, strict, demarche.id, "http://127.0.0.1/")).toEqual({
      ok: false,
      refusals: [{ code: "url_private_address", field: "webHookUrl" }],
    });
    const rows = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.demarcheId, demarche.id));
    expect(rows).toEqual([]);

    // Saved while allowed, delivered when no longer allowed: refused at delivery, nothing sent.
    const receiver = await startReceiver();
    try {
      const created = await createSubscription(db, actor, demarche.id, { url: receiver.url, kinds: ["dossier.depose"] });
      if (!created.ok) throw new Error("refused");
      await buildDossier(db, { demarche, state: "en_construction" });
      await drainJobs(db, webhookConfig(database.config, { allowPrivateNetworks: false }), ["deliver-webhooks"]).catch(() => 0);
      expect(receiver.received).toEqual([]);
      const [delivery] = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.subscriptionId, created.subscriptionId));
      expect(delivery?.error).toBe("private_address");
    } finally {
      await receiver.close();
    }
  });

  it("replays a delivery as a new entry of the log", async () => {
    const { db } = database;
    const receiver = await startReceiver();
    try {
      const { demarche, actor } = await setup();
      const created = await createSubscription(db, actor, demarche.id, { url: receiver.url, kinds: ["dossier.depose"] });
      if (!created.ok) throw new Error("refused");
      await buildDossier(db, { demarche, state: "en_construction" });
      const config = webhookConfig(database.config, { allowPrivateNetworks: true });
      await drainJobs(db, config, ["deliver-webhooks"]);
      const [original] = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.subscriptionId, created.subscriptionId));
      await replayDelivery(db, actor, demarche.id, original?.id as number);
      await drainJobs(db, config, ["deliver-webhooks"]);
      expect(receiver.received).toHaveLength(2);
      expect(JSON.parse(receiver.received[1]?.body ?? "{}").event.id).toBe(original?.eventId);
      const log = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.subscriptionId, created.subscriptionId))
        .orderBy(webhookDeliveries.id);
      expect(log.map((d) => [d.replayOf, d.status])).toEqual([
        [null, "delivered"],
        [original?.id, "delivered"],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("gives another administrateur a 404 and changes nothing", async () => {
    const { db } = database;
    const { demarche, actor } = await setup();
    const created = await createSubscription(db, actor, demarche.id, { url: "http://127.0.0.1:9/hook", kinds: [] });
    if (!created.ok) throw new Error("refused");
    const other = await buildUser(db, ["administrateur"]);
    const intruder = { administrateurId: other.administrateurId as number, userId: other.userId, allowPrivate: true };
    await expect(createSubscription(db, intruder, demarche.id, { url: "http://127.0.0.1:9/x", kinds: [] })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      updateSubscription(db, intruder, demarche.id, created.subscriptionId, { url: "http://127.0.0.1:9/x", kinds: [] }),
    ).rejects.toThrow(NotFoundError);
    await expect(deleteSubscription(db, intruder, demarche.id, created.subscriptionId)).rejects.toThrow(NotFoundError);
    await expect(setWebHookUrl(db, intruder, demarche.id, "http://127.0.0.1:9/x")).rejects.toThrow(NotFoundError);
    // A subscription of another démarche, through one's own démarche: 404 too.
    const own = await buildDemarche(db, { administrateurEmail: other.email });
    await expect(deleteSubscription(db, intruder, own.demarche.id, created.subscriptionId)).rejects.toThrow(NotFoundError);
    const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, created.subscriptionId));
    expect(row?.url).toBe("http://127.0.0.1:9/hook");
    const [settings] = await db.select({ url: demarches.webHookUrl }).from(demarches).where(eq(demarches.id, demarche.id));
    expect(settings?.url).toBeNull();
  });
});

describe("the reference's web_hook_url", () => {
  it("posts the form {procedure_id, dossier_id, state, updated_at} on each state change", async () => {
    const { db } = database;
    const receiver = await startReceiver((n) => (n === 0 ? 500 : 200));
    try {
      const { demarche, actor } = await setup();
      expect(await setWebHookUrl(db, actor, demarche.id, receiver.url)).toEqual({ ok: true });
      const { dossierId } = await buildDossier(db, { demarche, state: "accepte" });
      await drainJobs(db, webhookConfig(database.config, { allowPrivateNetworks: true }), ["legacy-web-hook"]);
      const forms = receiver.received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
      expect(forms.map((f) => f.state)).toEqual(["en_construction", "en_instruction", "accepte"]);
      for (const form of forms) {
        expect(form).toMatchObject({ procedure_id: String(demarche.id), dossier_id: String(dossierId) });
        expect(form.updated_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
      }
      expect(receiver.received[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      // The failure is logged, not retried (as the reference).
      const log = await db
        .select({ status: webhookDeliveries.status, code: webhookDeliveries.responseCode })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.demarcheId, demarche.id), isNull(webhookDeliveries.subscriptionId)))
        .orderBy(webhookDeliveries.id);
      expect(log).toEqual([
        { status: "failed", code: 500 },
        { status: "delivered", code: 200 },
        { status: "delivered", code: 200 },
      ]);
    } finally {
      await receiver.close();
    }
  });
});
