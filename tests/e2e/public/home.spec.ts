import { expect, test } from "../support/fixtures";

// Runs under both projects: `js` and `nojs` (see playwright.config.ts).
test.describe("public pages", () => {
  test("home page", async ({ page, checkA11y }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Guichet/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Faites vos démarches en ligne");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await checkA11y(page);
  });

  test("accessibility statement, reached from the footer", async ({ page, checkA11y }) => {
    await page.goto("/");
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: /accessibilité/i })
      .click();
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibilité");
    await expect(page).toHaveTitle(/Accessibilité/);
    await checkA11y(page);
  });

  test("an unknown URL gives the 404 page", async ({ page, checkA11y }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page).toHaveTitle(/Page introuvable/);
    await expect(page.getByRole("link", { name: /accueil/i }).first()).toBeVisible();
    await checkA11y(page);
  });
});
