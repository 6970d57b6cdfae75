import { type Actor, instructeur, signOut, uniqueSuffix, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Changes to a dossier en construction are buffered, with and without JavaScript: the usager
 * changes a submitted dossier (autosaved with JavaScript, « Enregistrer sans déposer » without),
 * leaves; the instructeur still sees the submitted value; the usager finds the reminder in « Mes
 * dossiers » and on the dossier, presses « Déposer les modifications »; the instructeur now sees
 * the new value. axe on every page.
 */

const DEMARCHE = { libelle: "Demande de subvention pour une association", path: "subvention-association" };

test.describe("changes en construction", () => {
  test("stay with the usager until they submit them", async ({ page, signIn, checkA11y, javaScriptEnabled }, testInfo) => {
    // Three sign-ins and a dozen pages checked with axe, on two loaded cores.
    test.setTimeout(420_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const suffix = uniqueSuffix(testInfo);
    const before = `Les Amis du Parc ${suffix}`;
    const after = `Les Amis du Jardin ${suffix}`;

    const dossier = await test.step("the usager submits a dossier", async () => {
      await signIn(page, DEMO.usager);
      // The demo usager already has dossiers there: « Commencer un nouveau dossier ».
      await page.goto(`/commencer/${DEMARCHE.path}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE.libelle);
      await page.getByRole("button", { name: /Commencer/ }).click();
      await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
      const number = Number(new URL(page.url()).pathname.split("/")[2]);
      await usager.fillIdentity(actor, { civilite: "Mme", nom: "Martin", prenom: "Léa" });
      await page.getByLabel("Nom de l’association").fill(before);
      await page.getByLabel("Date de création").fill("2020-05-04");
      await page.getByLabel("Nombre d’adhérents").fill("40");
      await page.getByLabel("Description du projet").fill("Des concerts gratuits dans le parc.");
      await page.getByLabel("Autre", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
      await page.getByLabel("Si autre, précisez").fill("Patrimoine");
      await page.getByLabel("Montant demandé (€)").fill("1500");
      await usager.submitDossier(actor, number);
      return number;
    });

    await test.step("the usager changes it and leaves without submitting", async () => {
      await page.goto(`/dossiers/${dossier}`);
      await page.getByRole("link", { name: "Modifier mon dossier" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}/modifier$`));
      await checkA11y(page);
      await page.getByLabel("Nom de l’association").fill(after);
      if (javaScriptEnabled) {
        await page.getByLabel("Nom de l’association").press("Tab");
        await expect(
          page.getByRole("status").filter({ hasText: /Modifications enregistrées à \d{1,2} h \d{2}, pas encore déposées/ }),
        ).toBeVisible({ timeout: 15_000 });
      } else {
        await page.getByRole("button", { name: "Enregistrer sans déposer" }).click();
        await expect(page.getByText("Elles ne sont pas encore transmises à l’administration.")).toBeVisible();
      }
      await checkA11y(page);
      await page.goto(`/dossiers/${dossier}`);
      await expect(page.getByRole("heading", { name: "Modifications non déposées" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Formulaire" })).toContainText(after);
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the instructeur still sees the submitted value", async () => {
      await signIn(page, DEMO.instructeur);
      await instructeur.openDossierToFollow(actor, DEMARCHE.libelle, dossier);
      const form = page.getByRole("region", { name: "Formulaire" });
      await expect(form).toContainText(before);
      await expect(form).not.toContainText(after);
      await signOut(actor);
    });

    await test.step("the usager finds the reminder and submits the changes", async () => {
      await signIn(page, DEMO.usager);
      await page.goto("/dossiers");
      const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: String(dossier), exact: true }) });
      await expect(row).toContainText("Modifications non déposées");
      await checkA11y(page);
      await row.getByRole("link", { name: `Déposer les modifications du dossier n° ${dossier}` }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}$`));
      await page.getByRole("button", { name: "Déposer les modifications" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}\\?modifie=1$`));
      await expect(page.getByText("Vos modifications ont été déposées")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Modifications non déposées" })).toHaveCount(0);
      await expect(page.getByText("Dossier corrigé par vos soins")).toBeVisible();
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the instructeur sees the new value", async () => {
      await signIn(page, DEMO.instructeur);
      await instructeur.openDossierToFollow(actor, DEMARCHE.libelle, dossier);
      const form = page.getByRole("region", { name: "Formulaire" });
      await expect(form).toContainText(after);
      await expect(form).not.toContainText(before);
    });
  });
});
