import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, groupesInstructeurs, revisions } from "../../../server/db/schema";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { fieldValue, location, newAdministrateur, pageText } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const presentation = {
  libelle: "Subvention pour l’équipement sportif",
  description: "Aide aux clubs pour acheter du matériel.",
  cadreJuridique: "Délibération du conseil municipal du 3 mars 2025",
  lienDpo: "dpo@mairie.fr",
  dureeConservation: "6",
};

describe("démarche creation and presentation", () => {
  it("creates a démarche in test with its draft and default groupe, then shows its overview", async () => {
    const { db } = server.database;
    const { browser, administrateurId } = await newAdministrateur(server);
    const form = await browser.get("/admin/procedures/new");
    expect(form.status).toBe(200);
    expect(browser.lastHtml).toContain("<title>Créer une nouvelle démarche – Guichet</title>");
    const created = await browser.post("/admin/procedures/new", presentation);
    const target = location(created);
    expect(target).toMatch(/^\/admin\/procedures\/\d+\?notice=created$/);
    const demarcheId = Number(target.split("/")[3]?.split("?")[0]);

    const [row] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
    expect(row).toMatchObject({ ...presentation, dureeConservation: 6, state: "brouillon", forIndividual: true });
    expect(row?.draftRevisionId).not.toBeNull();
    expect(await db.select().from(revisions).where(eq(revisions.demarcheId, demarcheId))).toHaveLength(1);
    const groupes = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
    expect(groupes.map((g) => g.isDefault)).toEqual([true]);

    const overview = await browser.get(target);
    expect(overview.status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("La démarche a été créée");
    expect(text).toContain("Présentation");
    expect(text).toContain("Formulaire usager");
    expect(text).toContain("Instructeurs");
    expect(text).toContain("Publication");
    expect(text).toContain("Le formulaire ne contient encore aucun champ à remplir.");
    expect(browser.lastHtml).toContain(`/commencer/test/${row?.path}`);
    expect(administrateurId).toBeGreaterThan(0);
  });

  it("shows errors next to the fields and in a summary, keeping what was typed", async () => {
    const { db } = server.database;
    const { browser } = await newAdministrateur(server);
    const before = await db.select().from(demarches);
    await browser.get("/admin/procedures/new");
    const response = await browser.post("/admin/procedures/new", {
      ...presentation,
      libelle: "   ",
      lienDpo: "pas une adresse",
      dureeConservation: "13",
    });
    expect(response.status).toBe(400);
    const html = browser.lastHtml;
    expect(html).toContain("<title>Erreur – Créer une nouvelle démarche – Guichet</title>");
    expect(html).toContain('id="error-summary"');
    expect(html).toContain('href="#libelle"');
    expect(html).toMatch(/id="libelle-error"[^>]*>Saisissez le titre de la démarche</);
    expect(html).toMatch(/aria-describedby="libelle-error"/);
    expect(html).toContain("Saisissez une adresse e-mail (dpo@exemple.gouv.fr) ou une adresse web commençant par https://");
    expect(html).toContain("Choisissez une durée de conservation entre 1 et 12 mois");
    expect(fieldValue(html, "description")).toBe(presentation.description);
    expect(fieldValue(html, "cadre_juridique")).toBe(presentation.cadreJuridique);
    expect(fieldValue(html, "lien_dpo")).toBe("pas une adresse");
    expect(await db.select().from(demarches)).toHaveLength(before.length);
  });

  it("edits the presentation, with errors shown and values kept", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    const page = `/admin/procedures/${demarche.id}/edit`;
    await browser.get(page);
    expect(fieldValue(browser.lastHtml, "libelle")).toBe(demarche.libelle);
    const invalid = await browser.post(page, { ...presentation, description: "" });
    expect(invalid.status).toBe(400);
    expect(browser.lastHtml).toContain("Décrivez l’objet de la démarche");
    expect(fieldValue(browser.lastHtml, "libelle")).toBe(presentation.libelle);
    const [unchanged] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    expect(unchanged?.libelle).toBe(demarche.libelle);

    expect(location(await browser.post(page, presentation))).toBe(`/admin/procedures/${demarche.id}?notice=updated`);
    const [updated] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    expect(updated).toMatchObject({ libelle: presentation.libelle, lienDpo: "dpo@mairie.fr", dureeConservation: 6 });
  });

  it("lists the administrateur's démarches by state, with counts, and only theirs", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const test = await buildDemarche(db, { administrateurEmail: admin.email, libelle: "Démarche en test", published: false });
    const published = await buildDemarche(db, { administrateurEmail: admin.email, libelle: "Démarche publiée" });
    const other = await buildDemarche(db, { libelle: "Démarche d’un autre administrateur" });

    await browser.get("/admin/procedures");
    let text = pageText(browser.lastHtml);
    // Published first when there are some, like the reference.
    expect(text).toContain("En test (1)");
    expect(text).toContain("Publiées (1)");
    expect(text).toContain("Closes (0)");
    expect(browser.lastHtml).toContain(`href="/admin/procedures/${published.demarche.id}"`);
    expect(browser.lastHtml).not.toContain(`href="/admin/procedures/${test.demarche.id}"`);
    expect(text).toContain("Créer une nouvelle démarche");
    expect(browser.lastHtml).toMatch(/class="fr-badge fr-badge--success[^"]*">Publiée</);

    await browser.get("/admin/procedures?statut=en-test");
    text = pageText(browser.lastHtml);
    expect(text).toContain("Démarche en test");
    expect(text).not.toContain("Démarche publiée");
    expect(text).not.toContain(other.demarche.libelle);
    expect(browser.lastHtml).toContain('aria-current="page"');
  });

  it("sends anonymous visitors to sign in", async () => {
    const { db } = server.database;
    const { demarche } = await buildDemarche(db, { published: false });
    const anonymous = await fetch(new URL(`/admin/procedures/${demarche.id}/champs`, server.url), { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(
      `/users/sign_in?redirect_to=${encodeURIComponent(`/admin/procedures/${demarche.id}/champs`)}`,
    );
    const home = await fetch(new URL("/admin/procedures", server.url), { redirect: "manual" });
    expect(home.headers.get("location")).toContain("/users/sign_in");
  });
});
