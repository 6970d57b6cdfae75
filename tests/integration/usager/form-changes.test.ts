/**
 * After a re-publication, the usager of a dossier moved to the new form is told what changed since
 * they last saw it (questions added, changed, removed; never the annotations privées), on the pages
 * where they can act, until they say they have read it. Another user gets 404 and nothing changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../../server/db/schema";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { changeChampType } from "../../../server/operations/revisions/change-champ-type";
import { removeChamp } from "../../../server/operations/revisions/remove-champ";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, newAdministrateur, pageText, signedIn, snapshot } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const NOTICE = "Le formulaire a changé";

async function republishedDemarche() {
  const { db } = server.database;
  const { admin, administrateurId } = await newAdministrateur(server);
  const built = await buildDemarche(db, {
    administrateurEmail: admin.email,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "text", libelle: "Code interne" },
      { type: "text", libelle: "Ancienne question" },
      { type: "text", libelle: "Remarques", mandatory: false },
    ],
  });
  const demarche = { id: built.demarche.id, path: built.path };
  const values = { "Nom du projet": "Salle des fêtes", "Code interne": "ABC-12", "Ancienne question": "Oui", Remarques: "" };
  const brouillon = await buildDossier(db, { demarche, state: "brouillon", values });
  const enConstruction = await buildDossier(db, { demarche, state: "en_construction", values });
  const enInstruction = await buildDossier(db, { demarche, state: "en_instruction", values });
  const accepte = await buildDossier(db, { demarche, state: "accepte", values });

  const ids = Object.fromEntries((await draftChamps(db, demarche.id)).map((c) => [c.libelle, c.stableId]));
  const added = await addChamp(db, administrateurId, demarche.id, { type: "integer_number" }, "fr");
  expect(
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: added.stableId,
      libelle: "Budget prévisionnel",
      description: "",
      mandatory: true,
    }),
  ).toEqual({ ok: true });
  expect(
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: ids["Nom du projet"] as number,
      libelle: "Intitulé du projet",
      description: "",
      mandatory: true,
    }),
  ).toEqual({ ok: true });
  expect(
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: ids.Remarques as number,
      libelle: "Remarques",
      description: "",
      mandatory: true,
    }),
  ).toEqual({ ok: true });
  expect(
    await changeChampType(db, administrateurId, demarche.id, { stableId: ids["Code interne"] as number, type: "yes_no" }, "fr"),
  ).toEqual({ ok: true });
  expect((await removeChamp(db, administrateurId, demarche.id, ids["Ancienne question"] as number)).ok).toBe(true);
  const annotation = await addChamp(db, administrateurId, demarche.id, { type: "text", private: true }, "fr");
  await updateChamp(db, administrateurId, demarche.id, {
    stableId: annotation.stableId,
    libelle: "Avis confidentiel du service",
    description: "",
    mandatory: false,
  });
  expect((await publishDemarche(db, administrateurId, demarche.id, { path: demarche.path as string })).ok).toBe(true);
  return { db, administrateurId, demarche, brouillon, enConstruction, enInstruction, accepte };
}

describe("the notice of form changes", () => {
  it("lists added, changed and removed questions on the dossier and its form, until read", async () => {
    const { db, enConstruction } = await republishedDemarche();
    const usager = await signedIn(server, enConstruction.usager.email);
    const id = enConstruction.dossierId;
    const [before] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(before?.rebasedFromRevisionId).not.toBeNull();

    for (const page of [`/dossiers/${id}`, `/dossiers/${id}/modifier`]) {
      expect((await usager.get(page)).status).toBe(200);
      const text = pageText(usager.lastHtml);
      expect(text).toContain(NOTICE);
      expect(text).toContain("Nouvelles questions : Budget prévisionnel (obligatoire)");
      expect(text).toContain("Intitulé du projet (anciennement « Nom du projet »)");
      expect(text).toContain("Remarques (désormais obligatoire)");
      expect(text).toContain("Code interne (votre réponse précédente ne peut pas être reprise : répondez à nouveau)");
      expect(text).toContain("Questions retirées (vos réponses ne seront plus transmises) : Ancienne question");
      // Annotations privées are the administration's business.
      expect(text).not.toContain("Avis confidentiel du service");
    }

    // Read: back to the page it was shown on, and not shown again.
    const read = await usager.post(`/dossiers/${id}/changements-formulaire`, { retour: "modifier" });
    expect(read.status).toBe(302);
    expect(read.headers.get("location")).toBe(`/dossiers/${id}/modifier`);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row?.rebasedFromRevisionId).toBeNull();
    expect(row?.updatedAt).toEqual(before?.updatedAt);
    await usager.get(`/dossiers/${id}`);
    expect(pageText(usager.lastHtml)).not.toContain(NOTICE);
  });

  it("is shown on a brouillon's form, and not for dossiers the usager can no longer change", async () => {
    const { brouillon, enInstruction, accepte } = await republishedDemarche();
    const owner = await signedIn(server, brouillon.usager.email);
    await owner.get(`/dossiers/${brouillon.dossierId}/brouillon`);
    expect(pageText(owner.lastHtml)).toContain(NOTICE);
    // Any other return page leads to the dossier.
    const read = await owner.post(`/dossiers/${brouillon.dossierId}/changements-formulaire`, { retour: "toString" });
    expect(read.headers.get("location")).toBe(`/dossiers/${brouillon.dossierId}`);

    for (const dossier of [enInstruction, accepte]) {
      const usager = await signedIn(server, dossier.usager.email);
      expect((await usager.get(`/dossiers/${dossier.dossierId}`)).status).toBe(200);
      expect(pageText(usager.lastHtml)).not.toContain(NOTICE);
    }
  });

  it("gives 404 to another user, an anonymous visitor's post changes nothing either", async () => {
    const { db, enConstruction } = await republishedDemarche();
    const id = enConstruction.dossierId;
    const other = await buildUser(db, []);
    const stranger = await signedIn(server, other.email);
    await stranger.get("/dossiers");
    const before = await snapshot(db);
    const refused = await stranger.post(`/dossiers/${id}/changements-formulaire`, { retour: "dossier" });
    expect(refused.status).toBe(404);
    const anonymous = await fetch(new URL(`/dossiers/${id}/changements-formulaire`, server.url), {
      method: "POST",
      redirect: "manual",
    });
    expect(anonymous.status).not.toBe(302);
    expect(await snapshot(db)).toEqual(before);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row?.rebasedFromRevisionId).not.toBeNull();
  });

  it("keeps the revision first seen across several publications", async () => {
    const { db, administrateurId, enConstruction, demarche } = await republishedDemarche();
    const [before] = await db.select().from(dossiers).where(eq(dossiers.id, enConstruction.dossierId));
    await addChamp(db, administrateurId, demarche.id, { type: "email" }, "fr");
    expect((await publishDemarche(db, administrateurId, demarche.id, { path: demarche.path as string })).ok).toBe(true);
    const [after] = await db.select().from(dossiers).where(eq(dossiers.id, enConstruction.dossierId));
    expect(after?.revisionId).not.toBe(before?.revisionId);
    expect(after?.rebasedFromRevisionId).toBe(before?.rebasedFromRevisionId);
    const usager = await signedIn(server, enConstruction.usager.email);
    await usager.get(`/dossiers/${enConstruction.dossierId}`);
    const text = pageText(usager.lastHtml);
    expect(text).toContain("Budget prévisionnel (obligatoire)");
    expect(text).toContain("Adresse électronique");
  });
});
