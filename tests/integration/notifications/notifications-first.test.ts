/**
 * The notifications-first sort reads `dossier_notifications`, kept by triggers (migration 0032):
 * a message, a correction request, an annotation or an avis answered by someone else sets the
 * instructeur's row, viewing the tab clears it, unfollowing drops the follower-only kinds, a new
 * member of the groupe gets the expiry warnings, the row's `updated_at` follows the dossier's —
 * and the list's order follows, page by page, in both directions, equal to the order computed
 * from the badges (`notificationBadges`, the reference rules).
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avis, dossierNotifications, dossiers, experts, expertsProcedures } from "../../../server/db/schema";
import { resolveSort, type SortChoice } from "../../../server/domain/instructeur-list/columns";
import type { InstructeurTab } from "../../../server/domain/instructeur-list/tabs";
import { answerAvis } from "../../../server/operations/avis/answer-avis";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { markDossierSeen } from "../../../server/operations/notifications/mark-dossier-seen";
import {
  listInstructeurDossiers,
  listQuery,
  parseNotificationsKey,
  sortKeyOf,
} from "../../../server/queries/instructeur/dossiers";
import type { DossierCursor } from "../../../server/queries/instructeur/cursor";
import { notificationBadges } from "../../../server/queries/instructeur/notifications";
import { assignToDefaultGroupe, buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const ALL_SECTIONS = ["demande", "annotations", "messagerie", "avis"] as const;
const sortNotifications = (order: "asc" | "desc"): SortChoice => resolveSort("notifications", order, []).sort;

async function setup(count: number) {
  const { db } = database;
  const built = await buildDemarche(db, {});
  const meUser = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
  const me = { userId: meUser.userId, instructeurId: meUser.instructeurId, email: meUser.email };
  const colleagueUser = await buildUser(db, ["instructeur"]);
  await assignToDefaultGroupe(db, built.demarche.id, colleagueUser.instructeurId as number);
  const colleague = {
    userId: colleagueUser.userId,
    instructeurId: colleagueUser.instructeurId as number,
    email: colleagueUser.email,
  };
  const created: Array<{ dossierId: number; usager: { userId: number; email: string } }> = [];
  for (let i = 0; i < count; i++) {
    const { dossierId, usager } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    await followDossier(db, me, dossierId, true);
    await markDossierSeen(db, me.instructeurId, dossierId, ALL_SECTIONS);
    created.push({ dossierId, usager: { userId: usager.userId, email: usager.email } });
  }
  return { built, me, colleague, created, ids: created.map((c) => c.dossierId) };
}

/** The instructeur's rows in the narrow table. */
async function rowsOf(instructeurId: number, demarcheId: number) {
  const rows = await database.db
    .select({ dossierId: dossierNotifications.dossierId })
    .from(dossierNotifications)
    .where(and(eq(dossierNotifications.instructeurId, instructeurId), eq(dossierNotifications.demarcheId, demarcheId)));
  return rows.map((r) => r.dossierId).sort((a, b) => a - b);
}

