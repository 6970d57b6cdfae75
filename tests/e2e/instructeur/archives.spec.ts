import { readFile } from "node:fs/promises";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Monthly archives for an instructeur, with and without JavaScript: from the démarche's list, open
 * « Archives mensuelles », ask for a month's archive of their groupes, wait for the job (the
 * page then shows the download link), download it: a ZIP (its first bytes). axe on the page.
 */
const DEMARCHE = "Demande de subvention pour une association";

test.describe("instructeur archives", () => {
  test("ask for a monthly archive, download it when ready", async ({ page, checkA11y, signIn }) => {
    test.setTimeout(180_000);
    await test.step("open « Archives mensuelles » from the démarche's list", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
      await page.getByRole("link", { name: "Archives mensuelles", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Archives de « ${DEMARCHE} »`);
      await checkA11y(page);
    });

    // Each project asks for its own month when the démarche has several (the runs may share a database):
    // the no-JS form is then exercised too.
    const rows = page.locator("tbody tr");
    const row = test.info().project.name === "nojs" ? rows.last() : rows.first();
    const month = await row.getAttribute("data-month");
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    // The month in words, as the e-mail writes it.
    await expect(row.getByRole("rowheader")).toHaveText(/^[a-zéû]+ \d{4}$/);
    const link = row.getByRole("link", { name: /^Télécharger l’archive de/ });

    await test.step("ask for it (the other project's run may have asked already: then it is there)", async () => {
      const ask = row.getByRole("button", { name: "Demander l’archive" });
      if (await ask.isVisible()) {
        await ask.click();
        await expect(page.getByRole("status")).toContainText(/L’archive est en préparation|déjà prête ou en préparation/);
        await checkA11y(page);
      }
    });

    await test.step("the job makes it ready; the ZIP downloads", async () => {
      await expect(async () => {
        await page.reload();
        await expect(link).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 120_000 });
      await checkA11y(page);
      const downloading = page.waitForEvent("download");
      await link.click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`archive_${download.suggestedFilename().split("_")[1]}_${month}.zip`);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
    });
  });
});
