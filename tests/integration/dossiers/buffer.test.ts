/**
 * The usager's buffer of a dossier en construction (`user:buffer` stream) through the operations,
 * on a real database: changes are kept out of what the administration reads until « Déposer les
 * modifications », which validates, merges (old values to history), records the traitement and the
 * events and enqueues the acknowledgement; an invalid re-submission changes nothing the
 * administration sees; cancelling and passing en instruction drop the buffer.
 */
import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChampValues, loadChampValuesOf } from "../../../server/db/champ-values";
import { hasUserBuffer } from "../../../server/db/champ-streams";
import { loadRevisionForm } from "../../../server/db/revisions";
import { champs, dossiers, events, traitements } from "../../../server/db/schema";
import { champValue, constant, eq as equals } from "../../../server/domain/conditions/ast";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { USER_BUFFER_STREAM } from "../../../server/domain/dossier/streams";
import { NotFoundError } from "../../../server/errors";
import { annulerModifications } from "../../../server/operations/dossiers/annuler-modifications";
import { deposerModifications } from "../../../server/operations/dossiers/deposer-modifications";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { loadInstructeurDossier } from "../../../server/queries/instructeur/dossier";
import { loadUsagerDossier, loadUsagerDossierPage } from "../../../server/queries/usager/dossier";
import { listUsagerDossiers } from "../../../server/queries/usager/list-dossiers";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const form = (values: Record<number, string>) => (name: string) => {
  for (const [id, value] of Object.entries(values)) if (name === champInputName(Number(id))) return value;
  return undefined;
};

