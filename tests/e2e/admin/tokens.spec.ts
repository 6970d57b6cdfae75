import { DEMO, expect, test } from "../support/fixtures";

/**
 * The administrateur's API tokens and co-administrateurs (issue 11), with and without JavaScript:
 * create a token restricted to a démarche, see its secret once, use it on the GraphQL API, revoke
 * it and be refused; add a co-administrateur to the démarche. axe on every page.
 */
test.describe("API tokens and co-administrateurs", () => {
  test("creates a token, sees its secret once, uses it, revokes it", async ({ page, request, signIn, checkA11y }, testInfo) => {
    test.slow();
    const stamp = `${testInfo.project.name}-${Date.now()}`;
    const name = `Logiciel ${stamp}`;
    await signIn(page, DEMO.administrateur);

    await page.goto("/profil");
    await page.getByRole("link", { name: "Gérer mes jetons d'API" }).click();
    await expect(page).toHaveURL(/\/admin\/jetons$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jetons d'API");
    await checkA11y(page);

    await page.getByRole("link", { name: "Créer un jeton" }).click();
    await expect(page).toHaveURL(/\/admin\/jetons\/nouveau$/);
    await checkA11y(page);
    // A malformed network is refused with a specific message, keeping what was typed.
    await page.getByLabel("Nom du jeton").fill(name);
    await page.locator('label[for="token-scope-some"]').click();
    const firstDemarche = page.locator('input[name="demarches"]').first();
    const demarcheNumber = Number(await firstDemarche.getAttribute("value"));
    await page.locator(`label[for="token-demarche-${demarcheNumber}"]`).click();
    await page.getByLabel("Réseaux autorisés (facultatif)").fill("127.0.0.0/8, 10.0.0.0/99");
    await page.getByRole("button", { name: "Créer et afficher le jeton" }).click();
    await expect(page.locator("#error-summary")).toContainText("Ces réseaux ne sont pas des plages CIDR valides : 10.0.0.0/99.");
    await expect(page.getByLabel("Nom du jeton")).toHaveValue(name);
    await checkA11y(page);

    await page.getByLabel("Réseaux autorisés (facultatif)").fill("127.0.0.0/8, ::1");
    await page.getByRole("button", { name: "Créer et afficher le jeton" }).click();
    const secretField = page.locator("#token-secret");
    await expect(secretField).toBeVisible();
    const bearer = await secretField.inputValue();
    expect(bearer).toMatch(/^[A-Za-z0-9_-]{20,}=*$/);
    await checkA11y(page);

    // The secret is never shown again: the list shows its first characters only.
    await page.goto("/admin/jetons");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(bearer.slice(0, 5));
    await expect(row).toContainText("Lecture seule");
    expect(await page.content()).not.toContain(bearer);
    await checkA11y(page);

    const query = { query: "query($n: Int!) { demarche(number: $n) { number } }", variables: { n: demarcheNumber } };
    const answer = await request.post("/api/v2/graphql", { headers: { authorization: `Bearer ${bearer}` }, data: query });
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ data: { demarche: { number: demarcheNumber } } });

    await row.getByRole("link", { name: `Révoquer ${name}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Révoquer le jeton « ${name} » ?`);
    await checkA11y(page);
    await page.getByRole("button", { name: "Oui, révoquer ce jeton" }).click();
    await expect(page.getByText("Le jeton a été révoqué.")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Révoqué le");
    const refused = await request.post("/api/v2/graphql", { headers: { authorization: `Bearer ${bearer}` }, data: query });
    expect(refused.status()).toBe(401);
  });

  test("adds a co-administrateur and sees it in the démarche's history", async ({ page, signIn, checkA11y }, testInfo) => {
    test.slow();
    const stamp = `${testInfo.project.name}-${Date.now()}`;
    await signIn(page, DEMO.administrateur);
    // One of the demo administrateur's démarches (the token form lists them).
    await page.goto("/admin/jetons/nouveau");
    const demarcheNumber = Number(await page.locator('input[name="demarches"]').first().getAttribute("value"));
    await page.goto(`/admin/procedures/${demarcheNumber}/administrateurs`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrateurs");
    await checkA11y(page);
    const coadmin = `coadmin-${stamp}@exemple.fr`;
    await page.getByLabel("Adresse électronique du nouvel administrateur").fill(coadmin);
    await page.getByRole("button", { name: "Ajouter l'administrateur" }).click();
    await expect(page.getByText(`${coadmin} a été invité`)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(coadmin) })).toContainText("Invitation envoyée");
    await checkA11y(page);

    await page.goto(`/admin/procedures/${demarcheNumber}/historique`);
    await expect(page.getByText(`a ajouté l'administrateur ${coadmin}`)).toBeVisible();
    await checkA11y(page);
  });
});
