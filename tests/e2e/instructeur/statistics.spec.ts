import { DEMO, expect, test } from "../support/fixtures";

/**
 * Statistics, with and without JavaScript: the instructeur opens the démarche's statistics from its
 * list (charts are SVG images named by their title, each with its data table behind a disclosure);
 * anyone opens the public statistics of the démarche and the platform's /stats page. axe on each page.
 */
const DEMARCHE = "Demande de subvention pour une association";
const PATH = "subvention-association";

test.describe("statistics", () => {
  test("the instructeur's statistics page, the public démarche page and /stats", async ({ page, checkA11y, signIn }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 375, height: 800 });

    await test.step("open the démarche's statistics from its list", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
      await page.getByRole("link", { name: "Statistiques", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Statistiques – ${DEMARCHE}`);
      await expect(page.getByRole("img", { name: /^Avancement des dossiers/ })).toBeVisible();
      await expect(page.getByRole("img", { name: /^Dossiers déposés par semaine/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Temps de traitement usuel" })).toBeVisible();
      // The chart stays within the phone's width.
      const box = await page.getByRole("img", { name: /^Avancement des dossiers/ }).boundingBox();
      expect(box?.width ?? 1000).toBeLessThanOrEqual(375);
      await checkA11y(page);
      const funnel = page.getByRole("region", { name: "Avancement des dossiers" });
      await funnel.locator("summary").click();
      const table = funnel.getByRole("table", { name: "Avancement des dossiers" });
      await expect(table).toBeVisible();
      await expect(table.getByRole("rowheader", { name: "Déposés" })).toBeVisible();
      await checkA11y(page);
    });

    await test.step("the public statistics of the démarche", async () => {
      await page.goto(`/statistiques/${PATH}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Statistiques – ${DEMARCHE}`);
      await expect(page.getByRole("img", { name: /^Dossiers traités par semaine/ })).toBeVisible();
      await expect(page.getByRole("link", { name: "Ces données en JSON" })).toBeVisible();
      await checkA11y(page);
    });

    await test.step("the platform's statistics", async () => {
      await page.goto("/stats");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistiques de Guichet");
      await expect(page.getByText("Démarches publiées")).toBeVisible();
      await expect(page.getByRole("img", { name: /^Dossiers déposés et traités par mois/ })).toBeVisible();
      await checkA11y(page);
    });
  });
});
