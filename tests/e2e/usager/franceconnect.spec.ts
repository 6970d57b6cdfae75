import { expect, test } from "../support/fixtures";

const DEMO_PATH = "subvention-association";

/**
 * Sign in with FranceConnect (the local stand-in that `guichet start` runs in development), file a
 * dossier whose identity step FranceConnect pre-filled, then sign out of both. Each project uses its
 * own demo identity (the two runs share one server). axe runs on every Guichet page; the provider's
 * own pages (the stand-in's identity picker and logout confirmation, not Guichet's UI, replaced by
 * FranceConnect's in real life) are left out of axe.
 */
test("signs in with FranceConnect, files with the identity pre-filled, signs out of FranceConnect", async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  test.setTimeout(120_000);
  const identity = javaScriptEnabled
    ? {
        button: "Angela Claire Louise DUBOIS",
        civilite: "Mme",
        nom: "DUBOIS",
        prenom: "Angela Claire Louise",
        born: "24 août 1962",
      }
    : { button: "Pierre MERCIER", civilite: "M.", nom: "MERCIER", prenom: "Pierre", born: "15 janvier 1990" };

  await page.goto("/users/sign_in");
  await expect(page.getByRole("heading", { level: 2, name: "Se connecter avec FranceConnect" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Qu’est-ce que FranceConnect ?" })).toHaveAttribute(
    "href",
    "https://franceconnect.gouv.fr/",
  );
  await checkA11y(page);
  await page.getByRole("button", { name: "S’identifier avec FranceConnect" }).click();

  // The provider's identity picker (not axe-checked: see above).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("FranceConnect (local, développement)");
  await page.getByRole("button", { name: identity.button }).click();

  // Back on Guichet, signed in.
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await checkA11y(page);

  await page.goto(`/commencer/${DEMO_PATH}`);
  await page.getByRole("button", { name: /Commencer/ }).click();
  await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
  await expect(page.getByRole("heading", { level: 2, name: /Identité transmise par FranceConnect/ })).toBeVisible();
  await expect(page.getByText(`date de naissance : ${identity.born}`)).toBeVisible();
  await expect(page.getByLabel(identity.civilite, { exact: true })).toBeChecked();
  await expect(page.getByLabel(/^Nom\b/)).toHaveValue(identity.nom);
  await expect(page.getByLabel("Prénom")).toHaveValue(identity.prenom);
  await checkA11y(page);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page).toHaveURL(/\/dossiers\/\d+\/brouillon$/);
  await expect(page.getByText(`${identity.civilite} ${identity.prenom} ${identity.nom}`)).toBeVisible();
  await checkA11y(page);

  // Signing out also ends the FranceConnect session: the provider confirms, then sends back home.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.getByRole("button", { name: "Se déconnecter de FranceConnect" }).click();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("link", { name: /Se connecter/ }).first()).toBeVisible();
  await checkA11y(page);
});
