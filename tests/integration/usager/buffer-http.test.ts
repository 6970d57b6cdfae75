/**
 * Changes en construction through HTTP, without JavaScript: saved without submitting (the
 * administration keeps its version, the usager's pages remind it), a file uploaded goes to the
 * buffer too, « Déposer les modifications » from the dossier page (valid: merged; invalid: the
 * modification page with the errors), « Annuler les modifications » with its confirmation page,
 * and the page that tells the usager their changes were dropped when the dossier passed en
 * instruction. Anyone but the owner gets 404 and nothing changes.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChampValues } from "../../../server/db/champ-values";
import { hasUserBuffer } from "../../../server/db/champ-streams";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { champs } from "../../../server/db/schema";
import { USER_BUFFER_STREAM } from "../../../server/domain/dossier/streams";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { startFileServer, uploadJson } from "../files/support";
import { pageText, signedInSession } from "./support";

let server: TestServer & { storageDir: string };
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(async () => {
  await server?.stop();
});

async function setup() {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Montant" },
      { type: "piece_justificative", libelle: "Devis", mandatory: false },
    ],
  });
  const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const id = (libelle: string) => fields.find((c) => c.libelle === libelle)?.stableId as number;
  const ids = { projet: id("Nom du projet"), montant: id("Montant"), devis: id("Devis") };
  const { dossierId, usager } = await buildDossier(db, {
    demarche: built.demarche,
    state: "en_construction",
    values: { "Nom du projet": "Gymnase", Montant: "12000" },
  });
  const session = await signedInSession(server.url, usager);
  const instructeur = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
  return { ...built, ids, dossierId, usager, session, instructeur };
}

const mainValue = async (dossierId: number, stableId: number) =>
  (await loadChampValues(server.database.db, dossierId)).get(String(stableId)) ?? null;
const bufferValue = async (dossierId: number, stableId: number) =>
  (await loadChampValues(server.database.db, dossierId, undefined, USER_BUFFER_STREAM)).get(String(stableId)) ?? null;

describe("changes en construction, without JavaScript", () => {
  it("are saved without reaching the administration, reminded, then submitted from the dossier page", async () => {
    const { dossierId, session, ids } = await setup();
    await session.get(`/dossiers/${dossierId}/modifier`);
    let response = await session.post(`/dossiers/${dossierId}/modifier`, {
      intent: "save",
      [`champ_${ids.projet}`]: "Piscine",
      [`champ_${ids.montant}`]: "12000",
    });
    expect(response.status).toBe(200);
    expect(pageText(session.lastHtml)).toContain("Elles ne sont pas encore transmises à l’administration");
    expect(await mainValue(dossierId, ids.projet)).toBe("Gymnase");
    expect(await bufferValue(dossierId, ids.projet)).toBe("Piscine");

    // A file uploaded en construction goes to the buffer as well.
    const upload = await uploadJson(session, dossierId, ids.devis, "devis.pdf", PDF_BYTES);
    expect(upload.status).toBe(201);
    expect(await mainValue(dossierId, ids.devis)).toBeNull();
    expect(await bufferValue(dossierId, ids.devis)).toEqual([expect.objectContaining({ id: upload.body?.file?.id })]);

    // The dossier page shows the usager's version with the reminder and its buttons.
    await session.get(`/dossiers/${dossierId}`);
    const text = pageText(session.lastHtml);
    expect(text).toContain("Modifications non déposées");
    expect(text).toContain("Piscine");
    expect(session.lastHtml).toContain(`action="/dossiers/${dossierId}/modifier"`);
    expect(session.lastHtml).toContain(`href="/dossiers/${dossierId}/modifications/annuler"`);
    await session.get("/dossiers");
    expect(pageText(session.lastHtml)).toContain("Modifications non déposées");

    // « Déposer les modifications » posts the intent alone: the buffer is what is submitted.
    await session.get(`/dossiers/${dossierId}`);
    response = await session.post(`/dossiers/${dossierId}/modifier`, { intent: "submit" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}?modifie=1`);
    expect(await mainValue(dossierId, ids.projet)).toBe("Piscine");
    expect(await mainValue(dossierId, ids.devis)).toEqual([expect.objectContaining({ id: upload.body?.file?.id })]);
    expect(await hasUserBuffer(server.database.db, dossierId)).toBe(false);
    await session.get(`/dossiers/${dossierId}?modifie=1`);
    expect(pageText(session.lastHtml)).toContain("Vos modifications ont été déposées");
    expect(pageText(session.lastHtml)).not.toContain("Modifications non déposées");
  });

  it("submitted invalid from the dossier page, leads to the modification page with the errors and the values", async () => {
    const { dossierId, session, ids } = await setup();
    await session.get(`/dossiers/${dossierId}/modifier`);
    await session.post(`/dossiers/${dossierId}/modifier`, {
      intent: "save",
      [`champ_${ids.projet}`]: "Piscine",
      [`champ_${ids.montant}`]: "beaucoup",
    });
    await session.get(`/dossiers/${dossierId}`);
    const response = await session.post(`/dossiers/${dossierId}/modifier`, { intent: "submit" });
    expect(response.status).toBe(422);
    const text = pageText(session.lastHtml);
    expect(text).toContain("Le champ « Montant » doit être un nombre entier");
    expect(session.lastHtml).toContain('value="beaucoup"');
    expect(await mainValue(dossierId, ids.montant)).toBe("12000");
    expect(await bufferValue(dossierId, ids.montant)).toBe("beaucoup");
  });

  it("are cancelled after a confirmation page; the administration's version comes back", async () => {
    const { dossierId, session, ids } = await setup();
    await session.get(`/dossiers/${dossierId}/modifier`);
    await session.post(`/dossiers/${dossierId}/modifier`, { intent: "save", [`champ_${ids.projet}`]: "Piscine" });

    let response = await session.get(`/dossiers/${dossierId}/modifications/annuler`);
    expect(response.status).toBe(200);
    expect(pageText(session.lastHtml)).toContain("Oui, annuler les modifications");
    expect(await hasUserBuffer(server.database.db, dossierId)).toBe(true);
    response = await session.post(`/dossiers/${dossierId}/modifications/annuler`, {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}?annule=1`);
    expect(await hasUserBuffer(server.database.db, dossierId)).toBe(false);
    await session.get(`/dossiers/${dossierId}?annule=1`);
    expect(pageText(session.lastHtml)).toContain("Vos modifications non déposées ont été annulées");
    expect(pageText(session.lastHtml)).toContain("Gymnase");

    // Nothing left to cancel: back to the dossier.
    response = await session.get(`/dossiers/${dossierId}/modifications/annuler`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}`);
  });

  it("are dropped when the dossier passes en instruction, and the usager is told", async () => {
    const { db } = server.database;
    const { dossierId, session, ids, instructeur } = await setup();
    await session.get(`/dossiers/${dossierId}/modifier`);
    await session.post(`/dossiers/${dossierId}/modifier`, { intent: "save", [`champ_${ids.projet}`]: "Piscine" });
    expect((await passerEnInstruction(db, instructeur, dossierId)).ok).toBe(true);
    await session.get(`/dossiers/${dossierId}`);
    const text = pageText(session.lastHtml);
    expect(text).toContain("Modifications non déposées abandonnées");
    expect(text).toContain("Gymnase");
    expect(text).not.toContain("Piscine");
  });

  it("gives 404 to another usager and to an anonymous visitor; nothing changes", async () => {
    const { db } = server.database;
    const { dossierId, session, ids } = await setup();
    await session.get(`/dossiers/${dossierId}/modifier`);
    await session.post(`/dossiers/${dossierId}/modifier`, { intent: "save", [`champ_${ids.projet}`]: "Piscine" });
    const snapshot = async () =>
      db
        .select()
        .from(champs)
        .where(and(eq(champs.dossierId, dossierId)))
        .orderBy(champs.id);
    const before = await snapshot();

    const anonymous = new HttpSession(server.url);
    await anonymous.get("/");
    for (const intruder of [await signedInSession(server.url, await buildUser(db)), anonymous]) {
      expect((await intruder.get(`/dossiers/${dossierId}/modifications/annuler`)).status).toBe(404);
      const csrf = intruder.csrf();
      expect((await intruder.post(`/dossiers/${dossierId}/modifications/annuler`, {}, { csrf })).status).toBe(404);
      expect((await intruder.post(`/dossiers/${dossierId}/modifier`, { intent: "submit" }, { csrf })).status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });
});
