/**
 * Labels: the administrateur's rules (name ≤ 30 characters, unique, ten colours, order, the five
 * generic labels) and the instructeurs' use on dossiers (events, a label of another démarche
 * refused, outsiders get 404 and nothing changes).
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierLabels, events, labels } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { changeDossierLabels } from "../../../server/operations/dossiers/change-dossier-labels";
import { createGenericLabels } from "../../../server/operations/labels/create-generic-labels";
import { createLabel } from "../../../server/operations/labels/create-label";
import { deleteLabel } from "../../../server/operations/labels/delete-label";
import { moveLabel } from "../../../server/operations/labels/move-label";
import { updateLabel } from "../../../server/operations/labels/update-label";
import { labelsOfDemarche, labelsOfDossiers } from "../../../server/queries/instructeur/labels";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const actorOf = (u: { userId: number; instructeurId: number | null }) => ({
  userId: u.userId,
  instructeurId: u.instructeurId as number,
});

describe("labels of a démarche (administrateur)", () => {
  it("creates, refuses bad names and colours, renames, orders and deletes", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db);
    const created = await createLabel(db, administrateurId, demarche.id, { name: "  À  rappeler ", color: "blue-ecume" });
    expect(created).toMatchObject({ ok: true });
    expect(await createLabel(db, administrateurId, demarche.id, { name: "x".repeat(31), color: "blue-ecume" })).toEqual({
      ok: false,
      refusals: [{ code: "name_too_long", field: "name" }],
    });
    expect(await createLabel(db, administrateurId, demarche.id, { name: "Rouge", color: "red" })).toEqual({
      ok: false,
      refusals: [{ code: "color_invalid", field: "color" }],
    });
    expect(await createLabel(db, administrateurId, demarche.id, { name: "à rappeler", color: "green-menthe" })).toEqual({
      ok: false,
      refusals: [{ code: "name_taken", field: "name" }],
    });
    expect(await createLabel(db, administrateurId, demarche.id, { name: "x".repeat(30), color: "green-menthe" })).toMatchObject({
      ok: true,
    });
    expect((await labelsOfDemarche(db, demarche.id)).map((l) => l.name)).toEqual(["À rappeler", "x".repeat(30)]);

    const second = (await labelsOfDemarche(db, demarche.id))[1]?.id as number;
    await moveLabel(db, administrateurId, demarche.id, second, "up");
    expect((await labelsOfDemarche(db, demarche.id)).map((l) => l.id)[0]).toBe(second);
    expect(await updateLabel(db, administrateurId, demarche.id, second, { name: "Court", color: "pink-macaron" })).toEqual({
      ok: true,
    });
    expect(await updateLabel(db, administrateurId, demarche.id, second, { name: "", color: "pink-macaron" })).toMatchObject({
      ok: false,
    });
    expect((await labelsOfDemarche(db, demarche.id))[0]).toMatchObject({ name: "Court", color: "pink-macaron" });
    await deleteLabel(db, administrateurId, demarche.id, second);
    expect((await labelsOfDemarche(db, demarche.id)).map((l) => l.name)).toEqual(["À rappeler"]);
  });

  it("offers the five generic labels once, in the administrateur's language", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db);
    await createLabel(db, administrateurId, demarche.id, { name: "Urgent", color: "yellow-tournesol" });
    expect(await createGenericLabels(db, administrateurId, demarche.id, "fr")).toEqual({ ok: true, created: 4 });
    expect(await createGenericLabels(db, administrateurId, demarche.id, "fr")).toEqual({ ok: true, created: 0 });
    expect((await labelsOfDemarche(db, demarche.id)).map((l) => l.name)).toEqual([
      "Urgent",
      "À examiner",
      "À relancer",
      "Complet",
      "À signer",
    ]);
  });

  it("gives another administrateur 404, and nothing changes", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db);
    const other = await buildDemarche(db);
    await createLabel(db, administrateurId, demarche.id, { name: "Mien", color: "blue-ecume" });
    const [label] = await labelsOfDemarche(db, demarche.id);
    const before = await db.select().from(labels).where(eq(labels.demarcheId, demarche.id));
    await expect(createLabel(db, other.administrateurId, demarche.id, { name: "Intrus", color: "blue-ecume" })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      updateLabel(db, other.administrateurId, demarche.id, label?.id as number, { name: "Intrus", color: "blue-ecume" }),
    ).rejects.toThrow(NotFoundError);
    await expect(deleteLabel(db, other.administrateurId, demarche.id, label?.id as number)).rejects.toThrow(NotFoundError);
    await expect(moveLabel(db, other.administrateurId, demarche.id, label?.id as number, "down")).rejects.toThrow(NotFoundError);
    await expect(createGenericLabels(db, other.administrateurId, demarche.id, "fr")).rejects.toThrow(NotFoundError);
    // Through their own démarche, a label of this one is not found either.
    await expect(deleteLabel(db, other.administrateurId, other.demarche.id, label?.id as number)).rejects.toThrow(NotFoundError);
    expect(await db.select().from(labels).where(eq(labels.demarcheId, demarche.id))).toEqual(before);
  });
});

describe("labels on a dossier (instructeur)", () => {
  it("adds and removes labels with events, refuses another démarche's label, and outsiders get 404", async () => {
    const { db } = database;
    const built = await buildDemarche(db);
    const other = await buildDemarche(db);
    await createGenericLabels(db, built.administrateurId, built.demarche.id, "fr");
    await createGenericLabels(db, other.administrateurId, other.demarche.id, "fr");
    const [urgent, complet] = await labelsOfDemarche(db, built.demarche.id);
    const [foreign] = await labelsOfDemarche(db, other.demarche.id);
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const actor = actorOf(built.instructeurs[0] as never);

    expect(await changeDossierLabels(db, actor, dossierId, { set: [urgent?.id as number, complet?.id as number] })).toMatchObject(
      { ok: true },
    );
    expect(await changeDossierLabels(db, actor, dossierId, { remove: urgent?.id as number })).toMatchObject({
      ok: true,
      removed: [urgent?.id],
    });
    expect((await labelsOfDossiers(db, [dossierId])).get(dossierId)?.map((l) => l.id)).toEqual([complet?.id]);

    const snapshot = () => db.select().from(dossierLabels).where(eq(dossierLabels.dossierId, dossierId));
    const before = await snapshot();
    expect(await changeDossierLabels(db, actor, dossierId, { add: foreign?.id as number })).toEqual({
      ok: false,
      refusals: [{ code: "label_unknown", field: "labels" }],
    });
    expect(
      await changeDossierLabels(db, actor, dossierId, { set: [complet?.id as number, foreign?.id as number] }),
    ).toMatchObject({ ok: false });
    const outsider = actorOf(other.instructeurs[0] as never);
    await expect(changeDossierLabels(db, outsider, dossierId, { add: foreign?.id as number })).rejects.toThrow(NotFoundError);
    await expect(changeDossierLabels(db, outsider, dossierId, { remove: complet?.id as number })).rejects.toThrow(NotFoundError);
    expect(await snapshot()).toEqual(before);

    const recorded = await db
      .select({ kind: events.kind, payload: events.payload, actorUserId: events.actorUserId })
      .from(events)
      .where(eq(events.dossierId, dossierId))
      .orderBy(asc(events.id));
    expect(
      recorded.filter((e) => e.kind.startsWith("label.")).map((e) => [e.kind, (e.payload as { labelId: number }).labelId]),
    ).toEqual([
      ["label.ajoute", urgent?.id],
      ["label.ajoute", complet?.id],
      ["label.retire", urgent?.id],
    ]);
  });
});
