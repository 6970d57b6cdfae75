import { DEMO, expect, test } from "../support/fixtures";

/**
 * The administrateur's GraphQL console (issue 15 item 7), with and without JavaScript (the form
 * posts and the page renders the answer): from the tokens page, open /graphql, run a query on one
 * of their démarches and read the answer. axe on each state. (Access to démarches and the schema
 * documentation: tests/integration/graphql/console.test.ts.)
 */
test.describe("GraphQL console", () => {
  test("runs a query on one of the administrateur's démarches and shows the answer", async ({ page, signIn, checkA11y }) => {
    test.slow();
    await signIn(page, DEMO.administrateur);
    // One of the demo administrateur's démarches (the token form lists them).
    await page.goto("/admin/jetons/nouveau");
    const number = Number(await page.locator('input[name="demarches"]').first().getAttribute("value"));
    expect(number).toBeGreaterThan(0);

    await page.goto("/admin/jetons");
    await page.getByRole("link", { name: "Essayer l’API dans la console GraphQL" }).click();
    await expect(page).toHaveURL(/\/graphql$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Console GraphQL");
    await expect(page.locator("#console-result-status")).toHaveText("Exécutez une requête pour voir sa réponse ici.");
    await checkA11y(page);

    const query = "query($n: Int!) {\n  demarche(number: $n) {\n    number\n    state\n    draftRevision { id }\n  }\n}";
    await page.getByLabel("Requête GraphQL").fill(query);
    await page.getByLabel("Variables (JSON)").fill(JSON.stringify({ n: number }));
    await page.getByRole("button", { name: "Exécuter" }).click();
    await expect(page.locator("#console-result-status")).toHaveText("Requête exécutée : réponse sans erreur.");
    const answer = JSON.parse((await page.locator("#console-result").textContent()) ?? "null");
    expect(answer.errors).toBeUndefined();
    expect(answer.data.demarche.number).toBe(number);
    expect(answer.data.demarche.draftRevision.id).toEqual(expect.any(String));
    // What was typed stays in the editor.
    await expect(page.getByLabel("Requête GraphQL")).toHaveValue(query);
    await checkA11y(page);
  });
});
