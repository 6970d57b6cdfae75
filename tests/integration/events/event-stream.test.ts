import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, events } from "../../../server/db/schema";
import { InvalidEventPayloadError, recordEvent } from "../../../server/events/record-event";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const mailJobs = async (dossierId: number) =>
  (
    await database.db.execute(
      sql`select j.payload->>'template' as template from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'send-mail' and (j.payload->'params'->>'dossierNumber')::int = ${dossierId}
          order by j.id`,
    )
  ).rows.map((row) => (row as { template: string }).template);

const eventsOf = (dossierId: number) =>
  database.db
    .select({ kind: events.kind, actor: events.actor, payload: events.payload })
    .from(events)
    .where(eq(events.dossierId, dossierId))
    .orderBy(asc(events.id));

async function setup() {
  const { demarche, instructeurs } = await buildDemarche(database.db, { champs: [{ type: "text", libelle: "Nom" }] });
  const { dossierId } = await buildDossier(database.db, { demarche, state: "en_construction" });
  const instructeur = instructeurs[0] as { userId: number; instructeurId: number; email: string };
  return { demarche, dossierId, actor: { ...instructeur } };
}

describe("domain event stream", () => {
  it("records one event per state change, and the usager's e-mail is its reaction", async () => {
    const { dossierId, actor } = await setup();
    const before = await mailJobs(dossierId);
    await passerEnInstruction(database.db, actor, dossierId);
    await accepterDossier(database.db, actor, dossierId, "Complet");

    const recorded = await eventsOf(dossierId);
    expect(recorded.map((e) => [e.kind, e.actor])).toEqual(
      expect.arrayContaining([
        ["dossier.passe_en_instruction", "instructeur"],
        ["dossier.suivi", "instructeur"],
        ["dossier.accepte", "instructeur"],
      ]),
    );
    expect(recorded.find((e) => e.kind === "dossier.accepte")?.payload).toMatchObject({
      from: "en_instruction",
      to: "accepte",
      motivation: "Complet",
    });
    // Exactly one mail per mailed event, no more.
    expect((await mailJobs(dossierId)).slice(before.length)).toEqual(["dossier_passe_en_instruction", "dossier_accepte"]);
  });

  it("records nothing, and sends nothing, for a refused transition", async () => {
    const { dossierId, actor } = await setup();
    const countBefore = (await eventsOf(dossierId)).length;
    const mailsBefore = (await mailJobs(dossierId)).length;
    expect(await accepterDossier(database.db, actor, dossierId)).toMatchObject({ ok: false });
    expect(await eventsOf(dossierId)).toHaveLength(countBefore);
    expect(await mailJobs(dossierId)).toHaveLength(mailsBefore);
  });

  it("records follow and unfollow only when they change something", async () => {
    const { dossierId, actor } = await setup();
    const follower = { instructeurId: actor.instructeurId, userId: actor.userId };
    await followDossier(database.db, follower, dossierId, true);
    await followDossier(database.db, follower, dossierId, true);
    await followDossier(database.db, follower, dossierId, false);
    await followDossier(database.db, follower, dossierId, false);
    expect((await eventsOf(dossierId)).map((e) => e.kind).filter((k) => k.includes("suivi"))).toEqual([
      "dossier.suivi",
      "dossier.plus_suivi",
    ]);
  });

  it("refuses a payload its kind does not declare, rolling the change back", async () => {
    const { dossierId, demarche } = await setup();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(dossiers).set({ motivation: "rolled back" }).where(eq(dossiers.id, dossierId));
        await recordEvent(tx, {
          kind: "dossier.suivi",
          demarcheId: demarche.id,
          dossierId,
          actor: "system",
          actorUserId: null,
          payload: { instructeurId: "nope" as unknown as number },
        });
      }),
    ).rejects.toBeInstanceOf(InvalidEventPayloadError);
    const [row] = await database.db.select({ motivation: dossiers.motivation }).from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.motivation).not.toBe("rolled back");
  });
});
