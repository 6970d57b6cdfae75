import { type Actor, signOut, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Messagerie and demande de correction, with and without JavaScript: the instructeur asks the
 * usager for a correction with a file; the usager sees the banner (dossier page and « Mes
 * dossiers »), reads the message, downloads nothing yet but sees the file, and answers; the
 * instructeur sees the answer, then passes the dossier en instruction, which resolves the
 * correction (so that the other project's run starts from the same state). axe on every page.
 */

const DEMARCHE = "Demande de subvention pour une association";
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test.describe("messagerie", () => {
  test("the instructeur asks a correction with a file, the usager sees it and answers", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }) => {
    test.setTimeout(420_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const text = `Merci de joindre le budget signé (${javaScriptEnabled ? "js" : "sans js"}).`;

    // Its own dossier: the other project's run (same server) left a pending correction on the ones it used.
    const number = await test.step("the usager files a dossier", async () => {
      await signIn(page, DEMO.usager);
      const filed = await usager.fileSubventionDossier(
        actor,
        `Messagerie ${javaScriptEnabled ? "js" : "nojs"} ${Date.now() % 1_000_000}`,
      );
      await signOut(actor);
      return filed;
    });

    const messagerie = await test.step("the instructeur asks a correction with a file", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
      const base = new URL(page.url()).pathname;
      await page.goto(`${base}/dossiers/${number}`);
      await page
        .getByRole("navigation", { name: "Sections du dossier" })
        .getByRole("link", { name: /^Messagerie/ })
        .click();
      await expect(page.getByRole("heading", { level: 2, name: "Messagerie" })).toBeVisible();
      await checkA11y(page);
      await page.getByLabel("Votre message").fill(text);
      await page
        .getByLabel("Pièces jointes")
        .setInputFiles({ name: "budget-modele.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByRole("checkbox", { name: "Demander une correction au demandeur" }).check({ force: true });
      await page.getByLabel("Motif de la correction").selectOption("incomplete");
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await expect(page.getByRole("status")).toHaveText("Votre message a été envoyé et la correction demandée au demandeur.");
      await expect(page.getByText(text)).toBeVisible();
      await expect(page.getByRole("link", { name: /budget-modele\.pdf/ })).toBeVisible();
      await expect(page.getByText(/En attente de correction depuis/)).toBeVisible();
      await checkA11y(page);
      const url = new URL(page.url()).pathname;
      await signOut(actor);
      return url;
    });

    await test.step("the usager sees the banner and the message, and answers", async () => {
      await signIn(page, DEMO.usager);
      await page.goto("/dossiers");
      await expect(
        page
          .getByRole("row")
          .filter({ hasText: String(number) })
          .first(),
      ).toContainText("Correction demandée");
      await page.goto(`/dossiers/${number}`);
      const banner = page.locator("#correction-demandee");
      await expect(banner).toContainText("Correction demandée");
      await checkA11y(page);
      await banner.getByRole("link", { name: "Lire le message" }).click();
      await expect(page.getByText(text)).toBeVisible();
      await expect(page.getByRole("link", { name: /budget-modele\.pdf/ })).toBeVisible();
      await checkA11y(page);
      // An empty answer is refused where the usager can act.
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await expect(page.getByRole("alert")).toContainText("Écrivez votre message");
      await checkA11y(page);
      await page.getByLabel("Votre message").fill("Voici le budget signé.");
      await page.getByRole("button", { name: "Envoyer le message" }).click();
      await expect(page.getByRole("status")).toHaveText("Votre message a été envoyé.");
      await expect(page.getByText("Voici le budget signé.")).toBeVisible();
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the instructeur reads the answer and passes the dossier en instruction", async () => {
      await signIn(page, DEMO.instructeur);
      const dossierPage = messagerie.replace(/\/messagerie$/, "");
      await page.goto(dossierPage);
      await expect(page.getByRole("navigation", { name: "Sections du dossier" })).toContainText("nouveau");
      await page.goto(messagerie);
      await expect(page.getByText("Voici le budget signé.")).toBeVisible();
      await page.goto(dossierPage);
      await page.getByRole("button", { name: "Passer en instruction" }).click();
      await expect(page.getByText(/En attente de correction/)).toHaveCount(0);
      await checkA11y(page);
    });
  });
});
