/** Prefill operations against a real database: creation, claim, listing by token, purge, rate limit. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champs, demarches, dossiers, rateLimits } from "../../../server/db/schema";
import { prefillKeyOf } from "../../../server/domain/prefill/params";
import { champId } from "../../../server/domain/form/champ-id";
import { closeDemarche } from "../../../server/operations/demarches/close-demarche";
import { NotFoundError } from "../../../server/errors";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { claimPrefilledDossier } from "../../../server/operations/prefill/claim-prefilled-dossier";
import { createPrefilledDossier } from "../../../server/operations/prefill/create-prefilled-dossier";
import { PREFILL_CREATE_LIMIT, prefillCreateRule } from "../../../server/operations/prefill/limits";
import { windowStart } from "../../../server/security/rate-limit";
import { listPrefilledDossiers } from "../../../server/operations/prefill/list-prefilled-dossiers";
import { purgeOrphanPrefilledDossiers } from "../../../server/operations/prefill/purge-orphan-prefilled-dossiers";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

let ipSequence = 0;
const nextIp = () => `198.51.100.${++ipSequence}`;

async function demarcheWithFields(published = true) {
  const built = await buildDemarche(database.db, {
    published,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Nombre de participants" },
      { type: "yes_no", libelle: "Première demande" },
    ],
  });
  const revisionId = (published ? built.demarche.publishedRevisionId : built.demarche.draftRevisionId) as number;
  const fields = await loadRevisionChamps(database.db, revisionId);
  const key = (libelle: string) => prefillKeyOf(champId(fields.find((f) => f.libelle === libelle)?.stableId as number));
  return { ...built, fields, key };
}

async function valuesOf(dossierId: number) {
  const rows = await database.db.select().from(champs).where(eq(champs.dossierId, dossierId));
  return Object.fromEntries(rows.map((r) => [r.stableId, r.value]));
}

async function dossierRow(id: number) {
  const [row] = await database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row;
}

describe("createPrefilledDossier", () => {
  it("creates an orphan prefilled brouillon with the values its fields accept and the identity", async () => {
    const { demarche, fields, key } = await demarcheWithFields();
    const result = await createPrefilledDossier(database.db, {
      target: { demarcheNumber: demarche.id },
      params: {
        [key("Nom du projet")]: "Jardin partagé",
        [key("Nombre de participants")]: "beaucoup",
        [key("Première demande")]: "true",
        identite_nom: "Dupont",
        identite_prenom: "Camille",
        identite_genre: "Mme",
      },
      ip: nextIp(),
    });
    if (!result.ok) throw new Error("rate limited");
    const row = await dossierRow(result.dossier.dossierId);
    expect(row).toMatchObject({
      userId: null,
      prefilled: true,
      prefillToken: result.dossier.prefillToken,
      state: "brouillon",
      forTest: false,
      revisionId: demarche.publishedRevisionId,
      nom: "Dupont",
      prenom: "Camille",
      civilite: "Mme",
    });
    expect(result.dossier.prefillToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const byLibelle = (libelle: string) => fields.find((f) => f.libelle === libelle)?.stableId as number;
    expect(await valuesOf(result.dossier.dossierId)).toEqual({
      [byLibelle("Nom du projet")]: "Jardin partagé",
      [byLibelle("Première demande")]: "true",
    });
  });

  it("uses the draft of a démarche in test (a test dossier), by number or by its test link", async () => {
    const { demarche } = await demarcheWithFields(false);
    const [row] = await database.db.select({ path: demarches.path }).from(demarches).where(eq(demarches.id, demarche.id));
    for (const target of [{ demarcheNumber: demarche.id }, { path: row?.path as string, test: true }]) {
      const result = await createPrefilledDossier(database.db, { target, params: {}, ip: nextIp() });
      if (!result.ok) throw new Error("rate limited");
      expect(result.dossier.test).toBe(true);
      expect(await dossierRow(result.dossier.dossierId)).toMatchObject({ forTest: true, revisionId: demarche.draftRevisionId });
    }
    // The public link of a démarche in test does not exist yet.
    await expect(
      createPrefilledDossier(database.db, { target: { path: row?.path as string, test: false }, params: {}, ip: nextIp() }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses an unknown or closed démarche, creating nothing", async () => {
    const { demarche, administrateurId } = await demarcheWithFields();
    await closeDemarche(database.db, administrateurId, demarche.id);
    const before = await database.db.select({ id: dossiers.id }).from(dossiers);
    for (const demarcheNumber of [demarche.id, 999_999, -1]) {
      await expect(
        createPrefilledDossier(database.db, { target: { demarcheNumber }, params: {}, ip: nextIp() }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await database.db.select({ id: dossiers.id }).from(dossiers)).toHaveLength(before.length);
  });

  it("refuses creations beyond the budget of one address", async () => {
    const { demarche } = await demarcheWithFields();
    const ip = nextIp();
    const rule = prefillCreateRule(ip);
    expect((await createPrefilledDossier(database.db, { target: { demarcheNumber: demarche.id }, params: {}, ip })).ok).toBe(
      true,
    );
    // The budget used up (this window and the next, so that the test cannot straddle two windows).
    const now = Date.now();
    for (const at of [now, now + rule.windowSeconds * 1000]) {
      await database.db
        .insert(rateLimits)
        .values({ key: rule.key, windowStart: windowStart(new Date(at), rule.windowSeconds), count: PREFILL_CREATE_LIMIT.limit })
        .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: PREFILL_CREATE_LIMIT.limit } });
    }
    const before = await database.db.select({ id: dossiers.id }).from(dossiers);
    const refused = await createPrefilledDossier(database.db, { target: { demarcheNumber: demarche.id }, params: {}, ip });
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: "rate_limited", field: "form" }] });
    expect(await database.db.select({ id: dossiers.id }).from(dossiers)).toHaveLength(before.length);
    // Another address has its own budget.
    const other = await createPrefilledDossier(database.db, {
      target: { demarcheNumber: demarche.id },
      params: {},
      ip: nextIp(),
    });
    expect(other.ok).toBe(true);
  });
});

describe("prefilled dates", () => {
  it("keeps an impossible or out-of-range date so that submission reports it on its field", async () => {
    const built = await buildDemarche(database.db, {
      published: true,
      champs: [
        { type: "date", libelle: "Date de naissance" },
        { type: "datetime", libelle: "Rendez-vous" },
        { type: "date", libelle: "Date de début" },
      ],
    });
    const fields = await loadRevisionChamps(database.db, built.demarche.publishedRevisionId as number);
    const id = (libelle: string) => fields.find((f) => f.libelle === libelle)?.stableId as number;
    const created = await createPrefilledDossier(database.db, {
      target: { demarcheNumber: built.demarche.id },
      params: {
        [prefillKeyOf(champId(id("Date de naissance")))]: "2025-02-30",
        [prefillKeyOf(champId(id("Rendez-vous")))]: "2025-02-30T10:00",
        [prefillKeyOf(champId(id("Date de début")))]: "22025-03-01",
      },
      ip: nextIp(),
    });
    if (!created.ok) throw new Error("rate limited");
    expect(await valuesOf(created.dossier.dossierId)).toEqual({
      [id("Date de naissance")]: "2025-02-30",
      [id("Rendez-vous")]: "2025-02-30T10:00",
      [id("Date de début")]: "22025-03-01",
    });

    const usager = await buildUser(database.db);
    await claimPrefilledDossier(database.db, usager.userId, { token: created.dossier.prefillToken });
    const result = await submitDossier(database.db, usager.userId, created.dossier.dossierId);
    if (result.ok) throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
    expect(result.refusals.map((refusal) => [refusal.field, refusal.code])).toEqual([
      [String(id("Date de naissance")), "invalid_date"],
      [String(id("Rendez-vous")), "invalid_datetime"],
      [String(id("Date de début")), "date_too_late"],
      ["identity", "identity_missing"],
    ]);
    expect((await dossierRow(created.dossier.dossierId))?.state).toBe("brouillon");
  });
});

describe("claimPrefilledDossier", () => {
  it("attaches an orphan to the first usager, and is a 404 for anyone else (nothing changes)", async () => {
    const { demarche } = await demarcheWithFields();
    const created = await createPrefilledDossier(database.db, {
      target: { demarcheNumber: demarche.id },
      params: {},
      ip: nextIp(),
    });
    if (!created.ok) throw new Error("rate limited");
    const token = created.dossier.prefillToken;
    const owner = await buildUser(database.db);
    const other = await buildUser(database.db);

    const first = await claimPrefilledDossier(database.db, owner.userId, { token, demarcheId: demarche.id });
    expect(first).toMatchObject({ claimed: true, dossier: { id: created.dossier.dossierId, userId: owner.userId } });
    const again = await claimPrefilledDossier(database.db, owner.userId, { token });
    expect(again.claimed).toBe(false);

    const snapshot = await dossierRow(created.dossier.dossierId);
    await expect(claimPrefilledDossier(database.db, other.userId, { token })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimPrefilledDossier(database.db, owner.userId, { token, demarcheId: demarche.id + 1 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(claimPrefilledDossier(database.db, owner.userId, { token: "x".repeat(32) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await dossierRow(created.dossier.dossierId)).toEqual(snapshot);
  });
});

describe("listPrefilledDossiers", () => {
  it("finds the dossiers of the given tokens on that démarche only", async () => {
    const { demarche } = await demarcheWithFields();
    const other = await demarcheWithFields();
    const create = async (demarcheNumber: number) => {
      const r = await createPrefilledDossier(database.db, { target: { demarcheNumber }, params: {}, ip: nextIp() });
      if (!r.ok) throw new Error("rate limited");
      return r.dossier;
    };
    const a = await create(demarche.id);
    const b = await create(demarche.id);
    const elsewhere = await create(other.demarche.id);
    const listed = await listPrefilledDossiers(database.db, demarche.id, [
      b.prefillToken,
      elsewhere.prefillToken,
      "nope",
      a.prefillToken,
    ]);
    expect(listed.dossiers.map((d) => d.id)).toEqual([b.dossierId, a.dossierId]);
    await expect(listPrefilledDossiers(database.db, 999_999, [a.prefillToken])).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("purgeOrphanPrefilledDossiers", () => {
  it("deletes orphans untouched for 5 days, and keeps recent or claimed ones", async () => {
    const { demarche } = await demarcheWithFields();
    const create = async () => {
      const r = await createPrefilledDossier(database.db, { target: { demarcheNumber: demarche.id }, params: {}, ip: nextIp() });
      if (!r.ok) throw new Error("rate limited");
      return r.dossier;
    };
    const old = await create();
    const recent = await create();
    const claimed = await create();
    const usager = await buildUser(database.db);
    await claimPrefilledDossier(database.db, usager.userId, { token: claimed.prefillToken });
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3600 * 1000);
    for (const id of [old.dossierId, claimed.dossierId]) {
      await database.db.update(dossiers).set({ updatedAt: sixDaysAgo }).where(eq(dossiers.id, id));
    }
    await database.db
      .update(dossiers)
      .set({ updatedAt: new Date(Date.now() - 4 * 24 * 3600 * 1000) })
      .where(eq(dossiers.id, recent.dossierId));

    expect(await purgeOrphanPrefilledDossiers(database.db)).toBe(1);
    expect(await dossierRow(old.dossierId)).toBeUndefined();
    expect(await dossierRow(recent.dossierId)).toBeDefined();
    expect(await dossierRow(claimed.dossierId)).toBeDefined();
  });
});
