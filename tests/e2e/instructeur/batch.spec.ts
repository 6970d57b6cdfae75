import type { Page } from "@playwright/test";
import { type Actor, signOut, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Batch operations, with and without JavaScript: the usager files three dossiers of their own
 * (never the seeded ones, which the other project's run may have changed); the instructeur finds
 * them with the search, ticks them, passes them en instruction in one batch, then accepts them in
 * one batch with a motivation, follows the progress (live with JavaScript, « Actualiser » without)
 * and reads the per-dossier result, then hides the report. axe on every page.
 */

const DEMARCHE = "Demande de subvention pour une association";

/** Waits until the batch of `kind` is finished: the page revalidates by itself with JavaScript. */
async function waitFinished(actor: Actor, kind: string) {
  const { page } = actor;
  const report = page.getByTestId("batch-reports").locator("[data-batch-state]").filter({ hasText: kind }).first();
  if (actor.javaScriptEnabled) {
    await expect(report).toHaveAttribute("data-batch-state", "finished", { timeout: 60_000 });
    return report;
  }
  await expect(async () => {
    if ((await report.getAttribute("data-batch-state")) !== "finished") {
      await page.getByRole("link", { name: "Actualiser" }).click();
    }
    await expect(report).toHaveAttribute("data-batch-state", "finished", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  return report;
}

/** Ticks the dossiers, then unfolds the batch actions (JavaScript unfolds them at the first tick). */
async function tick(page: Page, numbers: number[], javaScriptEnabled: boolean) {
  const details = page.getByTestId("batch-details");
  for (const number of numbers) {
    await page.getByRole("checkbox", { name: `Sélectionner le dossier n° ${number}` }).check({ force: true });
  }
  if (javaScriptEnabled) await expect(details).toHaveAttribute("open", "");
  else if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
}

test.describe("batch operations", () => {
  test("the instructeur accepts several dossiers in one batch and reads the result", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }) => {
    test.setTimeout(600_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const tag = `Lot${javaScriptEnabled ? "js" : "nojs"}${Date.now() % 1_000_000}`;

    const numbers = await test.step("the usager files three dossiers", async () => {
      await signIn(page, DEMO.usager);
      const filed: number[] = [];
      for (const suffix of ["un", "deux", "trois"]) filed.push(await usager.fileSubventionDossier(actor, `${tag} ${suffix}`));
      await signOut(actor);
      return filed.sort((a, b) => a - b);
    });

    await test.step("the instructeur finds them and passes them en instruction in one batch", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
      const base = new URL(page.url()).pathname;
      await page.goto(`${base}?statut=tous&q=${tag}`);
      for (const number of numbers) await expect(page.locator(`tr[data-dossier-id="${number}"]`)).toBeVisible();
      await checkA11y(page);
      await tick(page, numbers, javaScriptEnabled);
      await page.getByRole("button", { name: "Passer en instruction", exact: true }).click();
      await expect(page.getByTestId("batch-created")).toBeVisible();
      const report = await waitFinished(actor, "Passer en instruction");
      await expect(report).toContainText("3 / 3");
      await checkA11y(page);
    });

    await test.step("accepts them in one batch with a motivation and reads the result", async () => {
      await tick(page, numbers, javaScriptEnabled);
      await page.getByLabel(/^Motivation/).fill("Dossiers complets, subvention accordée.");
      await page.getByRole("button", { name: "Accepter", exact: true }).click();
      await expect(page.getByTestId("batch-created")).toBeVisible();
      const report = await waitFinished(actor, "Accepter");
      await expect(report).toContainText("3 / 3");
      await expect(report.getByTestId("batch-succeeded")).toHaveText(`3 dossiers traités avec succès : ${numbers.join(", ")}`);
      await checkA11y(page);
      for (const number of numbers) {
        await expect(page.locator(`tr[data-dossier-id="${number}"]`)).toContainText("Accepté");
      }
    });

    await test.step("a second acceptance is refused per dossier with its reason, then the reports are hidden", async () => {
      await tick(page, numbers.slice(0, 1), javaScriptEnabled);
      await page.getByRole("button", { name: "Accepter", exact: true }).click();
      await expect(page.getByTestId("batch-created")).toBeVisible();
      const finished = await waitFinished(actor, "Accepter");
      await expect(finished).toContainText(
        `Dossier n° ${numbers[0]} : cette action n’est pas possible dans l’état actuel du dossier`,
      );
      await checkA11y(page);
      // Hide every report (the newest first), each click once the page shows one report fewer (a
      // retried run finds the first attempt's reports too).
      const reports = page.getByTestId("batch-reports").locator("[data-batch-state]");
      for (let left = await reports.count(); left > 0; left--) {
        await reports
          .first()
          .getByRole("button", { name: /^Masquer ce compte rendu/ })
          .click();
        await expect(reports).toHaveCount(left - 1);
        await expect(page.getByText("Le compte rendu a été masqué.")).toBeVisible();
      }
      await expect(page.getByTestId("batch-reports")).toHaveCount(0);
      await checkA11y(page);
    });
  });
});
