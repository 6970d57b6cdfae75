/**
 * « Supprimer le dossier » and « Restaurer » by the usager (issue 13 item 6, ds-behaviour §2.5):
 * brouillon and en construction hidden then purged 2 weeks later, decided dossiers purged only once
 * the administration deleted them too, en instruction refused; restore within the grace period
 * only; a pending transfer is cancelled; a co-editor or another usager gets NotFoundError and
 * nothing changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletedDossiers, dossierInvites, dossierTransfers, dossiers, events } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { archiveDossier } from "../../../server/operations/dossiers/archive-dossier";
import { repasserEnInstruction } from "../../../server/operations/dossiers/repasser-en-instruction";
import { deleteDossierByUsager } from "../../../server/operations/dossiers/delete-dossier-by-usager";
import { restoreDossierByUsager } from "../../../server/operations/dossiers/restore-dossier-by-usager";
import { proposeTransfer } from "../../../server/operations/partage/transfers";
import { purgeDossiers } from "../../../server/operations/retention/purge-dossiers";
import { listRecentlyDeletedDossiers, listUsagerDossiers } from "../../../server/queries/usager/list-dossiers";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const DAY = 86_400_000;
const kindsOf = async (dossierId: number) =>
  (await database.db.select({ kind: events.kind }).from(events).where(eq(events.dossierId, dossierId))).map((e) => e.kind);
const row = async (id: number) => (await database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0];

describe("the usager deletes and restores a dossier", () => {
  it("hides a brouillon, lists it in « Supprimés récemment », restores it, and purges it 2 weeks after a deletion", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche });
    const now = new Date();
    const deleted = await deleteDossierByUsager(db, usager.userId, dossierId, now);
    expect(deleted).toEqual({ ok: true, state: "brouillon" });
    expect((await row(dossierId))?.hiddenByUserAt?.getTime()).toBe(now.getTime());
    expect(await kindsOf(dossierId)).toContain("dossier.supprime_par_usager");
    expect((await listUsagerDossiers(db, usager.userId)).dossiers.map((d) => d.id)).not.toContain(dossierId);
    expect((await listRecentlyDeletedDossiers(db, usager.userId)).map((d) => d.id)).toEqual([dossierId]);
    expect(await deleteDossierByUsager(db, usager.userId, dossierId)).toMatchObject({
      ok: false,
      refusals: [{ code: "delete_already_deleted" }],
    });

    expect(await restoreDossierByUsager(db, usager.userId, dossierId)).toEqual({ ok: true });
    expect((await row(dossierId))?.hiddenByUserAt).toBeNull();
    expect(await kindsOf(dossierId)).toContain("dossier.restaure_par_usager");
    expect((await listUsagerDossiers(db, usager.userId)).dossiers.map((d) => d.id)).toContain(dossierId);
    expect(await restoreDossierByUsager(db, usager.userId, dossierId)).toMatchObject({
      ok: false,
      refusals: [{ code: "restore_not_deleted" }],
    });

    // Deleted 15 days ago: too late to restore, and the daily purge deletes it (no tombstone for a brouillon).
    await deleteDossierByUsager(db, usager.userId, dossierId, new Date(Date.now() - 15 * DAY));
    expect(await restoreDossierByUsager(db, usager.userId, dossierId)).toMatchObject({
      ok: false,
      refusals: [{ code: "restore_too_late" }],
    });
    await purgeDossiers(db, null);
    expect(await row(dossierId)).toBeUndefined();
  });

  it("purges an en construction dossier 2 weeks after its deletion, with a tombstone", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    await deleteDossierByUsager(db, usager.userId, dossierId, new Date(Date.now() - 15 * DAY));
    await purgeDossiers(db, null);
    expect(await row(dossierId)).toBeUndefined();
    const [tombstone] = await db.select().from(deletedDossiers).where(eq(deletedDossiers.dossierId, dossierId));
    expect(tombstone).toMatchObject({ reason: "user_request", state: "en_construction" });
  });

  it("brings a decided dossier the usager deleted back to their list when it is re-opened for instruction", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db);
    const instructeur = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "refuse", instructeur });
    expect(await deleteDossierByUsager(db, usager.userId, dossierId)).toMatchObject({ ok: true });
    expect((await listUsagerDossiers(db, usager.userId)).dossiers.map((d) => d.id)).not.toContain(dossierId);

    expect(await repasserEnInstruction(db, instructeur, dossierId)).toMatchObject({ ok: true });
    expect((await row(dossierId))?.hiddenByUserAt).toBeNull();
    expect((await listUsagerDossiers(db, usager.userId)).dossiers.map((d) => d.id)).toContain(dossierId);
    expect((await listRecentlyDeletedDossiers(db, usager.userId)).map((d) => d.id)).not.toContain(dossierId);
  });

  it("refuses en instruction; purges a decided dossier only once the administration deleted it too", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db);
    const instructeur = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const { dossierId: enInstruction, usager } = await buildDossier(db, { demarche, state: "en_instruction" });
    expect(await deleteDossierByUsager(db, usager.userId, enInstruction)).toMatchObject({
      ok: false,
      refusals: [{ code: "delete_en_instruction" }],
    });
    expect((await row(enInstruction))?.hiddenByUserAt).toBeNull();

    const { dossierId: accepte } = await buildDossier(db, { demarche, usager, state: "accepte" });
    await deleteDossierByUsager(db, usager.userId, accepte, new Date(Date.now() - 20 * DAY));
    await purgeDossiers(db, null);
    expect(await row(accepte)).toBeDefined();
    // Still restorable while the administration keeps it.
    expect((await listRecentlyDeletedDossiers(db, usager.userId)).map((d) => d.id)).toContain(accepte);

    await archiveDossier(db, instructeur, accepte, "supprimer", new Date(Date.now() - 15 * DAY));
    expect(await restoreDossierByUsager(db, usager.userId, accepte)).toMatchObject({
      ok: false,
      refusals: [{ code: "restore_too_late" }],
    });
    await purgeDossiers(db, null);
    expect(await row(accepte)).toBeUndefined();
    const [tombstone] = await db.select().from(deletedDossiers).where(eq(deletedDossiers.dossierId, accepte));
    expect(tombstone).toMatchObject({ reason: "instructeur_request", state: "accepte" });
  });

  it("cancels a pending transfer of the dossier", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const recipient = await buildUser(db);
    const proposed = await proposeTransfer(db, usager, { dossierId, email: recipient.email });
    expect(proposed.ok).toBe(true);
    await deleteDossierByUsager(db, usager.userId, dossierId);
    const transfers = await db.select().from(dossierTransfers).where(eq(dossierTransfers.fromUserId, usager.userId));
    expect(transfers).toEqual([]);
  });

  it("is owner-only: a co-editor or another usager gets NotFoundError and nothing changes", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const invitee = await buildUser(db);
    const stranger = await buildUser(db);
    await db.insert(dossierInvites).values({ dossierId, email: invitee.email, inviterUserId: usager.userId });
    for (const intruder of [invitee, stranger]) {
      await expect(deleteDossierByUsager(db, intruder.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await row(dossierId))?.hiddenByUserAt).toBeNull();
    await deleteDossierByUsager(db, usager.userId, dossierId);
    for (const intruder of [invitee, stranger]) {
      await expect(restoreDossierByUsager(db, intruder.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await row(dossierId))?.hiddenByUserAt).not.toBeNull();
    expect(await kindsOf(dossierId)).not.toContain("dossier.restaure_par_usager");
  });
});
