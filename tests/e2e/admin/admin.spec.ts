import { DEMO, expect, test } from "../support/fixtures";

/**
 * The administrateur's space in a real browser, with and without JavaScript: every page is
 * checked with axe; with JavaScript the form editor saves without reloading the page.
 */
test.describe("administrateur's space", () => {
  test("creates a démarche, builds its form and visits every page", async ({ page, signIn, checkA11y }) => {
    // Eight pages, each checked with axe.
    test.slow();
    await signIn(page, DEMO.administrateur);
    await page.goto("/admin/procedures");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes démarches");
    await checkA11y(page);

    await page.getByRole("link", { name: "Créer une nouvelle démarche" }).click();
    await expect(page).toHaveURL(/\/admin\/procedures\/new$/);
    await checkA11y(page);
    await page.getByLabel("Quel est l’objet de la démarche ?").fill("Une démarche créée par les tests du navigateur.");
    await page.getByRole("button", { name: "Créer la démarche" }).click();
    await expect(page.locator("#error-summary")).toContainText("Saisissez le titre de la démarche");
    await expect(page.getByLabel("Quel est l’objet de la démarche ?")).toHaveValue(
      "Une démarche créée par les tests du navigateur.",
    );
    await checkA11y(page);

    const libelle = `Démarche e2e ${Date.now()}`;
    await page.getByLabel("Titre de la démarche").fill(libelle);
    await page.getByRole("button", { name: "Créer la démarche" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(libelle);
    await checkA11y(page);
    const overview = new URL(page.url()).pathname;

    await page.goto(`${overview}/champs`);
    await page.getByLabel("Type de champ").selectOption("drop_down_list");
    await page.getByRole("button", { name: "Ajouter un champ", exact: true }).click();
    const card = page.locator("section", { has: page.getByRole("heading", { name: /Choix simple/ }) });
    await expect(card.getByLabel("Options de la liste")).toBeVisible();
    await checkA11y(page);

    await page.goto(`${overview}/instructeurs`);
    await checkA11y(page);
    await page.goto(`${overview}/apercu`);
    const preview = page.getByRole("group", { name: /Formulaire de la démarche/ });
    await expect(preview).toHaveAttribute("disabled", "");
    await expect(preview.getByRole("radio").first()).toBeDisabled();
    await checkA11y(page);
    await page.goto(`${overview}/publication`);
    await expect(page.getByText("Au moins un instructeur doit être affecté à la démarche.")).toBeVisible();
    await checkA11y(page);
    await page.goto(`${overview}/edit`);
    await checkA11y(page);
  });

  test("saves a field when it loses focus, without reloading, and keeps the focus when moving", { tag: "@js-only" }, async ({
    page,
    signIn,
    checkA11y,
  }) => {
    await signIn(page, DEMO.administrateur);
    await page.goto("/admin/procedures/new");
    await page.getByLabel("Titre de la démarche").fill(`Édition e2e ${Date.now()}`);
    await page.getByLabel("Quel est l’objet de la démarche ?").fill("Édition sans rechargement.");
    await page.getByRole("button", { name: "Créer la démarche" }).click();
    await expect(page).toHaveURL(/\/admin\/procedures\/\d+\?notice=created$/);
    await page.goto(`${new URL(page.url()).pathname}/champs`);

    for (const type of ["text", "integer_number"]) {
      await page.getByLabel("Type de champ").selectOption(type);
      await page.getByRole("button", { name: "Ajouter un champ", exact: true }).click();
      await expect(page.locator("input[id$='-libelle']:focus")).toBeVisible();
    }
    // Marks the document: a reload would lose it.
    await page.evaluate(() => document.body.setAttribute("data-no-reload", "1"));

    const first = page.locator("section[id^='champ-']").first();
    const libelle = first.locator("input[name='libelle']");
    await libelle.fill("Nom de la commune");
    await libelle.press("Tab");
    await expect(first.getByRole("status")).toHaveText("Enregistré – Nom de la commune");
    await expect(first.getByRole("heading", { level: 3 })).toContainText("Nom de la commune");

    // An error does not lose what was typed.
    await libelle.fill("   ");
    await libelle.press("Tab");
    await expect(first.getByText("Saisissez le libellé du champ")).toBeVisible();
    await libelle.fill("Nom de la commune (corrigé)");
    await first.getByRole("button", { name: /Enregistrer/ }).click();
    await expect(first.getByRole("status")).toHaveText("Enregistré – Nom de la commune (corrigé)");

    const down = page.getByRole("button", { name: "Descendre le champ « Nom de la commune (corrigé) »" });
    await down.click();
    await expect(page.locator("section[id^='champ-']").last()).toContainText("Nom de la commune (corrigé)");
    await expect(page.getByRole("button", { name: "Monter le champ « Nom de la commune (corrigé) »" })).toBeFocused();
    await expect(page.locator("body")).toHaveAttribute("data-no-reload", "1");
    await checkA11y(page);

    await page.getByRole("button", { name: "Supprimer le champ « Nom de la commune (corrigé) »" }).click();
    await expect(page.getByRole("heading", { name: "Supprimer le champ « Nom de la commune (corrigé) » ?" })).toBeVisible();
    await checkA11y(page);
    await page.getByRole("button", { name: /Confirmer la suppression/ }).click();
    await expect(page.locator("section[id^='champ-']")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 2, name: "Champs du formulaire (1)" })).toBeFocused();
    await expect(page.locator("body")).toHaveAttribute("data-no-reload", "1");
  });
});
