import type { Page } from "@playwright/test";
import { type Actor, instructeur, signOut, uniqueSuffix, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Annotations privées, with and without JavaScript: the administrateur adds two annotations to the
 * seeded démarche with the form editor and publishes the change; an instructeur fills them on a
 * dossier (a wrong value first: error summary, what was typed kept, then saved for good); the
 * usager's own page of that dossier shows none of it. axe on every page. Libellés are unique per
 * project and run (both projects share one server).
 */

const DEMARCHE = "Demande de subvention pour une association";

/** With JavaScript the editor saves by itself (fetch POST): wait for it so that saves never overtake each other. */
async function editorSave(actor: Actor, action: () => Promise<void>) {
  if (!actor.javaScriptEnabled) return action();
  await Promise.all([
    actor.page.waitForResponse((r) => r.request().method() === "POST" && /\/admin\/procedures\/\d+\/annotations/.test(r.url()), {
      timeout: 15_000,
    }),
    action(),
  ]);
}

/** « Ajouter un champ » at the end of the annotations, then its libellé. */
async function addAnnotation(actor: Actor, type: string, libelle: string) {
  const { page, checkA11y } = actor;
  const cards = page.getByRole("region", { name: /^Champ \d+ sur \d+ :/ });
  const before = await cards.count();
  const end = page.getByRole("region", { name: "Ajouter une annotation à la fin de la liste" });
  await end.getByLabel("Type de champ").selectOption({ label: type });
  await end.getByRole("button", { name: "Ajouter un champ", exact: true }).click();
  await expect(cards).toHaveCount(before + 1);
  const card = cards.last();
  await expect(card.getByRole("heading", { level: 3 })).toContainText(type);
  if (actor.javaScriptEnabled) await expect(card.locator('input[name="_js"]').first()).toBeAttached();
  const input = card.getByRole("textbox", { name: "Libellé", exact: true });
  await editorSave(actor, async () => {
    await input.fill(libelle);
    await input.press("Tab");
  });
  await editorSave(actor, () => card.getByRole("button", { name: /^Enregistrer/ }).click());
  await expect(card.getByRole("heading", { level: 3 })).toContainText(libelle);
  await expect(card.getByLabel("Champ obligatoire")).not.toBeChecked();
  await checkA11y(page);
}

async function openSeededDemarche({ page, checkA11y }: Actor) {
  await page.goto("/admin/procedures");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes démarches");
  await checkA11y(page);
  await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
  await checkA11y(page);
}

function annotationsRegion(page: Page) {
  return page.getByRole("region", { name: "Annotations privées" });
}

test.describe("annotations privées", () => {
  test("the administrateur adds annotations, the instructeur fills them, the usager never sees them", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    // About fifteen pages, each checked with axe, on two loaded cores.
    test.setTimeout(420_000);
    const suffix = uniqueSuffix(testInfo);
    const avis = `Avis du service ${suffix}`;
    const montant = `Montant accordé ${suffix}`;
    const actor: Actor = { page, checkA11y, javaScriptEnabled };

    await test.step("the administrateur adds two annotations and publishes them", async () => {
      await signIn(page, DEMO.administrateur);
      await openSeededDemarche(actor);
      await page.getByRole("link", { name: "Modifier les annotations privées" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Annotations privées");
      await expect(
        page.getByRole("navigation", { name: "Formulaires de la démarche" }).getByRole("link", { name: "Annotations privées" }),
      ).toHaveAttribute("aria-current", "page");
      await checkA11y(page);
      await addAnnotation(actor, "Texte court", avis);
      await addAnnotation(actor, "Nombre entier", montant);

      await page.getByRole("link", { name: "Publier les modifications" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publication");
      await expect(page.locator("#changes")).toContainText(avis);
      await checkA11y(page);
      await page.getByLabel("J’ai relu ces modifications et je veux les publier").check({ force: true }); // DSFR: the label covers the input
      await page.getByRole("button", { name: "Publier les modifications" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Démarche publiée");
      await checkA11y(page);
      await signOut(actor);
    });

    // Its own dossier: the other project's run (same server) may have followed or decided the seeded ones.
    const number = await test.step("the usager files a dossier", async () => {
      await signIn(page, DEMO.usager);
      const filed = await usager.fileSubventionDossier(actor, `Annotations ${suffix}`);
      await signOut(actor);
      return filed;
    });

    const dossierUrl = await test.step("the instructeur fills them on a dossier, with one mistake first", async () => {
      await signIn(page, DEMO.instructeur);
      await instructeur.openDossierToFollow(actor, DEMARCHE, number);
      const region = annotationsRegion(page);
      await expect(region.getByText("Réservées aux instructeurs de la démarche : l’usager ne les voit pas.")).toBeVisible();
      await checkA11y(page);

      await region.getByLabel(avis).fill("Projet solide, budget cohérent");
      await region.getByLabel(montant).fill("douze cents");
      await region.getByRole("button", { name: "Enregistrer les annotations" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient des erreurs" });
      await expect(summary).toContainText(`Le champ « ${montant} » doit être un nombre entier, sans virgule ni lettre`);
      await expect(region.getByLabel(avis)).toHaveValue("Projet solide, budget cohérent");
      await expect(region.getByLabel(montant)).toHaveValue("douze cents");
      await checkA11y(page);

      await summary.getByRole("link", { name: new RegExp(montant) }).click();
      await region.getByLabel(montant).fill("1200");
      await region.getByRole("button", { name: "Enregistrer les annotations" }).click();
      await expect(region.getByRole("status")).toHaveText("Les annotations privées ont été enregistrées.");
      await expect(page).toHaveURL(/\?notice=annotations#annotations$/);
      await expect(region.getByLabel(avis)).toHaveValue("Projet solide, budget cohérent");
      await expect(region.getByLabel(montant)).toHaveValue("1200");
      await checkA11y(page);

      // Saved for good: a fresh load shows the values.
      const url = new URL(page.url());
      await page.goto(url.pathname);
      await expect(annotationsRegion(page).getByLabel(montant)).toHaveValue("1200");
      await signOut(actor);
      return url.pathname;
    });

    await test.step("the usager's page of the dossier shows none of it", async () => {
      const number = dossierUrl.split("/").pop();
      await signIn(page, DEMO.usager);
      await page.goto(`/dossiers/${number}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkA11y(page);
      const html = await page.content();
      for (const secret of [avis, montant, "Projet solide, budget cohérent", "Annotations privées"]) {
        expect(html).not.toContain(secret);
      }
    });
  });
});
