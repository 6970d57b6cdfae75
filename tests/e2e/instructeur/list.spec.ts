import { DEMO, expect, test } from "../support/fixtures";

/**
 * The instructeur list, with and without JavaScript: choose a column (saved), filter by a field and
 * by a date (chips in the URL, removable), search with and without accents. axe on every page.
 */
const DEMARCHE = "Demande de subvention pour une association";

test.describe("instructeur list", () => {
  test("columns, filters as chips, search with and without accents", async ({ page, checkA11y, signIn }) => {
    test.setTimeout(300_000);
    await signIn(page, DEMO.instructeur);
    await page.goto("/procedures");
    await checkA11y(page);
    await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
    await page.getByRole("link", { name: /^Au total/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
    await checkA11y(page);

    await test.step("choose a column", async () => {
      await page.locator("summary", { hasText: "Colonnes affichées" }).click();
      await page.getByLabel("Nombre d’adhérents", { exact: true }).check({ force: true }); // DSFR: the label covers the input
      await page.getByRole("button", { name: "Enregistrer les colonnes" }).click();
      await expect(page.getByText("Vos colonnes ont été enregistrées.")).toBeVisible();
      await expect(page.getByRole("columnheader", { name: /Nombre d’adhérents/ })).toBeVisible();
      await checkA11y(page);
    });

    await test.step("filter by a field and by a date, then remove a chip", async () => {
      await page.locator("summary", { hasText: "Filtrer" }).click();
      await page.getByLabel("Colonne", { exact: true }).selectOption({ label: "Nombre d’adhérents" });
      await page.getByLabel("Condition", { exact: true }).selectOption({ label: "supérieur à" });
      await page.getByLabel(/^Valeur/).fill("0");
      await page.getByRole("button", { name: "Ajouter le filtre" }).click();
      await expect(page).toHaveURL(/filtre=/);
      await page.locator("summary", { hasText: "Filtrer" }).click();
      await page.getByLabel("Colonne", { exact: true }).selectOption({ label: "Déposé le" });
      await page.getByLabel("Condition", { exact: true }).selectOption({ label: "cette année" });
      await page.getByRole("button", { name: "Ajouter le filtre" }).click();
      const chips = page.getByTestId("filter-chips");
      await expect(chips.getByRole("link", { name: /^Retirer le filtre/ })).toHaveCount(2);
      await expect(page.locator("tbody tr").first()).toBeVisible();
      await checkA11y(page);
      // An impossible date: a clear message, what was typed kept.
      await page.locator("summary", { hasText: "Filtrer" }).click();
      await page.getByLabel("Colonne", { exact: true }).selectOption({ label: "Date de création" });
      await page.getByLabel("Condition", { exact: true }).selectOption({ label: "avant le" });
      await page.getByLabel(/^Valeur/).fill("31/02/2020");
      await page.getByRole("button", { name: "Ajouter le filtre" }).click();
      await expect(page.getByText("« 31/02/2020 » n’est pas une date valide (JJ/MM/AAAA).")).toBeVisible();
      await expect(page.getByLabel(/^Valeur/)).toHaveValue("31/02/2020");
      await checkA11y(page);
      await page.getByRole("link", { name: /^Retirer le filtre Déposé le/ }).click();
      await expect(page.getByTestId("filter-chips").getByRole("link", { name: /^Retirer le filtre/ })).toHaveCount(1);
      await page.getByRole("link", { name: "Retirer tous les filtres" }).click();
      await expect(page.getByTestId("filter-chips")).toHaveCount(0);
    });

    await test.step("search with and without accents", async () => {
      for (const q of ["CLAIRE", "clâire"]) {
        await page.getByLabel(/^Rechercher dans les dossiers/).fill(q);
        // The list's own search (the header has the cross-démarche one).
        await page.locator("#recherche-dossiers").getByRole("button", { name: "Rechercher", exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`));
        await expect(page.locator("tbody tr").first()).toBeVisible();
        await expect(page.locator("tbody")).toContainText("Claire");
      }
      await checkA11y(page);
    });
  });
});
