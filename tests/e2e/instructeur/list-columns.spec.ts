import { DEMO, expect, test } from "../support/fixtures";

/**
 * The instructeur list's Labels and Avis columns, the sort menu (notifications first), the Avis
 * filter, and the batch message's refusal kept in its field, with and without JavaScript. axe on
 * every page.
 */
const DEMARCHE = "Demande de subvention pour une association";

test.describe("instructeur list: labels, avis, sort menu, batch message", () => {
  test("show the Labels and Avis columns, sort notifications first, filter on avis", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }) => {
    test.setTimeout(300_000);
    await signIn(page, DEMO.instructeur);
    await page.goto("/procedures");
    await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
    await page.getByRole("link", { name: /^Au total/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);

    await test.step("choose the Labels and Avis columns", async () => {
      await page.locator("summary", { hasText: "Colonnes affichées" }).click();
      await page.getByLabel("Labels", { exact: true }).check({ force: true }); // DSFR: the label covers the input
      await page.getByLabel("Avis", { exact: true }).check({ force: true });
      await page.getByRole("button", { name: "Enregistrer les colonnes" }).click();
      await expect(page.getByText("Vos colonnes ont été enregistrées.")).toBeVisible();
      await expect(page.getByRole("columnheader", { name: "Labels", exact: true })).toBeVisible();
      await expect(page.getByRole("columnheader", { name: "Avis", exact: true })).toBeVisible();
      await checkA11y(page);
    });

    await test.step("sort notifications first from the sort menu", async () => {
      await page.getByLabel("Trier par", { exact: true }).selectOption({ label: "Notifications d’abord" });
      await page.getByLabel("Ordre", { exact: true }).selectOption({ label: "décroissant" });
      await page.getByRole("button", { name: "Trier", exact: true }).click();
      await expect(page).toHaveURL(/tri=notifications/);
      await expect(page.locator("caption")).toContainText("triés par Notifications d’abord, ordre décroissant");
      await expect(page.locator("tbody tr").first()).toBeVisible();
      await checkA11y(page);
    });

    await test.step("filter on dossiers without avis", async () => {
      await page.locator("summary", { hasText: "Filtrer" }).click();
      await page.getByLabel("Colonne", { exact: true }).selectOption({ label: "Avis" });
      await page.getByLabel("Condition", { exact: true }).selectOption({ label: "non renseigné" });
      await page.getByRole("button", { name: "Ajouter le filtre" }).click();
      await expect(
        page.getByTestId("filter-chips").getByRole("link", { name: "Retirer le filtre Avis non renseigné" }),
      ).toBeVisible();
      await expect(page).toHaveURL(/tri=notifications/);
      await checkA11y(page);
    });

    await test.step("a batch message without text is refused, the error linked to its field", async () => {
      await page.locator("tbody input[name=dossiers]").first().check({ force: true });
      // JavaScript unfolds the batch actions at the first tick; without it, the summary does.
      const details = page.getByTestId("batch-details");
      if (javaScriptEnabled) await expect(details).toHaveAttribute("open", "");
      else await details.locator("summary").click();
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      const field = page.getByLabel(/^Message à chaque usager/);
      await expect(page.getByText("Écrivez le message à envoyer.")).toBeVisible();
      await expect(field).toHaveAttribute("aria-describedby", /lot-message-error/);
      await checkA11y(page);
    });
  });
});
