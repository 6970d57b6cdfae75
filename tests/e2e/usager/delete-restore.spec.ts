import { DEMO_DEMARCHE } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Deleting and restoring a dossier (issue 13 item 6), with and without JavaScript: the demo usager
 * starts a brouillon, finds it in « Mes dossiers » by its number, deletes it through the
 * confirmation page, sees it in « Supprimés récemment » and restores it. axe on every page.
 */
test.describe("suppression et restauration", () => {
  test("the usager deletes a brouillon and restores it", async ({ page, checkA11y, signIn }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.usager);
    await page.goto("/commencer/subvention-association");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_DEMARCHE);
    await page
      .getByRole("button", { name: /Commencer/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
    const number = Number(new URL(page.url()).pathname.split("/")[2]);

    await page.goto("/dossiers");
    await page.getByLabel("Numéro de dossier ou nom de la démarche").fill(String(number));
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers\\?q=${number}`));
    await checkA11y(page);
    await page.getByRole("link", { name: `Supprimer le dossier n° ${number}` }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Supprimer le dossier n° ${number}`);
    await checkA11y(page);
    await page.getByRole("button", { name: "Supprimer le dossier" }).click();

    await expect(page).toHaveURL(new RegExp(`/dossiers/supprimes\\?supprime=${number}$`));
    await expect(page.getByText(`Le dossier n° ${number} a été supprimé.`)).toBeVisible();
    await checkA11y(page);
    await page.getByRole("button", { name: `Restaurer le dossier n° ${number}` }).click();

    await expect(page).toHaveURL(new RegExp(`/dossiers/supprimes\\?retabli=${number}$`));
    await expect(page.getByText(`Le dossier n° ${number} a été restauré`)).toBeVisible();
    await page.goto(`/dossiers?q=${number}`);
    await expect(page.getByRole("link", { name: `Supprimer le dossier n° ${number}` })).toBeVisible();
    await checkA11y(page);
  });
});
