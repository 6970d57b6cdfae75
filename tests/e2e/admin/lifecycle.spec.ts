import { type Actor, admin } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * A démarche's life (issue 12), with and without JavaScript: create it from a gallery model, give
 * it an instructeur, publish it, close it in favour of another published démarche of the
 * administrateur, and follow its old link to the replacement. axe on every page.
 */
test.describe("démarche lifecycle", () => {
  test("clones a model démarche, publishes it, closes it with a replacement, follows the old link", async ({
    page,
    signIn,
    checkA11y,
  }, testInfo) => {
    test.slow();
    const path = `signalement-${testInfo.project.name}-${Date.now()}`;
    await signIn(page, DEMO.administrateur);

    await page.goto("/admin/procedures");
    await page.getByRole("link", { name: "Créer à partir d’un modèle" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modèles de démarches");
    await checkA11y(page);
    await page.getByRole("button", { name: "Utiliser ce modèle « Signaler un problème sur l'espace public »" }).click();
    await expect(page.getByText("La démarche a été créée en test.")).toBeVisible();
    const demarcheId = Number(/\/admin\/procedures\/(\d+)/.exec(page.url())?.[1]);
    await checkA11y(page);

    await page.goto(`/admin/procedures/${demarcheId}/instructeurs`);
    await page.getByLabel("Adresses e-mail").fill(DEMO.instructeur);
    await page.getByRole("button", { name: "Ajouter", exact: true }).click();
    await expect(page.getByRole("row", { name: new RegExp(DEMO.instructeur) })).toBeVisible();

    // A model has no service nor website: both are required to publish.
    const actor = { page, checkA11y, javaScriptEnabled: testInfo.project.name === "js" } as Actor;
    await admin.createService(actor, demarcheId);
    await page.goto(`/admin/procedures/${demarcheId}/edit`);
    await page.getByLabel(/^Lien du site internet/).fill("https://www.exemple.fr/signalements");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/procedures/${demarcheId}(\\?|$)`));

    await page.goto(`/admin/procedures/${demarcheId}/publication`);
    await page.getByLabel("Adresse de la démarche").fill(path);
    await page.locator('label[for="confirmTestDeletion"]').click();
    await page.getByRole("button", { name: "Publier la démarche" }).click();
    await expect(page.getByRole("link", { name: new RegExp(`/commencer/${path}$`) })).toBeVisible();

    await page.goto(`/admin/procedures/${demarcheId}`);
    await page.getByRole("link", { name: "Clore, dépublier ou supprimer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clore, dépublier ou supprimer");
    await checkA11y(page);
    // A closing date in the past: a specific message, nothing closes.
    await page.locator("#autoArchiveOn").fill("2020-01-01");
    await page.getByRole("button", { name: "Enregistrer la date" }).click();
    await expect(page.locator("#error-summary")).toContainText("La date de fermeture doit être postérieure à aujourd’hui.");
    await checkA11y(page);

    const replacement = page.getByLabel("Démarche qui remplace celle-ci (facultatif)");
    const options = await replacement.locator("option").all();
    const replacementId = await options[1]?.getAttribute("value");
    expect(replacementId).toBeTruthy();
    await replacement.selectOption(replacementId as string);
    await page.locator('label[for="notifyBrouillon"]').click();
    await page.getByRole("button", { name: "Clore la démarche" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/procedures/${demarcheId}\\?notice=closed$`));

    // The old link leads to the replacement démarche.
    await page.goto(`/commencer/${path}`);
    await expect(page).not.toHaveURL(new RegExp(`/commencer/${path}$`));
    await expect(page).toHaveURL(/\/commencer\/[a-z0-9_-]+$/);
    await checkA11y(page);
  });
});
