import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, events, follows, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { findInstructeurDossier } from "../../../server/lookups/scoped-dossier";
import { publicationBlockers } from "../../../server/lookups/publication-checks";
import { assignInstructeurs } from "../../../server/operations/demarches/assign-instructeurs";
import { removeInstructeur } from "../../../server/operations/demarches/remove-instructeur";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { changeDossierGroupe } from "../../../server/operations/groupes/change-dossier-groupe";
import { configureSimpleRouting } from "../../../server/operations/groupes/configure-simple-routing";
import { createGroupe } from "../../../server/operations/groupes/create-groupe";
import { deleteGroupe } from "../../../server/operations/groupes/delete-groupe";
import { rerouteBatch } from "../../../server/operations/groupes/reroute-dossiers";
import { updateGroupe } from "../../../server/operations/groupes/update-groupe";
import { updateGroupeRule } from "../../../server/operations/groupes/update-groupe-rule";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const mails = async (template: string) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and j.payload->>'template' = ${template}`,
  );
  return (rows.rows as Array<{ payload: { to: string } }>).map((r) => r.payload.to);
};
const groupeOf = async (dossierId: number) =>
  (
    await database.db
      .select({ g: dossiers.groupeInstructeurId, forced: dossiers.groupeForced })
      .from(dossiers)
      .where(eq(dossiers.id, dossierId))
  )[0];
const groupeByLabelPrefix = async (demarcheId: number, prefix: string) => {
  const rows = await database.db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
  const found = rows.find((g) => g.label.startsWith(prefix));
  if (!found) throw new Error(`no groupe ${prefix}`);
  return found;
};

async function routedDemarche() {
  const { db } = database;
  const built = await buildDemarche(db, { champs: [{ type: "departements", libelle: "Département" }] });
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const { loadRevisionChamps } = await import("../../../server/db/revisions");
  const stableId = (await loadRevisionChamps(db, built.demarche.draftRevisionId as number))[0]?.stableId as number;
  return { ...built, admin, stableId };
}

describe("routing", () => {
  it("simple routing creates one groupe per département; submission routes; instructeurs see only their groupe", async () => {
    const { db } = database;
    const { demarche, admin, stableId, instructeurs } = await routedDemarche();
    const result = await configureSimpleRouting(db, admin, demarche.id, stableId);
    expect(result.ok && result.count).toBeGreaterThan(100);
    const ain = await groupeByLabelPrefix(demarche.id, "01 ");
    const paris = await groupeByLabelPrefix(demarche.id, "75 ");
    const agentAin = await buildUser(db, ["instructeur"]);
    const agentParis = await buildUser(db, ["instructeur"]);
    await assignInstructeurs(
      db,
      admin.administrateurId,
      demarche.id,
      { emails: agentAin.email, invitedByEmail: "a@b.fr", locale: "fr" },
      { groupeId: ain.id },
    );
    await assignInstructeurs(
      db,
      admin.administrateurId,
      demarche.id,
      { emails: agentParis.email, invitedByEmail: "a@b.fr", locale: "fr" },
      { groupeId: paris.id },
    );

    const inAin = await buildDossier(db, { demarche, state: "en_construction", values: { Département: "01" } });
    const inParis = await buildDossier(db, { demarche, state: "en_construction", values: { Département: "75" } });
    expect((await groupeOf(inAin.dossierId))?.g).toBe(ain.id);
    expect((await groupeOf(inParis.dossierId))?.g).toBe(paris.id);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.dossierId, inAin.dossierId), eq(events.kind, "dossier.groupe_change")));
    expect(event?.payload).toMatchObject({ mode: "auto", toGroupeId: ain.id });

    // Authorization: each instructeur sees their groupe's dossier only; the default groupe's sees neither.
    await expect(findInstructeurDossier(db, agentAin.instructeurId as number, inAin.dossierId)).resolves.toBeTruthy();
    await expect(findInstructeurDossier(db, agentAin.instructeurId as number, inParis.dossierId)).rejects.toThrow(NotFoundError);
    await expect(findInstructeurDossier(db, agentParis.instructeurId as number, inAin.dossierId)).rejects.toThrow(NotFoundError);
    await expect(findInstructeurDossier(db, instructeurs[0]?.instructeurId as number, inAin.dossierId)).rejects.toThrow(
      NotFoundError,
    );

    // Moving by hand: followers outside the new groupe are unfollowed and e-mailed; routing then leaves it.
    await followDossier(db, agentAin.instructeurId as number, inAin.dossierId, true);
    const other = await buildDemarche(db);
    const [otherGroupe] = await db
      .select()
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.demarcheId, other.demarche.id));
    const refused = await changeDossierGroupe(
      db,
      { instructeurId: agentAin.instructeurId as number, userId: agentAin.userId },
      inAin.dossierId,
      otherGroupe?.id as number,
    );
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: "groupe_not_found" }] });
    await expect(
      changeDossierGroupe(
        db,
        { instructeurId: agentParis.instructeurId as number, userId: agentParis.userId },
        inAin.dossierId,
        paris.id,
      ),
    ).rejects.toThrow(NotFoundError);
    const moved = await changeDossierGroupe(
      db,
      { instructeurId: agentAin.instructeurId as number, userId: agentAin.userId },
      inAin.dossierId,
      paris.id,
    );
    expect(moved.ok).toBe(true);
    expect(await groupeOf(inAin.dossierId)).toEqual({ g: paris.id, forced: true });
    expect(await db.select().from(follows).where(eq(follows.dossierId, inAin.dossierId))).toHaveLength(0);
    expect(await mails("dossier_groupe_change")).toContain(agentAin.email);

    // Re-routing after a rule change: the forced dossier stays, the other follows the new rules.
    expect(await updateGroupeRule(db, admin, demarche.id, paris.id, null)).toEqual({ ok: true });
    let cursor: number | null = 0;
    while (cursor !== null) cursor = await rerouteBatch(db, demarche.id, cursor, admin.userId);
    expect((await groupeOf(inAin.dossierId))?.g).toBe(paris.id);
    const defaultGroupe = await db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.isDefault, true)));
    expect((await groupeOf(inParis.dossierId))?.g).toBe(defaultGroupe[0]?.id);
    const bulk = await db
      .select()
      .from(events)
      .where(and(eq(events.dossierId, inParis.dossierId), eq(events.kind, "dossier.groupe_change")));
    expect(bulk.map((e) => (e.payload as { mode: string }).mode)).toEqual(["auto", "bulk"]);
  });

  it("a closed groupe receives no new dossier; duplicate or broken rules block publication", async () => {
    const { db } = database;
    const { demarche, admin, stableId } = await routedDemarche();
    await configureSimpleRouting(db, admin, demarche.id, stableId);
    const ain = await groupeByLabelPrefix(demarche.id, "01 ");
    expect(await updateGroupe(db, admin, demarche.id, ain.id, { change: "close" })).toEqual({ ok: true });
    const dossier = await buildDossier(db, { demarche, state: "en_construction", values: { Département: "01" } });
    const [byDefault] = await db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.isDefault, true)));
    expect((await groupeOf(dossier.dossierId))?.g).toBe(byDefault?.id);

    const aisne = await groupeByLabelPrefix(demarche.id, "02 ");
    expect(await updateGroupeRule(db, admin, demarche.id, aisne.id, ain.routingRule)).toEqual({ ok: true });
    const blockers = await db.transaction((tx) => publicationBlockers(tx, demarche, null));
    expect(blockers).toContain("routing_invalid");
    const broken = await updateGroupeRule(db, admin, demarche.id, aisne.id, {
      term: "Logic::Eq",
      left: { term: "Logic::ChampValue", stable_id: 987654 },
      right: { term: "Logic::Constant", value: "02" },
    });
    expect(broken).toMatchObject({ ok: false, refusals: [{ field: "rule" }] });
  });
});

describe("groupes", () => {
  it("creates, renames, closes, reopens, chooses the default, deletes only an empty groupe", async () => {
    const { db } = database;
    const { demarche, administrateurId, admin: user } = await buildDemarche(db);
    const admin = { administrateurId, userId: user.userId };
    const created = await createGroupe(db, admin, demarche.id, { label: "  Nord  " });
    if (!created.ok) throw new Error("not created");
    expect(await createGroupe(db, admin, demarche.id, { label: "Nord" })).toMatchObject({
      ok: false,
      refusals: [{ code: "label_taken" }],
    });
    expect(await createGroupe(db, admin, demarche.id, { label: " " })).toMatchObject({
      ok: false,
      refusals: [{ code: "label_required" }],
    });
    const [byDefault] = await db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.isDefault, true)));
    expect(await updateGroupe(db, admin, demarche.id, byDefault?.id as number, { change: "close" })).toMatchObject({
      ok: false,
      refusals: [{ code: "default_cannot_close" }],
    });
    expect(await updateGroupe(db, admin, demarche.id, created.groupeId, { change: "rename", label: "Nord-Est" })).toEqual({
      ok: true,
    });
    expect(await updateGroupe(db, admin, demarche.id, created.groupeId, { change: "close" })).toEqual({ ok: true });
    expect(await updateGroupe(db, admin, demarche.id, created.groupeId, { change: "make_default" })).toMatchObject({
      ok: false,
      refusals: [{ code: "closed_cannot_be_default" }],
    });
    expect(await updateGroupe(db, admin, demarche.id, created.groupeId, { change: "reopen" })).toEqual({ ok: true });
    expect(await updateGroupe(db, admin, demarche.id, created.groupeId, { change: "make_default" })).toEqual({ ok: true });
    const defaults = await db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.isDefault, true)));
    expect(defaults.map((g) => g.label)).toEqual(["Nord-Est"]);

    // A groupe with a dossier cannot be deleted; an empty one can.
    await buildDossier(db, { demarche, state: "en_construction" });
    expect(await deleteGroupe(db, admin, demarche.id, created.groupeId)).toMatchObject({
      ok: false,
      refusals: [{ code: "default_cannot_delete" }],
    });
    await updateGroupe(db, admin, demarche.id, byDefault?.id as number, { change: "make_default" });
    const spare = await createGroupe(db, admin, demarche.id, { label: "Vide" });
    if (!spare.ok) throw new Error("not created");
    expect(await deleteGroupe(db, admin, demarche.id, spare.groupeId)).toEqual({ ok: true });

    // Another administrateur gets 404 on every operation.
    const stranger = await buildUser(db, ["administrateur"]);
    const them = { administrateurId: stranger.administrateurId as number, userId: stranger.userId };
    await expect(createGroupe(db, them, demarche.id, { label: "X" })).rejects.toThrow(NotFoundError);
    await expect(updateGroupe(db, them, demarche.id, created.groupeId, { change: "close" })).rejects.toThrow(NotFoundError);
    await expect(deleteGroupe(db, them, demarche.id, created.groupeId)).rejects.toThrow(NotFoundError);
    await expect(updateGroupeRule(db, them, demarche.id, created.groupeId, null)).rejects.toThrow(NotFoundError);
  });

  it("adds instructeurs to a chosen groupe and removes them, ending their follows of its dossiers", async () => {
    const { db } = database;
    const { demarche, administrateurId, admin: user, instructeurs } = await buildDemarche(db);
    const admin = { administrateurId, userId: user.userId };
    const dossier = await buildDossier(db, { demarche, state: "en_construction" });
    const first = instructeurs[0] as { instructeurId: number; userId: number };
    await followDossier(db, first.instructeurId, dossier.dossierId, true);
    const extra = await createGroupe(db, admin, demarche.id, { label: "Renfort" });
    if (!extra.ok) throw new Error("not created");
    const added = await assignInstructeurs(
      db,
      administrateurId,
      demarche.id,
      { emails: "renfort@exemple.fr", invitedByEmail: "a@b.fr", locale: "fr" },
      { groupeId: extra.groupeId },
    );
    expect(added).toMatchObject({ ok: true, added: ["renfort@exemple.fr"] });
    expect(await mails("invitation")).toContain("renfort@exemple.fr");
    const members = await db
      .select()
      .from(groupeInstructeurMembers)
      .where(eq(groupeInstructeurMembers.groupeInstructeurId, extra.groupeId));
    expect(members).toHaveLength(1);
    expect(await removeInstructeur(db, administrateurId, demarche.id, first.instructeurId)).toEqual({ ok: true });
    expect(await db.select().from(follows).where(eq(follows.dossierId, dossier.dossierId))).toHaveLength(0);
  });
});
