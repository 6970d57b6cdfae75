import { readFile } from "node:fs/promises";
import { type Actor, uniqueSuffix, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";
import { readPdf } from "../../support/pdf-text";

/**
 * « Télécharger le dossier », with and without JavaScript: the usager submits a dossier, opens it
 * (axe), downloads its PDF from the dossier page and finds in it what they typed.
 */

const DEMARCHE = { libelle: "Demande de subvention pour une association", path: "subvention-association" };

test.describe("dossier PDF", () => {
  test("the usager downloads their dossier as a PDF", async ({ page, signIn, checkA11y, javaScriptEnabled }, testInfo) => {
    test.setTimeout(300_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const association = `Les Amis du Lavoir ${uniqueSuffix(testInfo)}`;

    const dossier = await test.step("the usager submits a dossier", async () => {
      await signIn(page, DEMO.usager);
      await page.goto(`/commencer/${DEMARCHE.path}`);
      await page.getByRole("button", { name: /Commencer/ }).click();
      await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
      const number = Number(new URL(page.url()).pathname.split("/")[2]);
      await usager.fillIdentity(actor, { civilite: "Mme", nom: "Roussel", prenom: "Inès" });
      await page.getByLabel("Nom de l’association").fill(association);
      await page.getByLabel("Date de création").fill("2019-09-01");
      await page.getByLabel("Nombre d’adhérents").fill("25");
      await page.getByLabel("Description du projet").fill("Restaurer le lavoir du village.");
      await page.getByLabel("Autre", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
      await page.getByLabel("Si autre, précisez").fill("Patrimoine");
      await page.getByLabel("Montant demandé (€)").fill("2500");
      await usager.submitDossier(actor, number);
      return number;
    });

    await test.step("downloads it from the dossier page and reads it", async () => {
      await page.goto(`/dossiers/${dossier}`);
      await checkA11y(page);
      const link = page.getByRole("link", { name: /Télécharger le dossier/ });
      await expect(link).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe(`dossier-${dossier}.pdf`);
      const pdf = await readPdf(await readFile(await download.path()));
      for (const text of [`Dossier n° ${dossier}`, DEMARCHE.libelle, "Roussel", "Inès", "Nom de l’association", association]) {
        expect(pdf.text).toContain(text);
      }
    });
  });
});
