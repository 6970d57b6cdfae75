import { type Actor, admin, clonePublishedDemarche, fillSubventionForm, signOut, uniqueSuffix } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Personnes morales (issue 13), with and without JavaScript: the administrateur opens a démarche to
 * personnes morales and publishes it; a usager files with the SIRET the development API Entreprise
 * answers « unavailable » the first time it is asked (77807105600015), sees the degraded message,
 * submits; the fetch-etablissement job then gets the data and the instructeur sees the établissement
 * on the dossier. axe on every page.
 *
 * The local API Entreprise fails once per server: when the other project's run already asked for
 * that SIRET on the same server, the data comes at once and the degraded message is not shown (an
 * annotation says so).
 */
const FLAKY_SIRET = "77807105600015";

test.describe("personnes morales", () => {
  test("a company files by SIRET while API Entreprise is down, the data follows", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(400_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const suffix = uniqueSuffix(testInfo);
    const libelle = `Aide aux entreprises ${suffix}`;

    const demarche = await test.step("the administrateur opens a démarche to personnes morales and publishes it", async () => {
      await signIn(page, DEMO.administrateur);
      const published = await clonePublishedDemarche(actor, {
        libelle,
        path: `entreprises-${suffix}`,
        configure: async ({ number }) => {
          await page.goto(`/admin/procedures/${number}/public`);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public de la démarche");
          await checkA11y(page);
          await page.getByLabel(/^Des personnes morales/).check({ force: true }); // DSFR radios: the label covers the input
          await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
          await expect(page.getByText("Le public de la démarche a été enregistré.")).toBeVisible();
          await expect(page.getByLabel(/^Des personnes morales/)).toBeChecked();
          await checkA11y(page);
        },
      });
      // Published: the public no longer changes.
      await page.goto(`/admin/procedures/${published.number}/public`);
      await expect(page.getByText("La démarche est publiée : son public ne peut plus changer")).toBeVisible();
      await expect(page.getByLabel(/^Des particuliers/)).toBeDisabled();
      await admin.openOverview(actor, published.overview, libelle);
      await signOut(actor);
      return published;
    });

    const dossier = await test.step("the usager files by SIRET and sees the degraded message", async () => {
      await signIn(page, DEMO.usager);
      await page.goto(`/commencer/${demarche.path}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(libelle);
      await checkA11y(page);
      await page.getByRole("button", { name: "Commencer la démarche" }).click();
      await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Identifier votre établissement");
      const number = Number(new URL(page.url()).pathname.split("/")[2]);
      await checkA11y(page);

      // A wrong number is refused where it was typed.
      await page.getByLabel(/^Numéro SIRET/).fill("77807105600016");
      await page.getByRole("button", { name: "Valider le SIRET" }).click();
      await expect(page.getByText("Le numéro SIRET doit comporter 14 chiffres et être valide").first()).toBeVisible();
      await expect(page.getByLabel(/^Numéro SIRET/)).toHaveValue("77807105600016");
      await checkA11y(page);

      await page.getByLabel(/^Numéro SIRET/).fill(FLAKY_SIRET);
      await page.getByRole("button", { name: "Valider le SIRET" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${number}/etablissement$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informations sur l’établissement");
      const degraded = page.getByRole("heading", { name: "Informations en cours de récupération" });
      if (await degraded.isVisible()) {
        await expect(page.locator("#etablissement-degrade")).toContainText("778 071 056 00015");
        await expect(page.getByText("Informations en attente")).toBeVisible();
      } else {
        testInfo.annotations.push({
          type: "degraded mode not seen",
          description: "the local API Entreprise already failed once for this SIRET on this server (other project's run)",
        });
        await expect(page.getByText("COOPERATIVE DES TESTS LENTS")).toBeVisible();
      }
      await checkA11y(page);
      await page.getByRole("link", { name: "Continuer avec cet établissement" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${number}/brouillon$`));
      await checkA11y(page);
      await fillSubventionForm(actor, `Coopérative ${suffix}`);
      await page.getByRole("button", { name: "Déposer le dossier" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${number}/merci$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre dossier a bien été déposé");
      await checkA11y(page);
      await signOut(actor);
      return number;
    });

    await test.step("the job fetches the data, the instructeur sees the établissement", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await page.getByRole("link", { name: libelle, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(libelle);
      const dossierUrl = `${new URL(page.url()).pathname}/dossiers/${dossier}`;
      // The fetch-etablissement job runs API_ENTREPRISE_RETRY_DELAY_MS after the filing (a few seconds in the e2e server).
      await expect(async () => {
        await page.goto(dossierUrl);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier n° ${dossier}`);
        await expect(page.locator("#etablissement")).toContainText("COOPERATIVE DES TESTS LENTS", { timeout: 1000 });
      }).toPass({ timeout: 60_000 });
      const card = page.locator("#etablissement");
      await expect(card).toContainText("778 071 056 00015");
      await expect(card).toContainText("LILLE");
      await expect(card.getByText("Informations en attente")).toHaveCount(0);
      await checkA11y(page);
    });
  });
});
