import { DEMO, expect, test } from "../support/fixtures";

/**
 * The administrateur's webhooks page (issue 15), with and without JavaScript: it opens from the
 * démarche's overview without a page error (its server modules once crashed the browser's bundle),
 * passes axe, and refuses an address that is not http(s) with its own message, keeping what was typed.
 */
const DEMARCHE = "Demande de subvention pour une association";

test.describe("webhooks page", () => {
  test("opens from the overview and refuses a bad address, keeping it", async ({ page, signIn, checkA11y }) => {
    await signIn(page, DEMO.administrateur);
    await page.goto("/admin/procedures");
    await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
    await page.getByRole("link", { name: "Gérer les webhooks" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");
    await checkA11y(page);

    const address = page.getByLabel("Adresse de réception").first();
    await address.fill("ftp://exemple.fr/guichet");
    await page.getByRole("button", { name: "Créer l’abonnement" }).click();
    await expect(page.getByText("L’adresse doit commencer par http:// ou https://.").first()).toBeVisible();
    await expect(page.getByLabel("Adresse de réception").first()).toHaveValue("ftp://exemple.fr/guichet");
    await checkA11y(page);
  });
});