/** The dossiers with a badge from an event (all but « not taken in charge »), by the reference rules. */
async function eventBadged(instructeurId: number, ids: readonly number[]) {
  const badges = await notificationBadges(database.db, instructeurId, ids);
  return [...badges.entries()]
    .filter(([, types]) => types.some((t) => t !== "dossier_depose"))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

/** The expected order: a badge first (any, clock included), each part by update then number, descending. */
async function expectedOrder(instructeurId: number, ids: readonly number[], now: Date, order: "asc" | "desc") {
  const badges = await notificationBadges(database.db, instructeurId, ids, now);
  const rows = await database.db
    .select({ id: dossiers.id, updatedAt: dossiers.updatedAt })
    .from(dossiers)
    .where(sql`${dossiers.id} = any(${sql.raw(`array[${ids.join(",")}]::int[]`)})`);
  const at = new Map(rows.map((r) => [r.id, r.updatedAt.getTime()]));
  const desc = [...ids].sort(
    (a, b) => (badges.has(b) ? 1 : 0) - (badges.has(a) ? 1 : 0) || (at.get(b) ?? 0) - (at.get(a) ?? 0) || b - a,
  );
  return order === "desc" ? desc : desc.reverse();
}

/** Walks the whole list two rows a page, forwards then backwards from the end, through the cursors. */
async function walk(input: { instructeurId: number; demarcheId: number; tab: InstructeurTab; now: Date }, order: "asc" | "desc") {
  const sort = sortNotifications(order);
  const base = { ...input, sort, filters: [], search: null, limit: 2 };
  const forward: number[] = [];
  let cursor: DossierCursor | null = null;
  const read = async (c: DossierCursor | null, limit = 2) =>
    (await database.db.execute<{ id: number; sort_value: string }>(listQuery({ ...base, limit, cursor: c }).query)).rows;
  for (let guard = 0; guard < 50; guard++) {
    const rows = await read(cursor);
    const page = rows.slice(0, 2);
    forward.push(...page.map((r) => Number(r.id)));
    const last = page[page.length - 1];
    if (rows.length <= 2 || !last) break;
    cursor = { direction: "after", sort: sortKeyOf(sort), value: last.sort_value, id: Number(last.id) };
  }
  // Backwards from past the last row: pages before it, put back in order.
  const backward: number[] = [];
  const lastRows = await read(null, 1000);
  const tail = lastRows[lastRows.length - 1];
  if (tail) {
    backward.unshift(Number(tail.id));
    cursor = { direction: "before", sort: sortKeyOf(sort), value: tail.sort_value, id: Number(tail.id) };
    for (let guard = 0; guard < 50; guard++) {
      const rows = await read(cursor);
      const page = rows.slice(0, 2).reverse();
      backward.unshift(...page.map((r) => Number(r.id)));
      const first = page[0];
      if (rows.length <= 2 || !first) break;
      cursor = { direction: "before", sort: sortKeyOf(sort), value: first.sort_value, id: Number(first.id) };
    }
  }
  return { forward, backward };
}

describe("dossier_notifications maintenance", () => {
  it("a message, a correction request and an avis answered set the row; seeing the tab clears it; the order follows", async () => {
    const { db } = database;
    const { built, me, colleague, created, ids } = await setup(5);
    const demarcheId = built.demarche.id;
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([]);
    const list = async () =>
      (
        await listInstructeurDossiers(db, {
          instructeurId: me.instructeurId,
          demarcheId,
          tab: "suivis",
          sort: sortNotifications("desc"),
          filters: [],
          search: null,
          cursor: null,
        })
      ).ids;
    const [d0, d1, d2, d3] = ids as [number, number, number, number];

    // A message of the usager.
    const usager = (created[1] as (typeof created)[number]).usager;
    expect(await sendMessage(db, { kind: "usager", ...usager }, { dossierId: d1, body: "Une question" })).toMatchObject({
      ok: true,
    });
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([d1]);
    expect((await list())[0]).toBe(d1);

    // A correction request by a colleague (a message flagged as such).
    await followDossier(db, colleague, d2, true);
    expect(
      await sendMessage(
        db,
        { kind: "instructeur", ...colleague },
        { dossierId: d2, body: "Pièce illisible", correction: "incorrect" },
      ),
    ).toMatchObject({ ok: true });
    // Nothing for the colleague who wrote it.
    expect(await rowsOf(colleague.instructeurId, demarcheId)).toEqual([]);

    // An avis answered by an expert.
    await passerEnInstruction(db, me, d3);
    await markDossierSeen(db, me.instructeurId, d3, ALL_SECTIONS);
    const asked = await requestAvis(
      db,
      { kind: "instructeur", ...me, demarcheId, dossierId: d3 },
      {
        emails: "expert-notif@exemple.fr",
        introduction: "Votre avis ?",
        confidentiel: false,
        annotationsVisible: false,
        withQuestion: false,
        questionLabel: "",
        attachmentId: null,
        locale: "fr",
      },
    );
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect(await rowsOf(me.instructeurId, demarcheId)).not.toContain(d3);
    const avisId = asked.avisIds[0] as number;
    const [expert] = await db
      .select({ expertId: experts.id, userId: experts.userId })
      .from(avis)
      .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
      .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
      .where(eq(avis.id, avisId));
    expect(
      await answerAvis(db, expert as { expertId: number; userId: number }, avisId, {
        answer: "Favorable.",
        questionAnswer: "",
        attachmentId: null,
        removeAttachment: false,
      }),
    ).toMatchObject({ ok: true });

    const notified = [d1, d2, d3].sort((a, b) => a - b);
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual(notified);
    expect(await eventBadged(me.instructeurId, ids)).toEqual(notified);
    const now = new Date();
    expect(await list()).toEqual(await expectedOrder(me.instructeurId, ids, now, "desc"));
    expect(new Set((await list()).slice(0, 3))).toEqual(new Set(notified));

    // Seeing the messagerie clears the message's row: d1 goes back among the others.
    await markDossierSeen(db, me.instructeurId, d1, ["messagerie"]);
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([d2, d3].sort((a, b) => a - b));
    expect(new Set((await list()).slice(0, 2))).toEqual(new Set([d2, d3]));
    // Seeing another tab does not clear an avis: only the avis tab does.
    await markDossierSeen(db, me.instructeurId, d3, ["demande", "messagerie"]);
    expect(await rowsOf(me.instructeurId, demarcheId)).toContain(d3);
    await markDossierSeen(db, me.instructeurId, d3, ["avis"]);
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([d2]);

    // The row's copy of updated_at follows the dossier's: a notified dossier updated later stays first
    // of its part, and the order still equals the badges' order.
    await markDossierSeen(db, me.instructeurId, d1, ALL_SECTIONS);
    await db.execute(sql`update dossiers set updated_at = now() + interval '1 hour' where id = ${d0}`);
    await db.execute(sql`update dossiers set updated_at = now() + interval '2 hours' where id = ${d2}`);
    const [copy] = await db
      .select({ at: dossierNotifications.updatedAt })
      .from(dossierNotifications)
      .where(and(eq(dossierNotifications.instructeurId, me.instructeurId), eq(dossierNotifications.dossierId, d2)));
    const [real] = await db.select({ at: dossiers.updatedAt }).from(dossiers).where(eq(dossiers.id, d2));
    expect(copy?.at.getTime()).toBe(real?.at.getTime());
    expect(await list()).toEqual(await expectedOrder(me.instructeurId, ids, new Date(), "desc"));
    expect((await list())[0]).toBe(d2);
    expect((await list())[1]).toBe(d0);

    // Unfollowing drops the follower-only notifications.
    await followDossier(db, me, d2, false);
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([]);
  });

  it("expiry warnings and deletions reach every member, a new member included, but not the one who deleted", async () => {
    const { db } = database;
    const { built, me, colleague, ids } = await setup(2);
    const demarcheId = built.demarche.id;
    const [d0, d1] = ids as [number, number];
    for (const [kind, dossierId, actorUserId] of [
      ["dossier.expirant", d0, null],
      ["dossier.supprime", d1, colleague.userId],
    ] as const) {
      await db.execute(
        sql`insert into events (kind, demarche_id, dossier_id, actor, actor_user_id, payload) values (${kind}, ${demarcheId}, ${dossierId}, 'system', ${actorUserId}, '{}'::jsonb)`,
      );
    }
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([d0, d1].sort((a, b) => a - b));
    expect(await rowsOf(colleague.instructeurId, demarcheId)).toEqual([d0]);
    // The deletion clears once the demande is seen.
    await markDossierSeen(db, me.instructeurId, d1, ["demande"]);
    await markDossierSeen(db, me.instructeurId, d0, ALL_SECTIONS);
    // As the list's rule before this table (`dossier.expirant` with no seen check): kept first.
    expect(await rowsOf(me.instructeurId, demarcheId)).toEqual([d0]);

    const newcomer = await buildUser(db, ["instructeur"]);
    await assignToDefaultGroupe(db, demarcheId, newcomer.instructeurId as number);
    expect(await rowsOf(newcomer.instructeurId as number, demarcheId)).toEqual([d0, d1].sort((a, b) => a - b));
    expect(await eventBadged(newcomer.instructeurId as number, ids)).toEqual([d0, d1].sort((a, b) => a - b));
  });

  it("pages through the three parts (events, not taken in charge, the others) in both orders as the badges say", async () => {
    const { db } = database;
    const { built, me, created, ids } = await setup(4);
    const demarcheId = built.demarche.id;
    // Two more dossiers nobody follows: « not taken in charge » once 7 days have passed.
    for (let i = 0; i < 2; i++) {
      const extra = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
      ids.push(extra.dossierId);
    }
    // An event badge on one followed dossier, and distinct update times.
    const usager = (created[2] as (typeof created)[number]).usager;
    await sendMessage(db, { kind: "usager", ...usager }, { dossierId: ids[2] as number, body: "Bonjour" });
    for (const [index, id] of ids.entries()) {
      await db.execute(sql`update dossiers set updated_at = now() - ${`${(index * 7) % 5} hours`}::interval where id = ${id}`);
    }
    const later = new Date(Date.now() + 8 * 86_400_000);
    for (const [now, notifiedCount] of [
      [new Date(), 1],
      [later, 3],
    ] as const) {
      for (const order of ["desc", "asc"] as const) {
        const expected = await expectedOrder(me.instructeurId, ids, now, order);
        const badged = await notificationBadges(db, me.instructeurId, ids, now);
        expect(badged.size).toBe(notifiedCount);
        const { forward, backward } = await walk({ instructeurId: me.instructeurId, demarcheId, tab: "tous", now }, order);
        expect(forward).toEqual(expected);
        expect(backward).toEqual(expected);
      }
    }
  });

  it("reads a cursor's key back exactly, and a malformed key as the first page", () => {
    expect(parseNotificationsKey("101796000000.123456")).toEqual({ flag: 1, at: "2026-11-30T00:53:20.123456Z" });
    expect(parseNotificationsKey("1796000000.5")).toEqual({ flag: 0, at: "2026-11-30T00:53:20.500000Z" });
    expect(parseNotificationsKey("1796000000")).toEqual({ flag: 0, at: "2026-11-30T00:53:20.000000Z" });
    expect(parseNotificationsKey("abc")).toBeNull();
    expect(parseNotificationsKey(null)).toBeNull();
  });
});
