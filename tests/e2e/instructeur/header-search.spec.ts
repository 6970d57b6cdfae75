import { DEMO, expect, test } from "../support/fixtures";

/**
 * The header's search (`/recherche`), with and without JavaScript: a word lists the matching
 * dossiers of every démarche (accents and case ignored), a dossier number opens that dossier. axe
 * on the results page.
 */
test.describe("header search", () => {
  test("a word lists results, a number opens the dossier", async ({ page, checkA11y, signIn }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.instructeur);
    await page.goto("/procedures");

    await test.step("a word lists the matching dossiers", async () => {
      await page.locator("#header-search-input").fill("CLÂIRE");
      await page.locator("#header-search-bar").getByRole("button", { name: "Rechercher" }).click();
      await expect(page).toHaveURL(/\/recherche\?q=CL%C3%82IRE/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recherche dans mes démarches");
      const rows = page.locator("tbody tr");
      await expect(rows.first()).toBeVisible();
      await expect(page.locator("tbody")).toContainText("Claire");
      await expect(page.locator("#recherche-total")).toContainText("« CLÂIRE »");
      await checkA11y(page);
    });

    await test.step("a number opens that dossier", async () => {
      const number = await page.locator("tbody tr").first().getAttribute("data-dossier-id");
      expect(number).toMatch(/^\d+$/);
      await page.locator("#header-search-input").fill(String(number));
      await page.locator("#header-search-bar").getByRole("button", { name: "Rechercher" }).click();
      await expect(page).toHaveURL(new RegExp(`/procedures/\\d+/dossiers/${number}$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(String(number));
    });
  });
});
