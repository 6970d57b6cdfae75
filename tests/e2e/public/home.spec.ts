import { DEMO, expect, signIn, test } from "../support/fixtures";

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

  for (const title of ["Mentions légales", "Données personnelles", "Conditions d’utilisation", "Aide et contact"]) {
    test(`« ${title} », reached from the footer`, async ({ page, checkA11y }) => {
      await page.goto("/");
      await page.getByRole("contentinfo").getByRole("link", { name: title, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
      await checkA11y(page);
    });
  }

  test("the header of a user with every space fits a 1280 px screen", async ({ page, checkA11y }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, DEMO.administrateur);
    await page.goto("/admin/procedures");
    const nav = page.getByRole("navigation", { name: "Vos espaces" });
    await expect(nav.getByRole("link", { name: "Administrateur" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Mes dossiers" })).toBeVisible();
    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      const row = document.querySelector(".fr-header__body-row");
      return {
        rowOverflows: row ? row.scrollWidth > row.clientWidth : true,
        pageOverflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        brandRight: box(".fr-header__brand")?.right ?? Number.POSITIVE_INFINITY,
        toolsLeft: box(".fr-header__tools-links .fr-btns-group li")?.left ?? 0,
        toolsRight: box(".fr-header__tools-links")?.right ?? Number.POSITIVE_INFINITY,
      };
    });
    expect(layout.rowOverflows).toBe(false);
    expect(layout.pageOverflows).toBe(false);
    // The tool links sit beside the Marianne block, inside the screen.
    expect(layout.toolsLeft).toBeGreaterThanOrEqual(layout.brandRight);
    expect(layout.toolsRight).toBeLessThanOrEqual(1280);
    await checkA11y(page);
  });
});
