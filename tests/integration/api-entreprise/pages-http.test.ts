/**
 * Personnes morales over HTTP, without JavaScript: the administrateur's « Public de la démarche »
 * page (saved, bad value refused, locked once published, 404 for another administrateur), and the
 * instructeur's dossier page showing the établissement API Entreprise described.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { type ApiEntrepriseServer, DEMO_SIRETS, startApiEntrepriseServer } from "../../../server/dev/api-entreprise-server";
import { setEtablissement } from "../../../server/operations/dossiers/set-etablissement";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, newAdministrateur, pageText, signedIn } from "../admin/helpers";

let server: TestServer;
let apiEntreprise: ApiEntrepriseServer;
beforeAll(async () => {
  server = await startTestServer();
  apiEntreprise = await startApiEntrepriseServer();
}, 300_000);
afterAll(async () => {
  await apiEntreprise?.stop();
  await server?.stop();
});

async function audienceOf(demarcheId: number) {
  const [row] = await server.database.db
    .select({ forIndividual: demarches.forIndividual, forTiersEnabled: demarches.forTiersEnabled })
    .from(demarches)
    .where(eq(demarches.id, demarcheId));
  return row;
}

describe("the « Public de la démarche » page", () => {
  it("saves the audience, refuses a bad value and a change once published, and is a 404 for another administrateur", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { published: false });
    const browser = await signedIn(server, built.admin.email);
    const page = `/admin/procedures/${built.demarche.id}/public`;
    expect((await browser.get(page)).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Les dossiers sont déposés par");

    const bad = await browser.post(page, { audience: "entreprises" });
    expect(bad.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Choisissez l’une des options proposées");
    expect(await audienceOf(built.demarche.id)).toEqual({ forIndividual: true, forTiersEnabled: false });

    const tiers = await browser.post(page, { audience: "particuliers", forTiersEnabled: "on" });
    expect(location(tiers)).toBe(`${page}?notice=saved`);
    expect(await audienceOf(built.demarche.id)).toEqual({ forIndividual: true, forTiersEnabled: true });
    const saved = await browser.post(page, { audience: "personnes_morales", forTiersEnabled: "on" });
    expect(location(saved)).toBe(`${page}?notice=saved`);
    // Filing for a tiers is about natural persons: dropped for personnes morales.
    expect(await audienceOf(built.demarche.id)).toEqual({ forIndividual: false, forTiersEnabled: false });
    await browser.get(`/admin/procedures/${built.demarche.id}`);
    expect(pageText(browser.lastHtml)).toContain("Personnes morales (SIRET)");

    const { browser: stranger } = await newAdministrateur(server);
    expect((await stranger.get(page)).status).toBe(404);
    expect((await stranger.post(page, { audience: "particuliers" })).status).toBe(404);
    expect(await audienceOf(built.demarche.id)).toEqual({ forIndividual: false, forTiersEnabled: false });

    const published = await buildDemarche(db, { published: true });
    const owner = await signedIn(server, published.admin.email);
    const locked = await owner.post(`/admin/procedures/${published.demarche.id}/public`, { audience: "personnes_morales" });
    expect(locked.status).toBe(400);
    expect(pageText(owner.lastHtml)).toContain("La démarche est publiée : son public ne peut plus changer");
    expect((await audienceOf(published.demarche.id))?.forIndividual).toBe(true);
  });
});

describe("the instructeur's dossier page of a personne morale", () => {
  it("shows the établissement's SIRET and raison sociale", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { published: true });
    const { dossierId, usager } = await buildDossier(db, { demarche: { id: built.demarche.id, path: built.path ?? null } });
    await db.update(demarches).set({ forIndividual: false }).where(eq(demarches.id, built.demarche.id));
    apiEntreprise.setMode("ok");
    const services = {
      apiEntreprise: { url: apiEntreprise.url, token: apiEntreprise.token, recipient: "13002526500013", timeoutMs: 2_000 },
      retryDelayMs: 0,
    };
    expect(await setEtablissement(db, services, usager.userId, dossierId, { siret: DEMO_SIRETS.entreprise })).toMatchObject({
      ok: true,
    });
    expect(await submitDossier(db, usager.userId, dossierId)).toMatchObject({ ok: true });

    const instructeur = built.instructeurs[0];
    if (!instructeur) throw new Error("no instructeur");
    const browser = await signedIn(server, instructeur.email);
    expect((await browser.get(`/procedures/${built.demarche.id}/dossiers/${dossierId}`)).status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("418 166 096 00069");
    expect(text).toContain("OCTO TECHNOLOGY");
  });
});
