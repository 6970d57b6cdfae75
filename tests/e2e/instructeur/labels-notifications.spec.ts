import { type Actor, instructeur, signOut, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Labels and notification badges, with and without JavaScript: the administrateur adds a label to
 * the seeded démarche; an instructeur follows a dossier en construction and puts the label on it;
 * the usager changes that dossier; the instructeur sees the « dossier modifié » badge on the list
 * row and on the dossier page, and it is gone once the dossier has been seen. axe on every page.
 * Label names are unique per project and run (both projects share one server).
 */

const DEMARCHE = "Demande de subvention pour une association";

test.describe("labels and notification badges", () => {
  test("label a dossier, see a badge after the usager's change, clear it by opening the dossier", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(300_000);
    const label = `${testInfo.project.name} ${Date.now() % 1_000_000_000}`;
    const actor: Actor = { page, checkA11y, javaScriptEnabled };

    await test.step("the administrateur adds a label to the démarche", async () => {
      await signIn(page, DEMO.administrateur);
      await page.goto("/admin/procedures");
      await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
      await page.getByRole("link", { name: "Gérer les labels" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Labels");
      await checkA11y(page);
      await page.getByLabel("Nom du label").last().fill("Un nom de label beaucoup trop long");
      await page.getByRole("button", { name: "Ajouter le label" }).click();
      await expect(page.getByText("Le nom du label doit faire 30 caractères au maximum.").last()).toBeVisible();
      await expect(page.getByLabel("Nom du label").last()).toHaveValue("Un nom de label beaucoup trop long");
      await checkA11y(page);
      await page.getByLabel("Nom du label").last().fill(label);
      await page.getByLabel("Couleur").last().selectOption({ label: "Vert menthe" });
      await page.getByRole("button", { name: "Ajouter le label" }).click();
      await expect(page.getByRole("status")).toContainText("Le label a été ajouté.");
      await expect(page.locator("#labels .fr-tag", { hasText: label })).toBeVisible();
      await checkA11y(page);
      await signOut(actor);
    });

    // Its own dossier: the other project's run (same server) has followed the seeded ones.
    const number = await test.step("the usager submits a dossier", async () => {
      await signIn(page, DEMO.usager);
      const created = await usager.fileSubventionDossier(actor, `Label ${label}`);
      await signOut(actor);
      return created;
    });

    const dossierPath = await test.step("the instructeur follows the dossier and puts the label on it", async () => {
      await signIn(page, DEMO.instructeur);
      await instructeur.openDossierToFollow(actor, DEMARCHE, number);
      await page.getByRole("button", { name: "Suivre le dossier" }).click();
      await expect(page.getByText("Vous suivez ce dossier.")).toBeVisible();
      const labels = page.getByRole("region", { name: "Labels" });
      await labels.getByLabel(label, { exact: true }).check({ force: true }); // DSFR: the label covers the input
      await labels.getByRole("button", { name: "Enregistrer les labels" }).click();
      await expect(page.getByText("Les labels du dossier ont été enregistrés.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Labels" }).locator(".fr-tag", { hasText: label })).toBeVisible();
      await checkA11y(page);
      const path = new URL(page.url()).pathname;
      await signOut(actor);
      return path;
    });

    await test.step("the usager changes the dossier", async () => {
      await signIn(page, DEMO.usager);
      await page.goto(`/dossiers/${number}/modifier`);
      await page.getByLabel("Nombre d’adhérents").fill(String(50 + (Date.now() % 900)));
      // Buffered until deposited: the instructeurs are told when the usager deposits the changes.
      await page.getByRole("button", { name: "Déposer les modifications" }).click();
      await expect(page.getByText("Vos modifications ont été déposées")).toBeVisible();
      await signOut(actor);
    });

    await test.step("the instructeur sees the badge on the list and the dossier, then it is gone", async () => {
      await signIn(page, DEMO.instructeur);
      const demarcheId = dossierPath.split("/")[2];
      await page.goto(`/procedures/${demarcheId}?statut=suivis`);
      const row = page.locator(`tr[data-dossier-id="${number}"]`);
      await expect(row.getByText("Dossier modifié")).toBeVisible();
      await expect(row.locator(".fr-tag", { hasText: label })).toBeVisible();
      await checkA11y(page);
      await row.getByRole("link", { name: `Dossier n° ${number}` }).click();
      await expect(page.getByText("Nouveau depuis votre dernière visite")).toBeVisible();
      await expect(page.locator("#nouveautes").getByText("Dossier modifié")).toBeVisible();
      await checkA11y(page);
      await page.goto(`/procedures/${demarcheId}?statut=suivis`);
      await expect(page.locator(`tr[data-dossier-id="${number}"]`)).toBeVisible();
      await expect(page.locator(`tr[data-dossier-id="${number}"]`).getByText("Dossier modifié")).toHaveCount(0);
      await checkA11y(page);
    });
  });
});
