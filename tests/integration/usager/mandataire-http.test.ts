/**
 * Filing for someone else (« pour un tiers », issue 13 item 3) over HTTP, without JavaScript: the
 * identity step asks for whom the usager files; as mandataire their names are required (typed values
 * kept on a refusal), the bénéficiaire's e-mail is optional and checked; the instructeur sees who filed.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, dossiers } from "../../../server/db/schema";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { fieldValue, location, pageText, queuedMails, signedIn } from "../admin/helpers";
import { signedInSession } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

describe("the identity step of a démarche open to mandataires", () => {
  it("records the mandataire, refuses missing names keeping what was typed, and shows them to the instructeur", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db);
    await db.update(demarches).set({ forTiersEnabled: true }).where(eq(demarches.id, built.demarche.id));
    const { dossierId, usager } = await buildDossier(db, { demarche: built.demarche });
    const browser = await signedInSession(server.url, usager);
    const page = `/dossiers/${dossierId}/identite`;
    expect((await browser.get(page)).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Pour qui déposez-vous ce dossier ?");

    const bénéficiaire = { civilite: "Mme", nom: "Lefèvre", prenom: "Jeanne" };
    const refused = await browser.post(page, {
      ...bénéficiaire,
      forTiers: "true",
      mandataireFirstName: "",
      mandataireLastName: "Roux",
      beneficiaireEmail: "pas-une-adresse",
    });
    expect(refused.status).toBe(422);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Saisissez votre prénom de mandataire");
    expect(text).toContain("Saisissez une adresse électronique valide");
    expect(fieldValue(browser.lastHtml, "identite-mandataireLastName")).toBe("Roux");
    expect(fieldValue(browser.lastHtml, "identite-nom")).toBe("Lefèvre");
    const [untouched] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(untouched?.forTiers).toBe(false);

    const saved = await browser.post(page, {
      ...bénéficiaire,
      forTiers: "true",
      mandataireFirstName: "Paul",
      mandataireLastName: "Roux",
      beneficiaireEmail: "jeanne.lefevre@exemple.fr",
    });
    expect(location(saved)).toBe(`/dossiers/${dossierId}/brouillon`);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({
      forTiers: true,
      mandataireFirstName: "Paul",
      mandataireLastName: "Roux",
      beneficiaireEmail: "jeanne.lefevre@exemple.fr",
      nom: "Lefèvre",
    });

    expect(await submitDossier(db, usager.userId, dossierId)).toMatchObject({ ok: true });
    // The accusé de réception goes to the mandataire's account and, as a copy, to the bénéficiaire.
    const deposes = (await queuedMails(db)).filter((m) => m.template === "dossier_depose");
    expect(deposes.map((m) => m.to)).toEqual(expect.arrayContaining([usager.email, "jeanne.lefevre@exemple.fr"]));
    const instructeur = built.instructeurs[0];
    if (!instructeur) throw new Error("no instructeur");
    const agent = await signedIn(server, instructeur.email);
    expect((await agent.get(`/procedures/${built.demarche.id}/dossiers/${dossierId}`)).status).toBe(200);
    const seen = pageText(agent.lastHtml);
    expect(seen).toContain("Déposé par Paul Roux pour le compte du bénéficiaire.");
    expect(seen).toContain("jeanne.lefevre@exemple.fr");
  });

  it("does not ask on a démarche that does not allow it", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche: built.demarche });
    const browser = await signedInSession(server.url, usager);
    expect((await browser.get(`/dossiers/${dossierId}/identite`)).status).toBe(200);
    expect(pageText(browser.lastHtml)).not.toContain("Pour qui déposez-vous ce dossier ?");
    // A forged « pour un tiers » is ignored there.
    await browser.post(`/dossiers/${dossierId}/identite`, {
      civilite: "M.",
      nom: "Durand",
      prenom: "Marc",
      forTiers: "true",
      mandataireFirstName: "X",
      mandataireLastName: "Y",
    });
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({ forTiers: false, mandataireFirstName: null, nom: "Durand" });
  });
});
