import { type Actor, admin, signOut, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Routing (issue 11), with and without JavaScript: the administrateur builds a démarche with a
 * drop-down field, turns on simple routing on it (one groupe per option, each with its rule), puts
 * the demo instructeur in the « Vélo » groupe and themself in the « Jardin » one, and publishes; the
 * usager answers « Vélo » and submits; the instructeur of « Vélo » sees the dossier, that of
 * « Jardin » neither in the list nor at its address (404). axe on every page. The démarche is
 * unique per project and run (both projects share one server).
 */
test.describe("routing by a drop-down field", () => {
  test("the dossier lands in the groupe its answer names, and only that groupe sees it", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(600_000);
    const stamp = `${testInfo.project.name}-${Date.now() % 1_000_000_000}`;
    const libelle = `Routage ${stamp}`;
    const path = `routage-${stamp}`.toLowerCase();
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const field = { type: "drop_down_list" as const, libelle: "Thème du projet", mandatory: true, options: ["Vélo", "Jardin"] };

    const demarche = await test.step("the administrateur builds the démarche and routes on its drop-down", async () => {
      await signIn(page, DEMO.administrateur);
      const created = await admin.createDemarche(actor, {
        libelle,
        description: "Une démarche routée par thème.",
        cadreJuridique: "https://www.legifrance.gouv.fr/",
        lienDpo: "dpo@exemple.fr",
        dureeConservation: "6 mois",
      });
      const demarche = { ...created, libelle, path };
      await admin.buildForm(actor, demarche, [field]);
      await admin.assignInstructeur(actor, demarche, DEMO.administrateur);

      await page.goto(`/admin/procedures/${created.number}/groupes`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Groupes instructeurs");
      await checkA11y(page);
      await page.getByLabel(/^Champ du formulaire/).selectOption({ label: field.libelle });
      await page.getByRole("button", { name: "Créer les groupes" }).click();
      await expect(page.getByText("2 groupes ont reçu leur règle.")).toBeVisible();
      await checkA11y(page);

      for (const [label, email] of [
        ["Vélo", DEMO.instructeur],
        ["Jardin", DEMO.administrateur],
      ] as const) {
        await page.goto(`/admin/procedures/${created.number}/groupes`);
        await page.getByRole("link", { name: label, exact: true }).click();
        await expect(page.getByRole("heading", { level: 1 })).toContainText(label);
        await page.getByLabel(/^Adresses e-mail des instructeurs à ajouter/).fill(email);
        await page.getByRole("button", { name: "Ajouter au groupe" }).click();
        await expect(page.getByText("Les instructeurs ont été ajoutés ; ils reçoivent un e-mail.")).toBeVisible();
        await expect(page.getByRole("main")).toContainText(email);
        await checkA11y(page);
      }
      await admin.publish(actor, demarche);
      await signOut(actor);
      return demarche;
    });

    const number = await test.step("the usager answers « Vélo » and submits", async () => {
      await signIn(page, DEMO.usager);
      const started = await usager.startDossier(actor, demarche);
      await usager.fillIdentity(actor, { civilite: "Mme", nom: "Martin", prenom: "Léa" });
      await usager.fillChamps(actor, [{ champ: field, value: "Vélo" }]);
      await usager.submitDossier(actor, started);
      await signOut(actor);
      return started;
    });

    const dossierPath = `/procedures/${demarche.number}/dossiers/${number}`;

    await test.step("the instructeur of « Vélo » sees the dossier, in its groupe", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto(`/procedures/${demarche.number}?statut=tous`);
      await expect(page.locator(`[data-dossier-id="${number}"]`).first()).toBeVisible();
      await checkA11y(page);
      await page.goto(dossierPath);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(String(number));
      await expect(page.getByTestId("groupe-instructeur")).toContainText("Ce dossier est confié au groupe « Vélo ».");
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the instructeur of « Jardin » does not see it", async () => {
      await signIn(page, DEMO.administrateur);
      await page.goto(`/procedures/${demarche.number}?statut=tous`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator(`[data-dossier-id="${number}"]`)).toHaveCount(0);
      await checkA11y(page);
      const response = await page.goto(dossierPath);
      expect(response?.status()).toBe(404);
      await signOut(actor);
    });
  });
});
