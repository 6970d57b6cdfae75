import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champs, dossiers, traitements } from "../../../server/db/schema";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { applyTransition } from "../../../server/operations/dossiers/apply-transition";
import { findInstructeurDossier } from "../../../server/lookups/scoped-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../../server/operations/dossiers/refuser-dossier";
import { repasserEnInstruction } from "../../../server/operations/dossiers/repasser-en-instruction";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { NotFoundError } from "../../../server/errors";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const jobsFor = async (template: string) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and j.payload->>'template' = ${template}`,
  );
  return rows.rows as Array<{ payload: { to: string; params: Record<string, unknown> } }>;
};

describe("dossier lifecycle", () => {
  it("goes from brouillon to accepte, with one traitement and one e-mail per step", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db, {
      champs: [
        { type: "text", libelle: "Nom du projet" },
        { type: "integer_number", libelle: "Montant" },
      ],
    });
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const instructeur = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const actor = { userId: instructeur.userId, instructeurId: instructeur.instructeurId as number, email: instructeur.email };
    expect(await passerEnInstruction(db, actor, dossierId)).toEqual({ ok: true, to: "en_instruction" });
    expect(await accepterDossier(db, actor, dossierId, "  Dossier complet.  ")).toEqual({ ok: true, to: "accepte" });

    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe("accepte");
    expect(row?.motivation).toBe("Dossier complet.");
    expect(row?.deposeAt).not.toBeNull();
    expect(row?.processedAt).not.toBeNull();
    const history = await db.select().from(traitements).where(eq(traitements.dossierId, dossierId)).orderBy(traitements.id);
    expect(history.map((t) => [t.fromState, t.state, t.event, t.instructeurEmail])).toEqual([
      ["brouillon", "en_construction", "depose", null],
      ["en_construction", "en_instruction", "passe_en_instruction", instructeur.email],
      ["en_instruction", "accepte", "accepte", instructeur.email],
    ]);
    expect((await jobsFor("dossier_depose")).some((j) => j.payload.to === usager.email)).toBe(true);
    expect(
      (await jobsFor("dossier_accepte")).find((j) => j.payload.params.dossierNumber === dossierId)?.payload.params.motivation,
    ).toBe("Dossier complet.");
  });

  it("refuses an impossible transition or a missing motivation, and changes nothing", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db);
    const { dossierId } = await buildDossier(db, { demarche, state: "en_construction" });
    const i = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const actor = { userId: i.userId, instructeurId: i.instructeurId, email: i.email };
    expect(await accepterDossier(db, actor, dossierId)).toEqual({
      ok: false,
      refusals: [{ code: "invalid_transition", field: "form" }],
    });
    await passerEnInstruction(db, actor, dossierId);
    expect(await refuserDossier(db, actor, dossierId, "   ")).toEqual({
      ok: false,
      refusals: [{ code: "motivation_required", field: "motivation" }],
    });
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe("en_instruction");
    expect(await db.select().from(traitements).where(eq(traitements.dossierId, dossierId))).toHaveLength(2);
  });

  it("lets only one of two simultaneous decisions win", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db);
    const { dossierId } = await buildDossier(db, { demarche, state: "en_instruction" });
    const i = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const actor = { userId: i.userId, instructeurId: i.instructeurId, email: i.email };
    const results = await Promise.all([accepterDossier(db, actor, dossierId), refuserDossier(db, actor, dossierId, "Non.")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const decisions = await db
      .select()
      .from(traitements)
      .where(and(eq(traitements.dossierId, dossierId), eq(traitements.fromState, "en_instruction")));
    expect(decisions).toHaveLength(1);
    expect(await repasserEnInstruction(db, actor, dossierId)).toEqual({ ok: true, to: "en_instruction" });
  });

  it("lets only one of two simultaneous decisions win even when both were planned on the same read (the guard, not the lock)", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db);
    const { dossierId } = await buildDossier(db, { demarche, state: "en_instruction" });
    const i = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const actor = { userId: i.userId, instructeurEmail: i.email };
    // Both decisions are planned on the dossier as read before either is written (no row lock
    // serialises them here): only the write's own `state = from` condition can refuse the second.
    const readBefore = await findInstructeurDossier(db, i.instructeurId, dossierId);
    expect(await db.transaction((tx) => applyTransition(tx, readBefore, "accepter", actor))).toEqual({
      ok: true,
      to: "accepte",
    });
    expect(await db.transaction((tx) => applyTransition(tx, readBefore, "refuser", actor, { motivation: "Non." }))).toEqual({
      ok: false,
      refusals: [{ code: "invalid_transition", field: "form" }],
    });
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe("accepte");
    const decisions = await db
      .select()
      .from(traitements)
      .where(and(eq(traitements.dossierId, dossierId), eq(traitements.fromState, "en_instruction")));
    expect(decisions.map((t) => t.state)).toEqual(["accepte"]);
  });

  it("keeps everything typed when submission fails validation", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db, {
      champs: [
        { type: "text", libelle: "Nom" },
        { type: "integer_number", libelle: "Montant" },
      ],
    });
    const { dossierId, usager } = await buildDossier(db, { demarche, values: { Nom: "", Montant: "12 euros" } });
    const form = new Map<string, string>();
    const fieldRows = await db.select().from(champs).where(eq(champs.dossierId, dossierId));
    for (const c of fieldRows) form.set(`champ_${c.stableId}`, c.typeChamp === "text" ? "Mon projet" : "douze");
    const result = await submitDossier(db, usager.userId, dossierId, (name) => form.get(name));
    expect(result).toMatchObject({ ok: false, refusals: [{ code: "invalid_integer" }] });
    const stored = await db.select().from(champs).where(eq(champs.dossierId, dossierId));
    expect(stored.map((c) => c.value).sort()).toEqual(["Mon projet", "douze"]);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe("brouillon");
  });

  it("hides a dossier from another usager and from an instructeur of another démarche", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId } = await buildDossier(db, { demarche, state: "en_construction" });
    const other = await buildUser(db);
    await expect(saveChamps(db, other.userId, dossierId, () => "x")).rejects.toBeInstanceOf(NotFoundError);
    const elsewhere = await buildDemarche(db);
    const stranger = elsewhere.instructeurs[0] as { userId: number; instructeurId: number; email: string };
    await expect(
      passerEnInstruction(
        db,
        { userId: stranger.userId, instructeurId: stranger.instructeurId, email: stranger.email },
        dossierId,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row?.state).toBe("en_construction");
  });
});
