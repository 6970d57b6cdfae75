/**
 * The presentation and service operations against the real database: sanitization on save, the
 * service card (SIRET checked) reused across démarches, the publication checklist, path history
 * and moving a path between one's own démarches; another administrateur gets 404 and nothing changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarchePaths, demarches, events, services } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { findCurrentPathOf } from "../../../server/lookups/demarche-by-path";
import { serviceForDossier } from "../../../server/lookups/own-service";
import { chooseDemarcheService } from "../../../server/operations/demarches/choose-service";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { updateDemarche } from "../../../server/operations/demarches/update-demarche";
import { saveService } from "../../../server/operations/services/save-service";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const SERVICE = {
  nom: "Service des sports",
  organisme: "Mairie de Lyon",
  typeOrganisme: "collectivite_territoriale",
  siret: "216 901 231 00011",
  email: "sports@mairie-lyon.fr",
  telephone: "04 72 10 30 30",
  horaires: "Du lundi au vendredi",
  adresse: "1 place de la Comédie, 69001 Lyon",
};

const rowOf = async (id: number) => (await database.db.select().from(demarches).where(eq(demarches.id, id)))[0];

describe("presentation", () => {
  it("sanitizes the rich texts on save (the script is removed) and keeps the rest", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db, { published: false });
    const result = await updateDemarche(db, administrateurId, demarche.id, {
      libelle: demarche.libelle,
      description: '<p>Bonjour <strong>à tous</strong></p><script>alert("x")</script>',
      descriptionTargetAudience: "<ul><li>Associations</li></ul><img src=x onerror=alert(1)>",
      descriptionPj: "Statuts\nBudget",
      lienSiteWeb: "https://www.mairie.fr/sports",
      lienNotice: "https://www.mairie.fr/notice.pdf",
      messageFinDepot: "<p>Merci, réponse sous 2 mois.</p>",
      cadreJuridique: "",
      lienDpo: "",
      dureeConservation: 6,
      estimatedDurationVisible: "",
    });
    expect(result.ok).toBe(true);
    const row = await rowOf(demarche.id);
    expect(row?.description).toBe("<p>Bonjour <strong>à tous</strong></p>");
    expect(row?.descriptionTargetAudience).toBe("<ul><li>Associations</li></ul>");
    expect(row?.descriptionPj).toBe("Statuts\nBudget");
    expect(row?.estimatedDurationVisible).toBe(false);
    const [event] = await db.select().from(events).where(eq(events.kind, "demarche.presentation_modifiee"));
    expect((event?.payload as { fields: string[] } | undefined)?.fields).toContain("description");
  });

  it("refuses a website that is not a web address, and a description made only of script", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db, { published: false });
    const result = await updateDemarche(db, administrateurId, demarche.id, {
      libelle: demarche.libelle,
      description: "<script>alert(1)</script>",
      lienSiteWeb: "javascript:alert(1)",
      cadreJuridique: "",
      lienDpo: "",
      dureeConservation: 12,
    });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.refusals.map((r) => [r.field, r.code])).toEqual(
      expect.arrayContaining([
        ["description", "description_required"],
        ["lienSiteWeb", "url_invalid"],
      ]),
    );
    expect((await rowOf(demarche.id))?.lienSiteWeb).toBe(demarche.lienSiteWeb);
  });

  it("another administrateur gets 404 and nothing changes", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db, { published: false });
    const other = await buildUser(db, ["administrateur"]);
    await expect(
      updateDemarche(db, other.administrateurId as number, demarche.id, {
        libelle: "Piraté",
        description: "x",
        cadreJuridique: "",
        lienDpo: "",
        dureeConservation: 12,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await rowOf(demarche.id))?.libelle).toBe(demarche.libelle);
  });
});

describe("service", () => {
  it("creates a service for a démarche, reuses it on another, and exposes it for a dossier's e-mails", async () => {
    const { db } = database;
    // Published with the factory's service; the new one replaces it.
    const { demarche, administrateurId, instructeurs, admin } = await buildDemarche(db);
    const saved = await saveService(db, administrateurId, { serviceId: null, forDemarcheId: demarche.id, values: SERVICE });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const [row] = await db.select().from(services).where(eq(services.id, saved.serviceId));
    expect(row?.siret).toBe("21690123100011");
    expect((await rowOf(demarche.id))?.serviceId).toBe(saved.serviceId);

    const second = await buildDemarche(db, { administrateurEmail: admin.email, presentation: false, published: false });
    expect((await chooseDemarcheService(db, administrateurId, second.demarche.id, String(saved.serviceId))).ok).toBe(true);
    expect((await rowOf(second.demarche.id))?.serviceId).toBe(saved.serviceId);

    const { dossierId } = await buildDossier(db, { demarche, state: "en_construction", instructeur: instructeurs[0] as never });
    expect(await serviceForDossier(db, dossierId)).toMatchObject({ nom: "Service des sports", email: "sports@mairie-lyon.fr" });
  });

  it("refuses a SIRET with a wrong key and the test SIRET, naming the field", async () => {
    const { db } = database;
    const admin = await buildUser(db, ["administrateur"]);
    const id = admin.administrateurId as number;
    for (const [siret, code] of [
      ["21690123100012", "siret_invalid"],
      ["35600082800018", "siret_test"],
    ] as const) {
      const result = await saveService(db, id, { serviceId: null, values: { ...SERVICE, siret } });
      expect(result).toEqual({ ok: false, refusals: [{ code, field: "siret" }] });
    }
    expect(await db.select().from(services).where(eq(services.administrateurId, id))).toHaveLength(0);
  });

  it("another administrateur can neither edit a service nor choose it: 404, nothing changes", async () => {
    const { db } = database;
    const owner = await buildUser(db, ["administrateur"]);
    const saved = await saveService(db, owner.administrateurId as number, { serviceId: null, values: SERVICE });
    if (!saved.ok) throw new Error("saveService");
    const { demarche, administrateurId } = await buildDemarche(db, { published: false, presentation: false });
    await expect(
      saveService(db, administrateurId, { serviceId: saved.serviceId, values: { ...SERVICE, nom: "Piraté" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(chooseDemarcheService(db, administrateurId, demarche.id, saved.serviceId)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(services).where(eq(services.id, saved.serviceId));
    expect(row?.nom).toBe("Service des sports");
    expect((await rowOf(demarche.id))?.serviceId).toBeNull();
  });
});

describe("publication checklist and paths", () => {
  it("refuses to publish without service and website, naming each", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db, { published: false, presentation: false });
    const result = await publishDemarche(db, administrateurId, demarche.id, { path: "sans-service" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusals.map((r) => r.code)).toEqual(expect.arrayContaining(["service_missing", "lien_site_web_missing"]));
    expect((await rowOf(demarche.id))?.state).toBe("brouillon");
  });

  it("keeps old paths: they lead to the current one", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db, { path: "subvention-2025" });
    const republished = await publishDemarche(db, administrateurId, demarche.id, { path: "subvention-sport" });
    expect(republished.ok).toBe(true);
    expect(await findCurrentPathOf(db, "subvention-2025")).toBe("subvention-sport");
    expect(await findCurrentPathOf(db, "SUBVENTION-2025")).toBe("subvention-sport");
    expect(await findCurrentPathOf(db, "inconnu")).toBeNull();
  });

  it("moves a path from one's own published démarche, which is unpublished", async () => {
    const { db } = database;
    const first = await buildDemarche(db, { path: "inscription-cantine" });
    const second = await buildDemarche(db, { administrateurEmail: first.admin.email, published: false });
    const result = await publishDemarche(db, second.administrateurId, second.demarche.id, { path: "inscription-cantine" });
    expect(result.ok).toBe(true);
    const [old, current] = [await rowOf(first.demarche.id), await rowOf(second.demarche.id)];
    expect(current?.path).toBe("inscription-cantine");
    expect(current?.state).toBe("publiee");
    expect(old?.state).toBe("depubliee");
    expect(old?.path).not.toBe("inscription-cantine");
    const [history] = await db.select().from(demarchePaths).where(eq(demarchePaths.path, "inscription-cantine"));
    expect(history?.demarcheId).toBe(second.demarche.id);
    const moved = await db.select().from(events).where(eq(events.kind, "demarche.chemin_deplace"));
    expect(moved.some((e) => e.demarcheId === first.demarche.id)).toBe(true);
  });

  it("refuses a path, current or former, of another administrateur's démarche, and nothing changes", async () => {
    const { db } = database;
    const other = await buildDemarche(db, { path: "permis-peche" });
    await publishDemarche(db, other.administrateurId, other.demarche.id, { path: "permis-peche-2026" });
    const mine = await buildDemarche(db, { published: false });
    for (const path of ["permis-peche", "permis-peche-2026"]) {
      const result = await publishDemarche(db, mine.administrateurId, mine.demarche.id, { path });
      expect(result).toMatchObject({ ok: false, refusals: [{ code: "path_taken", field: "path" }] });
    }
    expect((await rowOf(mine.demarche.id))?.state).toBe("brouillon");
    expect((await rowOf(other.demarche.id))?.path).toBe("permis-peche-2026");
  });
});
