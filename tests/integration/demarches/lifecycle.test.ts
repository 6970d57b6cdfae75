/**
 * The démarche lifecycle against the database: close with a replacement and notification e-mails
 * (job after commit), closing date and its cron (dossiers en construction pass en instruction),
 * unpublish, corbeille with restore and the monthly purge; clones (options, another
 * administration's démarche, gallery models). Another administrateur gets 404 and nothing changes.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import {
  demarcheAdministrateurs,
  demarches,
  dossiers,
  events,
  groupeInstructeurMembers,
  groupesInstructeurs,
  labels,
} from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { autoCloseDemarches, autoInstructBatch } from "../../../server/operations/demarches/auto-close-demarches";
import { cloneDemarche, createDemarcheFromModel } from "../../../server/operations/demarches/clone-demarche";
import { closeDemarche } from "../../../server/operations/demarches/close-demarche";
import { discardDemarche, restoreDemarche } from "../../../server/operations/demarches/discard-demarche";
import { purgeDiscardedDemarches } from "../../../server/operations/demarches/purge-discarded-demarches";
import { sendClosingNotification } from "../../../server/operations/demarches/send-closing-notification";
import { setClosingDate } from "../../../server/operations/demarches/set-closing-date";
import { unpublishDemarche } from "../../../server/operations/demarches/unpublish-demarche";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { createLabel } from "../../../server/operations/labels/create-label";
import { buildDemarche, buildDossier, buildService, buildUser } from "../../../server/seed/factories";
import { listCatalogue } from "../../../server/queries/admin/lifecycle";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const jobs = async (identifier: string) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = ${identifier}`,
  );
  return rows.rows as Array<{ payload: Record<string, unknown> }>;
};
const row = async (id: number) => (await database.db.select().from(demarches).where(eq(demarches.id, id)))[0];

describe("closing", () => {
  it("closes with a replacement of the same administrateur and e-mails the usagers asked, after commit", async () => {
    const { db } = database;
    const admin = "admin-cycle-close@exemple.fr";
    const old = await buildDemarche(db, { administrateurEmail: admin, libelle: "Cantine 2026" });
    const replacement = await buildDemarche(db, { administrateurEmail: admin, libelle: "Cantine 2027" });
    const brouillonOwner = await buildUser(db, [], "brouillon-cycle@exemple.fr");
    const enCoursOwner = await buildUser(db, [], "encours-cycle@exemple.fr");
    await buildDossier(db, {
      demarche: old.demarche,
      usager: { userId: brouillonOwner.userId, email: brouillonOwner.email },
      state: "brouillon",
    });
    await buildDossier(db, {
      demarche: old.demarche,
      usager: { userId: enCoursOwner.userId, email: enCoursOwner.email },
      state: "en_construction",
    });

    const result = await closeDemarche(db, old.administrateurId, old.demarche.id, {
      replacedByDemarcheId: replacement.demarche.id,
      closingDetails: "Les inscriptions 2027 se font sur la nouvelle démarche.",
      notifyBrouillon: true,
      notifyEnCours: false,
    });
    expect(result).toEqual({ ok: true });
    const closed = await row(old.demarche.id);
    expect(closed).toMatchObject({
      state: "close",
      replacedByDemarcheId: replacement.demarche.id,
      closingReason: "internal_procedure",
    });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.demarcheId, old.demarche.id), eq(events.kind, "demarche.close")));
    expect(event?.payload).toMatchObject({ replacedByDemarcheId: replacement.demarche.id, notifyBrouillon: true });
    // The reaction queued one job; the job queues one mail per usager chosen.
    expect((await jobs("closing-notification")).map((j) => j.payload.demarcheId)).toContain(old.demarche.id);
    expect(await sendClosingNotification(db, old.demarche.id)).toEqual({ notified: 1 });
    const mails = (await jobs("send-mail")).filter((j) => j.payload.template === "demarche_closed");
    expect(mails.map((m) => m.payload.to)).toEqual(["brouillon-cycle@exemple.fr"]);
    expect(mails[0]?.payload.params).toMatchObject({ replacementLibelle: "Cantine 2027", replacementPath: replacement.path });
  });

  it("refuses a replacement of another administrateur, an unpublished one, or itself: nothing changes", async () => {
    const { db } = database;
    const mine = await buildDemarche(db, { administrateurEmail: "admin-cycle-refuse@exemple.fr" });
    const brouillon = await buildDemarche(db, { administrateurEmail: "admin-cycle-refuse@exemple.fr", published: false });
    const foreign = await buildDemarche(db, { administrateurEmail: "autre-cycle-refuse@exemple.fr" });
    const attempt = (replacedByDemarcheId: number) =>
      closeDemarche(db, mine.administrateurId, mine.demarche.id, { replacedByDemarcheId });
    expect(await attempt(foreign.demarche.id)).toEqual({
      ok: false,
      refusals: [{ code: "replacement_not_found", field: "replacedByDemarcheId" }],
    });
    expect(await attempt(brouillon.demarche.id)).toEqual({
      ok: false,
      refusals: [{ code: "replacement_not_published", field: "replacedByDemarcheId" }],
    });
    expect(await attempt(mine.demarche.id)).toEqual({
      ok: false,
      refusals: [{ code: "replacement_self", field: "replacedByDemarcheId" }],
    });
    expect((await row(mine.demarche.id))?.state).toBe("publiee");
    // Another administrateur: 404, nothing changes.
    await expect(closeDemarche(db, foreign.administrateurId, mine.demarche.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unpublishDemarche(db, foreign.administrateurId, mine.demarche.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setClosingDate(db, foreign.administrateurId, mine.demarche.id, "2099-01-01")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(discardDemarche(db, foreign.administrateurId, mine.demarche.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await row(mine.demarche.id)).toMatchObject({ state: "publiee", autoArchiveOn: null, hiddenAt: null });
  });

  it("unpublishes, then publishing again reopens", async () => {
    const { db } = database;
    const built = await buildDemarche(db);
    expect(await unpublishDemarche(db, built.administrateurId, built.demarche.id)).toEqual({ ok: true });
    expect(await row(built.demarche.id)).toMatchObject({ state: "depubliee" });
    expect((await row(built.demarche.id))?.unpublishedAt).not.toBeNull();
    expect(await unpublishDemarche(db, built.administrateurId, built.demarche.id)).toMatchObject({ ok: false });
    expect(await publishDemarche(db, built.administrateurId, built.demarche.id, { path: built.path as string })).toMatchObject({
      ok: true,
    });
    expect((await row(built.demarche.id))?.state).toBe("publiee");
  });
});

describe("closing date", () => {
  it("refuses a date in the past, then the cron closes on the day and passes dossiers en construction en instruction", async () => {
    const { db } = database;
    const built = await buildDemarche(db);
    const now = new Date("2026-12-07T10:00:00Z");
    expect(await setClosingDate(db, built.administrateurId, built.demarche.id, "2026-12-07", now)).toEqual({
      ok: false,
      refusals: [{ code: "closing_date_past", field: "autoArchiveOn" }],
    });
    expect((await row(built.demarche.id))?.autoArchiveOn).toBeNull();
    expect(await setClosingDate(db, built.administrateurId, built.demarche.id, "2026-12-10", now)).toEqual({
      ok: true,
      day: "2026-12-10",
    });
    const enConstruction = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const brouillon = await buildDossier(db, { demarche: built.demarche, state: "brouillon" });

    expect((await autoCloseDemarches(db, new Date("2026-12-09T12:00:00Z"))).closed).not.toContain(built.demarche.id);
    expect((await autoCloseDemarches(db, new Date("2026-12-10T06:00:00Z"))).closed).toContain(built.demarche.id);
    expect((await row(built.demarche.id))?.state).toBe("close");
    const queued = (await jobs("auto-instruct-dossiers")).filter((j) => j.payload.demarcheId === built.demarche.id);
    expect(queued).toHaveLength(1);
    expect(await autoInstructBatch(db, built.demarche.id, 0)).toBeNull();
    const states = await db
      .select({ id: dossiers.id, state: dossiers.state })
      .from(dossiers)
      .where(eq(dossiers.demarcheId, built.demarche.id));
    expect(states.find((d) => d.id === enConstruction.dossierId)?.state).toBe("en_instruction");
    expect(states.find((d) => d.id === brouillon.dossierId)?.state).toBe("brouillon");
    const dossierEvents = await db.select().from(events).where(eq(events.dossierId, enConstruction.dossierId));
    expect(dossierEvents.filter((e) => e.actor === "system").map((e) => e.kind)).toContain("dossier.passe_en_instruction");
  });
});

describe("corbeille", () => {
  it("deletes a brouillon and restores it; refuses with a dossier en instruction; purges after a month", async () => {
    const { db } = database;
    const brouillon = await buildDemarche(db, { published: false });
    expect(await discardDemarche(db, brouillon.administrateurId, brouillon.demarche.id)).toEqual({ ok: true });
    expect((await row(brouillon.demarche.id))?.hiddenAt).not.toBeNull();
    expect(await restoreDemarche(db, brouillon.administrateurId, brouillon.demarche.id)).toEqual({ ok: true });
    expect((await row(brouillon.demarche.id))?.hiddenAt).toBeNull();

    const busy = await buildDemarche(db);
    await buildDossier(db, { demarche: busy.demarche, state: "en_instruction", instructeur: busy.instructeurs[0] as never });
    expect(await discardDemarche(db, busy.administrateurId, busy.demarche.id)).toEqual({
      ok: false,
      refusals: [{ code: "dossiers_en_instruction", field: "form" }],
    });
    expect((await row(busy.demarche.id))?.hiddenAt).toBeNull();

    const published = await buildDemarche(db);
    expect(await discardDemarche(db, published.administrateurId, published.demarche.id)).toEqual({ ok: true });
    expect((await row(published.demarche.id))?.state).toBe("close");

    await discardDemarche(db, brouillon.administrateurId, brouillon.demarche.id);
    const inAMonth = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    expect((await purgeDiscardedDemarches(db, new Date())).deleted).toBe(0);
    await purgeDiscardedDemarches(db, inAMonth);
    expect(await row(brouillon.demarche.id)).toBeUndefined();
    expect(await row(published.demarche.id)).toBeUndefined();
  });
});

describe("clone", () => {
  it("copies one's démarche with the options chosen, as a brouillon with a fresh draft", async () => {
    const { db } = database;
    const source = await buildDemarche(db, {
      administrateurEmail: "admin-clone@exemple.fr",
      champs: [
        { type: "text", libelle: "Nom" },
        { type: "yes_no", libelle: "Boursier" },
      ],
      annotations: [{ type: "text", libelle: "Avis" }],
    });
    await createLabel(db, source.administrateurId, source.demarche.id, { name: "Urgent", color: "pink-macaron" });
    const full = await cloneDemarche(db, source.administrateurId, source.demarche.id, { title: "Bourse 2027" });
    if (!full.ok) throw new Error("clone");
    const clone = await row(full.demarcheId);
    expect(clone).toMatchObject({
      libelle: "Bourse 2027",
      state: "brouillon",
      parentDemarcheId: source.demarche.id,
      publishedRevisionId: null,
    });
    expect(clone?.draftRevisionId).not.toBe(source.demarche.draftRevisionId);
    const champs = await loadRevisionChamps(db, clone?.draftRevisionId as number);
    expect(champs.map((c) => c.libelle)).toEqual(["Nom", "Boursier"]);
    const sourceChamps = await loadRevisionChamps(db, source.demarche.draftRevisionId as number);
    // Same stable ids (conditions stay valid), new rows (editing the clone never touches the source).
    expect(champs.map((c) => c.stableId)).toEqual(sourceChamps.map((c) => c.stableId));
    expect(champs.map((c) => c.typeDeChampId)).not.toEqual(sourceChamps.map((c) => c.typeDeChampId));
    expect(await loadRevisionChamps(db, clone?.draftRevisionId as number, { private: true })).toHaveLength(1);
    expect(await db.select().from(labels).where(eq(labels.demarcheId, full.demarcheId))).toHaveLength(1);
    const members = await db
      .select()
      .from(groupeInstructeurMembers)
      .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
      .where(eq(groupesInstructeurs.demarcheId, full.demarcheId));
    expect(members).toHaveLength(1);

    const partial = await cloneDemarche(db, source.administrateurId, source.demarche.id, {
      options: { annotations: false, labels: false, instructeurs: false },
    });
    if (!partial.ok) throw new Error("clone");
    const partialRow = await row(partial.demarcheId);
    expect(partialRow?.libelle).toBe(`${source.demarche.libelle} (copie)`);
    expect(await loadRevisionChamps(db, partialRow?.draftRevisionId as number, { private: true })).toHaveLength(0);
    expect(await db.select().from(labels).where(eq(labels.demarcheId, partial.demarcheId))).toHaveLength(0);
    const groupes = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, partial.demarcheId));
    expect(groupes).toHaveLength(1);
    expect(
      await db
        .select()
        .from(groupeInstructeurMembers)
        .where(eq(groupeInstructeurMembers.groupeInstructeurId, groupes[0]?.id as number)),
    ).toHaveLength(0);
  });

  it("copies another administration's published démarche without its people; a brouillon of theirs is a 404", async () => {
    const { db } = database;
    const theirs = await buildDemarche(db, { administrateurEmail: "admin-theirs@exemple.fr" });
    const theirDraft = await buildDemarche(db, { administrateurEmail: "admin-theirs@exemple.fr", published: false });
    const me = await buildUser(db, ["administrateur"], "admin-me-clone@exemple.fr");
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(demarches);
    await expect(cloneDemarche(db, me.administrateurId as number, theirDraft.demarche.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(demarches)).toEqual(before);
    const cloned = await cloneDemarche(db, me.administrateurId as number, theirs.demarche.id, {
      options: { administrateurs: true, instructeurs: true },
    });
    if (!cloned.ok) throw new Error("clone");
    const admins = await db
      .select()
      .from(demarcheAdministrateurs)
      .where(eq(demarcheAdministrateurs.demarcheId, cloned.demarcheId));
    expect(admins.map((a) => a.administrateurId)).toEqual([me.administrateurId]);
    const members = await db
      .select()
      .from(groupeInstructeurMembers)
      .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
      .where(eq(groupesInstructeurs.demarcheId, cloned.demarcheId));
    expect(members).toHaveLength(0);
    expect((await row(cloned.demarcheId))?.opendata).toBe(true);
  });

  it("creates a démarche from each gallery model, with its conditions pointing to the new fields", async () => {
    const { db } = database;
    const me = await buildUser(db, ["administrateur"], "admin-modeles@exemple.fr");
    const created = await createDemarcheFromModel(db, me.administrateurId as number, "subvention-association");
    if (!created.ok) throw new Error("model");
    const demarche = await row(created.demarcheId);
    expect(demarche).toMatchObject({ state: "brouillon", clonedFromModel: "subvention-association" });
    const champs = await loadRevisionChamps(db, demarche?.draftRevisionId as number);
    const nature = champs.find((c) => c.libelle === "Nature de la subvention demandée");
    const projet = champs.find((c) => c.libelle === "Description du projet");
    expect(projet?.condition).toMatchObject({ left: { stable_id: nature?.stableId }, right: { value: "Projet spécifique" } });
    for (const model of ["demande-autorisation", "inscription", "signalement", "appel-a-projets"]) {
      expect(await createDemarcheFromModel(db, me.administrateurId as number, model)).toMatchObject({ ok: true });
    }
    // A model démarche publishes once it has an instructeur, a service and the website's link.
    await buildService(db, me.administrateurId as number, created.demarcheId);
    await db
      .update(demarches)
      .set({ lienSiteWeb: "https://www.exemple.fr/subventions" })
      .where(eq(demarches.id, created.demarcheId));
    const [groupe] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, created.demarcheId));
    const instructeur = await buildUser(db, ["instructeur"]);
    await db
      .insert(groupeInstructeurMembers)
      .values({ groupeInstructeurId: groupe?.id as number, instructeurId: instructeur.instructeurId as number });
    expect(
      await publishDemarche(db, me.administrateurId as number, created.demarcheId, { path: "subvention-modele" }),
    ).toMatchObject({ ok: true });
    await expect(createDemarcheFromModel(db, me.administrateurId as number, "inconnu")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("catalogue", () => {
  it("lists published and closed démarches of the platform, filtered and searched, never a brouillon or the corbeille", async () => {
    const { db } = database;
    const open = await buildDemarche(db, {
      administrateurEmail: "catalogue@mairie-catalogue.fr",
      libelle: "Permis de végétaliser",
    });
    const hidden = await buildDemarche(db, { administrateurEmail: "catalogue@mairie-catalogue.fr", libelle: "Permis caché" });
    await discardDemarche(db, hidden.administrateurId, hidden.demarche.id);
    await buildDemarche(db, {
      administrateurEmail: "catalogue@mairie-catalogue.fr",
      libelle: "Permis brouillon",
      published: false,
    });
    const found = await listCatalogue(db, { q: "permis", state: null, administration: "mairie-catalogue.fr", page: 1 });
    expect(found.rows.map((r) => r.id)).toEqual([open.demarche.id]);
    expect(found.administrations).toContain("mairie-catalogue.fr");
    expect(
      (await listCatalogue(db, { q: "permis", state: "close", administration: null, page: 1 })).rows.map((r) => r.id),
    ).not.toContain(open.demarche.id);
    expect(
      (await listCatalogue(db, { q: String(open.demarche.id), state: null, administration: null, page: 1 })).rows[0]?.id,
    ).toBe(open.demarche.id);
  });
});