async function mailJobs(template: string, dossierId: number) {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and j.payload->>'template' = ${template}
          and (j.payload->'params'->>'dossierNumber')::int = ${dossierId}`,
  );
  return rows.rows as Array<{ payload: { to: string } }>;
}

async function setup() {
  const { db } = database;
  const built = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Projet" },
      { type: "integer_number", libelle: "Montant" },
      { type: "yes_no", libelle: "Association" },
    ],
    annotations: [{ type: "text", libelle: "Note interne", mandatory: false }],
    ineligibilite: (id) => ({
      message: "Cette aide est réservée aux associations.",
      rules: equals(champValue(id("Association")), constant(false)),
    }),
  });
  const { dossierId, usager } = await buildDossier(db, {
    demarche: built.demarche,
    state: "en_construction",
    values: { Projet: "Gymnase", Montant: "12000", Association: "true" },
  });
  const fields = await db
    .select({ stableId: champs.stableId, typeChamp: champs.typeChamp })
    .from(champs)
    .where(eq(champs.dossierId, dossierId));
  const idOf = (type: string) => fields.find((f) => f.typeChamp === type)?.stableId as number;
  const ids = { projet: idOf("text"), montant: idOf("integer_number"), association: idOf("yes_no") };
  const instructeur = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
  return { ...built, dossierId, usager, ids, instructeur };
}

describe("edits en construction", () => {
  it("go to the buffer: main, the instructeur's page and the API's values are untouched; the usager sees them", async () => {
    const { db } = database;
    const { demarche, dossierId, usager, ids, instructeur } = await setup();
    const [before] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));

    const saved = await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine" }));
    expect(saved.ok).toBe(true);

    expect((await loadChampValues(db, dossierId)).get(String(ids.projet))).toBe("Gymnase");
    expect((await loadChampValuesOf(db, [dossierId])).get(dossierId)?.get(String(ids.projet))).toBe("Gymnase");
    const page = await loadInstructeurDossier(db, {
      instructeurId: instructeur.instructeurId,
      demarcheId: demarche.id,
      dossierId,
    });
    expect(page.form.values[String(ids.projet)]).toBe("Gymnase");

    // The buffer is the whole form: the usager's values, the unchanged ones included.
    const buffer = await loadChampValues(db, dossierId, undefined, USER_BUFFER_STREAM);
    expect(buffer.get(String(ids.projet))).toBe("Piscine");
    expect(buffer.get(String(ids.montant))).toBe("12000");
    const usagerView = await loadUsagerDossier(db, usager.userId, dossierId);
    expect(usagerView.values[String(ids.projet)]).toBe("Piscine");
    expect(usagerView.pendingChanges).toBe(true);
    const list = await listUsagerDossiers(db, usager.userId);
    expect(list.dossiers.find((d) => d.id === dossierId)?.pendingChanges).toBe(true);

    // The administration's dates do not move; the lock version does.
    const [after] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(after?.lastChampUpdatedAt).toEqual(before?.lastChampUpdatedAt);
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    expect(after?.lockVersion).toBeGreaterThan(before?.lockVersion as number);
  });

  it("keep no buffer when the changes come back to what the administration has", async () => {
    const { db } = database;
    const { dossierId, usager, ids } = await setup();
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine" }));
    expect(await hasUserBuffer(db, dossierId)).toBe(true);
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Gymnase" }));
    expect(await hasUserBuffer(db, dossierId)).toBe(false);
    expect((await loadUsagerDossier(db, usager.userId, dossierId)).pendingChanges).toBe(false);
  });

  it("never copy nor overwrite an annotation privée", async () => {
    const { db } = database;
    const { dossierId, usager, ids, instructeur } = await setup();
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine" }));
    const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    const [annotation] = await loadRevisionForm(db, dossier?.revisionId as number, { private: true });
    const annotationId = annotation?.stableId as number;
    const written = await saveAnnotations(db, instructeur.instructeurId, dossierId, (name) =>
      name === champInputName(annotationId) ? "Écrit pendant les modifications" : undefined,
    );
    expect(written.ok).toBe(true);
    const bufferRows = await db
      .select({ stableId: champs.stableId })
      .from(champs)
      .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, USER_BUFFER_STREAM)));
    expect(bufferRows.map((r) => r.stableId).sort()).toEqual([ids.projet, ids.montant, ids.association].sort());

    expect((await deposerModifications(db, usager.userId, dossierId)).ok).toBe(true);
    const main = await loadChampValues(db, dossierId);
    expect(main.get(String(ids.projet))).toBe("Piscine");
    expect(main.get(String(annotationId))).toBe("Écrit pendant les modifications");
  });
});

describe("« Déposer les modifications »", () => {
  it("merges the buffer into main, keeps the old values in history, records the traitement, the events and the e-mail", async () => {
    const { db } = database;
    const { dossierId, usager, ids } = await setup();
    const [before] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine", [ids.montant]: "15000" }));

    const result = await deposerModifications(db, usager.userId, dossierId);
    expect(result).toEqual({ ok: true, changedStableIds: [ids.projet, ids.montant].sort((a, b) => a - b) });

    const main = await loadChampValues(db, dossierId);
    expect(main.get(String(ids.projet))).toBe("Piscine");
    expect(main.get(String(ids.montant))).toBe("15000");
    expect(main.get(String(ids.association))).toBe("true");
    expect(await hasUserBuffer(db, dossierId)).toBe(false);

    const history = await db
      .select({ stream: champs.stream, stableId: champs.stableId, value: champs.value })
      .from(champs)
      .where(and(eq(champs.dossierId, dossierId), like(champs.stream, "history:%")))
      .orderBy(asc(champs.stableId));
    expect(history.map((h) => [h.stableId, h.value])).toEqual(
      [
        [ids.projet, "Gymnase"],
        [ids.montant, "12000"],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(history[0]?.stream).toMatch(/^history:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const rows = await db.select().from(traitements).where(eq(traitements.dossierId, dossierId)).orderBy(traitements.id);
    expect(rows.map((t) => [t.fromState, t.state, t.event])).toEqual([
      ["brouillon", "en_construction", "depose"],
      ["en_construction", "en_construction", "depose_correction_usager"],
    ]);
    const recorded = await db.select().from(events).where(eq(events.dossierId, dossierId)).orderBy(events.id);
    const kinds = recorded.map((e) => e.kind);
    expect(kinds).toContain("dossier.depose_correction_usager");
    expect(recorded.find((e) => e.kind === "dossier.modifie")?.payload).toEqual({
      stream: "main",
      stableIds: [ids.projet, ids.montant].sort((a, b) => a - b),
    });
    expect((await mailJobs("dossier_modifications_deposees", dossierId)).map((j) => j.payload.to)).toEqual([usager.email]);

    const [after] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(after?.state).toBe("en_construction");
    expect(after?.enConstructionAt).toEqual(before?.enConstructionAt);
    expect(after?.deposeAt).toEqual(before?.deposeAt);
    expect(after?.lastChampUpdatedAt?.getTime()).toBeGreaterThan(before?.lastChampUpdatedAt?.getTime() as number);
  });

  it("refuses an invalid or ineligible form: errors by field, the buffer keeps what was typed, main untouched", async () => {
    const { db } = database;
    const { dossierId, usager, ids } = await setup();
    const mainBefore = await loadChampValues(db, dossierId);

    const invalid = await deposerModifications(
      db,
      usager.userId,
      dossierId,
      form({ [ids.projet]: "", [ids.montant]: "beaucoup" }),
    );
    expect(invalid.ok).toBe(false);
    if (invalid.ok || invalid.reason !== "invalid") throw new Error("expected invalid");
    expect(invalid.issues.map((i) => i.key).sort()).toEqual([String(ids.projet), String(ids.montant)].sort());
    expect(await loadChampValues(db, dossierId)).toEqual(mainBefore);
    const buffer = await loadChampValues(db, dossierId, undefined, USER_BUFFER_STREAM);
    expect(buffer.get(String(ids.montant))).toBe("beaucoup");

    const ineligible = await deposerModifications(
      db,
      usager.userId,
      dossierId,
      form({ [ids.projet]: "Piscine", [ids.montant]: "15000", [ids.association]: "false" }),
    );
    expect(ineligible).toMatchObject({
      ok: false,
      reason: "invalid",
      issues: [],
      ineligible: "Cette aide est réservée aux associations.",
    });
    expect(await loadChampValues(db, dossierId)).toEqual(mainBefore);
    expect(await db.select().from(traitements).where(eq(traitements.dossierId, dossierId))).toHaveLength(1);
    expect(await mailJobs("dossier_modifications_deposees", dossierId)).toHaveLength(0);
  });

  it("has nothing to submit without changes", async () => {
    const { db } = database;
    const { dossierId, usager } = await setup();
    expect(await deposerModifications(db, usager.userId, dossierId)).toEqual({ ok: false, reason: "no_changes" });
    expect(await db.select().from(traitements).where(eq(traitements.dossierId, dossierId))).toHaveLength(1);
  });
});

describe("dropping the buffer", () => {
  it("« Annuler les modifications » deletes it; main stays", async () => {
    const { db } = database;
    const { dossierId, usager, ids } = await setup();
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine" }));
    expect(await annulerModifications(db, usager.userId, dossierId)).toEqual({ ok: true });
    expect(await hasUserBuffer(db, dossierId)).toBe(false);
    expect((await loadUsagerDossier(db, usager.userId, dossierId)).values[String(ids.projet)]).toBe("Gymnase");
    expect(await annulerModifications(db, usager.userId, dossierId)).toEqual({ ok: false, reason: "no_changes" });
  });

  it("passing en instruction drops it, and the usager's page says their changes were lost", async () => {
    const { db } = database;
    const { dossierId, usager, ids, instructeur } = await setup();
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine" }));
    expect((await passerEnInstruction(db, instructeur, dossierId)).ok).toBe(true);
    expect(await hasUserBuffer(db, dossierId)).toBe(false);
    expect((await loadChampValues(db, dossierId)).get(String(ids.projet))).toBe("Gymnase");
    const page = await loadUsagerDossierPage(db, usager.userId, dossierId);
    expect(page.changesLostAt).not.toBeNull();
    expect(page.values[String(ids.projet)]).toBe("Gymnase");
    const [lost] = await db
      .select()
      .from(events)
      .where(and(eq(events.dossierId, dossierId), eq(events.kind, "dossier.modifications_abandonnees")));
    expect(lost?.payload).toEqual({ cause: "passer_en_instruction" });
    expect(lost?.actor).toBe("instructeur");

    // No buffer, no notice.
    const other = await setup();
    expect((await passerEnInstruction(db, other.instructeur, other.dossierId)).ok).toBe(true);
    expect((await loadUsagerDossierPage(db, other.usager.userId, other.dossierId)).changesLostAt).toBeNull();
  });
});

describe("authorization", () => {
  it("another usager gets NotFoundError from every operation, and nothing changes", async () => {
    const { db } = database;
    const { dossierId, usager, ids } = await setup();
    await saveChamps(db, usager.userId, dossierId, form({ [ids.projet]: "Piscine" }));
    const intruder = await buildUser(db);
    await expect(saveChamps(db, intruder.userId, dossierId, form({ [ids.projet]: "Pirate" }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deposerModifications(db, intruder.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(annulerModifications(db, intruder.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadUsagerDossier(db, intruder.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadChampValues(db, dossierId, undefined, USER_BUFFER_STREAM)).get(String(ids.projet))).toBe("Piscine");
    expect((await loadChampValues(db, dossierId)).get(String(ids.projet))).toBe("Gymnase");
  });
});
