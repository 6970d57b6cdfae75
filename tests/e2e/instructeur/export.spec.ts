import ExcelJS from "exceljs";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Exports, with and without JavaScript: filter a tab, ask for an XLSX export of it from the
 * « Télécharger les dossiers » menu, wait for the job (the downloads page shows it ready), receive
 * the e-mail, download the file and open it with a real reader. axe on every page.
 */
const DEMARCHE = "Demande de subvention pour une association";

test.describe("instructeur exports", () => {
  test("filter a tab, export it as XLSX, download it when ready", async ({ page, checkA11y, signIn, readMailbox }) => {
    test.setTimeout(300_000);
    await signIn(page, DEMO.instructeur);
    await page.goto("/procedures");
    await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
    await page.getByRole("link", { name: /^Au total/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);

    await test.step("filter the tab", async () => {
      await page.locator("summary", { hasText: "Filtrer" }).click();
      await page.getByLabel("Colonne", { exact: true }).selectOption({ label: "Déposé le" });
      await page.getByLabel("Condition", { exact: true }).selectOption({ label: "cette année" });
      await page.getByRole("button", { name: "Ajouter le filtre" }).click();
      await expect(page).toHaveURL(/filtre=/);
      await checkA11y(page);
    });

    await test.step("ask for an XLSX export of the filtered tab", async () => {
      await page.locator("summary", { hasText: "Télécharger les dossiers" }).click();
      await page.getByLabel("Tableur .xlsx (Excel)").check({ force: true }); // DSFR: the label covers the input
      await expect(page.getByTestId("export-form")).toContainText("l’onglet « Au total »");
      await checkA11y(page);
      await page.getByRole("button", { name: "Demander l’export" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Téléchargements");
      // The other project's run may have asked for the same export minutes ago: it is then reused.
      await expect(page.getByTestId("export-notice")).toContainText(/L’export est en préparation|Un export identique/);
      await checkA11y(page);
    });

    const link = page.getByRole("link", { name: /^Télécharger l’export XLSX/ }).first();
    await test.step("the job makes it ready; an e-mail says so", async () => {
      await expect(async () => {
        await page.reload();
        await expect(link).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 120_000 });
      await checkA11y(page);
      const mail = await readMailbox(page, DEMO.instructeur, { subject: /Votre export de \d+ dossiers? est prêt/ });
      expect(mail.text).toContain("/exports");
    });

    await test.step("download it and open it", async () => {
      const downloading = page.waitForEvent("download");
      await link.click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^dossiers_\d+_.+\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheet = workbook.getWorksheet("Dossiers");
      expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1, 3)).toEqual(["N° dossier", "E-mail"]);
      expect(sheet?.rowCount ?? 0).toBeGreaterThan(1);
      expect(typeof sheet?.getRow(2).getCell(1).value).toBe("number");
    });
  });
});
