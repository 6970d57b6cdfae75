/**
 * Notification badges computed from the event stream: each kind appears for the right instructeur
 * and clears when its tab is seen; nothing for the instructeur who caused the event.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, follows } from "../../../server/db/schema";
import { recordEvent } from "../../../server/events/record-event";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { deposerModifications } from "../../../server/operations/dossiers/deposer-modifications";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { markDossierSeen } from "../../../server/operations/notifications/mark-dossier-seen";
import { notificationBadges } from "../../../server/queries/instructeur/notifications";
import { assignToDefaultGroupe, buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const built = await buildDemarche(db, {
    champs: [{ type: "text", libelle: "Nom" }],
    annotations: [{ type: "text", libelle: "Note", mandatory: false }],
  });
  const me = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
  const colleagueUser = await buildUser(db, ["instructeur"]);
  await assignToDefaultGroupe(db, built.demarche.id, colleagueUser.instructeurId as number);
  const colleague = {
    userId: colleagueUser.userId,
    instructeurId: colleagueUser.instructeurId as number,
    email: colleagueUser.email,
  };
  const { dossierId, usager } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
  const stable = async (stream: "main" | "private") => {
    const rows = await db.execute<{ stable_id: number }>(
      sql`select stable_id from champs where dossier_id = ${dossierId} and stream = ${stream} limit 1`,
    );
    return rows.rows[0]?.stable_id;
  };
  return { built, me, colleague, dossierId, usager, stable };
}

const badges = async (instructeurId: number, dossierId: number) =>
  (await notificationBadges(database.db, instructeurId, [dossierId])).get(dossierId) ?? [];

describe("notification badges", () => {
  it("dossier modifié: appears for the follower after the usager's change, clears when the dossier is seen", async () => {
    const { db } = database;
    const { built, me, dossierId, usager } = await setup();
    await followDossier(db, me, dossierId, true);
    expect(await badges(me.instructeurId, dossierId)).toEqual([]);
    const [nom] = await db
      .execute<{ stable_id: number }>(
        sql`select stable_id from types_de_champ t join revision_types_de_champ r on r.type_de_champ_id = t.id
          join demarches d on d.published_revision_id = r.revision_id where d.id = ${built.demarche.id} and t.private = false limit 1`,
      )
      .then((r) => r.rows);
    const saved = await saveChamps(db, usager.userId, dossierId, (name) =>
      name === champInputName(nom?.stable_id as number) ? "Nouvelle valeur" : undefined,
    );
    expect(saved).toMatchObject({ ok: true });
    // Buffered until the usager deposits the changes: nothing new for the instructeur yet.
    expect(await badges(me.instructeurId, dossierId)).toEqual([]);
    expect(await deposerModifications(db, usager.userId, dossierId)).toMatchObject({ ok: true });
    expect(await badges(me.instructeurId, dossierId)).toEqual(["dossier_modifie"]);
    await markDossierSeen(db, me.instructeurId, dossierId, ["demande", "annotations"]);
    expect(await badges(me.instructeurId, dossierId)).toEqual([]);
  });

  it("annotation by a colleague: a badge for me, none for the colleague who wrote it", async () => {
    const { db } = database;
    const { me, colleague, dossierId, built } = await setup();
    await followDossier(db, me, dossierId, true);
    await followDossier(db, colleague, dossierId, true);
    const [note] = await db
      .execute<{ stable_id: number }>(
        sql`select stable_id from types_de_champ t join revision_types_de_champ r on r.type_de_champ_id = t.id
          join demarches d on d.published_revision_id = r.revision_id where d.id = ${built.demarche.id} and t.private = true limit 1`,
      )
      .then((r) => r.rows);
    const result = await saveAnnotations(
      db,
      colleague.instructeurId,
      dossierId,
      (name) => (name === champInputName(note?.stable_id as number) ? "À vérifier" : undefined),
      null,
      colleague.userId,
    );
    expect(result).toMatchObject({ ok: true, changed: 1 });
    expect(await badges(me.instructeurId, dossierId)).toEqual(["annotation_instructeur"]);
    expect(await badges(colleague.instructeurId, dossierId)).toEqual([]);
    await markDossierSeen(db, me.instructeurId, dossierId, ["demande"]);
    expect(await badges(me.instructeurId, dossierId)).toEqual(["annotation_instructeur"]);
    await markDossierSeen(db, me.instructeurId, dossierId, ["annotations"]);
    expect(await badges(me.instructeurId, dossierId)).toEqual([]);
  });

  it("messages, avis, expiring and deleted dossiers, in the reference's order; follower-only kinds need a follow", async () => {
    const { db } = database;
    const { built, me, colleague, dossierId, usager } = await setup();
    await followDossier(db, me, dossierId, true);
    // Kinds recorded by other capabilities (messagerie, avis, expiration): inserted as they will record them.
    for (const [kind, actorUserId] of [
      ["message.envoye", usager.userId],
      ["avis.rendu", null],
      ["dossier.expirant", null],
      ["dossier.supprime", colleague.userId],
    ] as const) {
      await db.execute(
        sql`insert into events (kind, demarche_id, dossier_id, actor, actor_user_id, payload) values (${kind}, ${built.demarche.id}, ${dossierId}, 'system', ${actorUserId}, '{}'::jsonb)`,
      );
    }
    expect(await badges(me.instructeurId, dossierId)).toEqual([
      "dossier_expirant",
      "dossier_suppression",
      "message",
      "avis_externe",
    ]);
    // Not following: only what concerns the whole groupe.
    expect(await badges(colleague.instructeurId, dossierId)).toEqual(["dossier_expirant"]);
    await markDossierSeen(db, me.instructeurId, dossierId, ["messagerie", "avis", "demande"]);
    expect(await badges(me.instructeurId, dossierId)).toEqual(["dossier_expirant"]);
  });

  it("not taken in charge: a dossier en construction for 7 days that nobody follows", async () => {
    const { db } = database;
    const { me, dossierId } = await setup();
    expect(await badges(me.instructeurId, dossierId)).toEqual([]);
    await db
      .update(dossiers)
      .set({ deposeAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(dossiers.id, dossierId));
    expect(await badges(me.instructeurId, dossierId)).toEqual(["dossier_depose"]);
    await followDossier(db, me, dossierId, true);
    expect(await badges(me.instructeurId, dossierId)).toEqual([]);
    await db.delete(follows).where(eq(follows.dossierId, dossierId));
  });

  it("gives nothing for a dossier outside the instructeur's groupes", async () => {
    const { db } = database;
    const { dossierId } = await setup();
    const other = await buildDemarche(db);
    const outsider = other.instructeurs[0] as { instructeurId: number };
    await db
      .update(dossiers)
      .set({ deposeAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(dossiers.id, dossierId));
    expect((await notificationBadges(db, outsider.instructeurId, [dossierId])).size).toBe(0);
  });

  it("records the recorded kinds only through recordEvent's schema (an unknown payload fails)", async () => {
    const { db } = database;
    const { built, dossierId } = await setup();
    await expect(
      db.transaction((tx) =>
        recordEvent(tx, {
          kind: "label.ajoute",
          demarcheId: built.demarche.id,
          dossierId,
          actor: "instructeur",
          actorUserId: null,
          payload: { labelId: "x" } as never,
        }),
      ),
    ).rejects.toThrow();
  });
});
