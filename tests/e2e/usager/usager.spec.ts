import { DEMO, expect, test } from "../support/fixtures";

const DEMO_PATH = "subvention-association";

/**
 * The usager's journey in a real browser, with and without JavaScript (every page checked with
 * axe); with JavaScript, the brouillon is also autosaved.
 */
test.describe("usager's journey", () => {
  test("starts, fills, fails, submits, reads, changes the dossier and finds it in Mes dossiers", async ({
    page,
    signIn,
    checkA11y,
  }) => {
    // A dozen pages with axe on each: over a minute when the two cores are busy.
    test.setTimeout(180_000);
    await signIn(page, DEMO.usager);
    await page.goto(`/commencer/${DEMO_PATH}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demande de subvention pour une association");
    await checkA11y(page);
    await page.getByRole("button", { name: /Commencer/ }).click();

    await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
    const dossierPath = new URL(page.url()).pathname.replace(/\/identite$/, "");
    await checkA11y(page);
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByRole("alert")).toContainText("Choisissez une civilité");
    await checkA11y(page);
    await page.getByLabel("Mme", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await page.getByLabel(/^Nom\b/).fill("Martin");
    await page.getByLabel("Prénom").fill("Léa");
    await page.getByRole("button", { name: "Continuer" }).click();

    await expect(page).toHaveURL(new RegExp(`${dossierPath}/brouillon$`));
    await expect(page.getByText("Mme Léa Martin")).toBeVisible();
    await checkA11y(page);
    await page.getByLabel("Nom de l’association").fill("Les Amis du Parc");
    await page.getByLabel("Date de création").fill("2020-05-04");
    await page.getByLabel("Nombre d’adhérents").fill("quarante");
    await page.getByLabel("Description du projet").fill("Des concerts gratuits dans le parc.");
    await page.getByLabel("Autre", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await page.getByLabel("Si autre, précisez").fill("Patrimoine");
    await page.getByLabel("Montant demandé (€)").fill("1500");
    await page.getByRole("button", { name: "Déposer le dossier" }).click();

    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Le champ « Nombre d’adhérents » doit être un nombre entier");
    await expect(page.getByLabel("Nombre d’adhérents")).toHaveValue("quarante");
    await expect(page.getByLabel("Si autre, précisez")).toHaveValue("Patrimoine");
    await checkA11y(page);
    await summary.getByRole("link", { name: /Nombre d’adhérents/ }).click();
    await page.getByLabel("Nombre d’adhérents").fill("40");
    await page.getByRole("button", { name: "Déposer le dossier" }).click();

    await expect(page).toHaveURL(new RegExp(`${dossierPath}/merci$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre dossier a bien été déposé");
    await checkA11y(page);
    await page.getByRole("link", { name: "Voir mon dossier" }).click();

    await expect(page).toHaveURL(new RegExp(`${dossierPath}$`));
    await expect(page.getByText("En construction").first()).toBeVisible();
    await expect(page.getByText("Patrimoine")).toBeVisible();
    await checkA11y(page);
    await page.getByRole("link", { name: "Modifier mon dossier" }).click();

    await expect(page).toHaveURL(new RegExp(`${dossierPath}/modifier$`));
    await checkA11y(page);
    await page.getByLabel("Nombre d’adhérents").fill("beaucoup");
    await page.getByRole("button", { name: "Déposer les modifications" }).click();
    await expect(page.getByRole("alert")).toContainText("doit être un nombre entier");
    await expect(page.getByLabel("Nombre d’adhérents")).toHaveValue("beaucoup");
    await checkA11y(page);
    await page.getByLabel("Nombre d’adhérents").fill("45");
    await page.getByRole("button", { name: "Déposer les modifications" }).click();
    await expect(page.getByText("Vos modifications ont été déposées")).toBeVisible();

    await page.goto("/dossiers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes dossiers");
    await expect(page.getByRole("link", { name: `Consulter le dossier n° ${dossierPath.split("/").pop()}` })).toBeVisible();
    await checkA11y(page);
  });

  test("autosaves the brouillon and shows « Autre » only when chosen", { tag: "@js-only" }, async ({ page, signIn }) => {
    await signIn(page, DEMO.usager);
    await page.goto(`/commencer/${DEMO_PATH}`);
    await page.getByRole("button", { name: /Commencer/ }).click();
    await page.getByLabel("M.", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await page.getByLabel(/^Nom\b/).fill("Petit");
    await page.getByLabel("Prénom").fill("Jean");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/brouillon$/);

    await expect(page.getByLabel("Si autre, précisez")).toBeHidden();
    await page.getByLabel("Autre", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await expect(page.getByLabel("Si autre, précisez")).toBeVisible();
    await page.getByLabel("Si autre, précisez").fill("Jardinage");
    await page.getByLabel("Nombre d’adhérents").fill("12 environ");
    await expect(page.getByRole("status").filter({ hasText: /Brouillon enregistré à \d{1,2} h \d{2}/ })).toBeVisible({
      timeout: 10_000,
    });

    await page.reload();
    await expect(page.getByLabel("Nombre d’adhérents")).toHaveValue("12 environ");
    await expect(page.getByLabel("Si autre, précisez")).toHaveValue("Jardinage");
    await expect(page.getByLabel("Autre", { exact: true })).toBeChecked();
  });
});
