import { type Actor, clonePublishedDemarche, fillSubventionForm, signOut, uniqueSuffix, usager } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Groupes managed by their instructeurs, and the groupe's contact card (issue 11), with and without
 * JavaScript: the administrateur lets instructeurs manage their groupes and gives the groupe a
 * contact card; the instructeur adds a colleague to the groupe from « Gérer mes groupes
 * instructeurs »; a usager's dossier on the démarche shows the groupe's card. axe on every page.
 */
test.describe("groupes gérés par les instructeurs", () => {
  test("an instructeur adds a colleague to their groupe, the usager sees the groupe's contact card", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(400_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const suffix = uniqueSuffix(testInfo);
    const libelle = `Subvention en équipe ${suffix}`;
    const colleague = `collegue-${suffix}@exemple.fr`;
    const contact = {
      nom: `Pôle vie associative ${suffix}`,
      email: "vie-associative@exemple.fr",
      telephone: "01 23 45 67 89",
      adresse: "2 rue de la Mairie, 69002 Lyon",
      horaires: "Du lundi au jeudi, de 9 h à 12 h",
    };

    const demarche = await test.step("the administrateur enables self-management and the groupe's contact card", async () => {
      await signIn(page, DEMO.administrateur);
      const published = await clonePublishedDemarche(actor, {
        libelle,
        path: `equipe-${suffix}`,
        configure: async ({ number }) => {
          await page.goto(`/admin/procedures/${number}/groupes`);
          await expect(page.getByRole("heading", { level: 1 })).toContainText("Groupes instructeurs");
          await checkA11y(page);
          await page
            .getByLabel(/^Permettre aux instructeurs d’ajouter et de retirer des instructeurs dans leurs groupes/)
            .check({ force: true }); // DSFR checkboxes: the label covers the input
          await page.getByRole("button", { name: "Enregistrer ce choix" }).click();
          await expect(page.getByText("Le choix a été enregistré.")).toBeVisible();
          await expect(
            page.getByLabel(/^Permettre aux instructeurs d’ajouter et de retirer des instructeurs dans leurs groupes/),
          ).toBeChecked();
          await checkA11y(page);

          const groupeLinks = page.locator(`main a[href^="/admin/procedures/${number}/groupes/"]`);
          const hrefs = await groupeLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
          const groupe = hrefs.find((href) => /\/groupes\/\d+$/.test(href));
          expect(groupe, `a groupe link among ${hrefs.join(", ")}`).toBeTruthy();
          await page.goto(groupe as string);
          await expect(page.getByRole("heading", { level: 2, name: "Informations de contact" })).toBeVisible();
          await checkA11y(page);
          await page.getByLabel(/^Nom du service/).fill(contact.nom);
          await page.getByLabel(/^Adresse e-mail/).fill(contact.email);
          await page.getByLabel(/^Téléphone/).fill(contact.telephone);
          await page.getByLabel(/^Adresse postale/).fill(contact.adresse);
          await page.getByLabel(/^Horaires d’ouverture/).fill(contact.horaires);
          await page.getByRole("button", { name: "Enregistrer les informations de contact" }).click();
          await expect(page.getByText("Les informations de contact ont été enregistrées.")).toBeVisible();
          await expect(page.getByLabel(/^Nom du service/)).toHaveValue(contact.nom);
          await checkA11y(page);
        },
      });
      await signOut(actor);
      return published;
    });

    await test.step("the instructeur adds a colleague to their groupe", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await page.getByRole("link", { name: libelle, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(libelle);
      await page.getByRole("link", { name: "Gérer mes groupes instructeurs" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes groupes instructeurs");
      await checkA11y(page);
      await page.getByRole("main").locator(`a[href^="/procedures/${demarche.number}/groupes/"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`/procedures/${demarche.number}/groupes/\\d+$`));
      await expect(page.getByRole("main")).toContainText(DEMO.instructeur);
      await checkA11y(page);

      // A wrong address is refused where it was typed, and kept.
      await page.getByLabel(/^Adresses e-mail des instructeurs à ajouter/).fill("collegue@");
      await page.getByRole("button", { name: "Ajouter au groupe" }).click();
      await expect(page.locator("#error-summary, .fr-error-text").first()).toBeVisible();
      await expect(page.getByLabel(/^Adresses e-mail des instructeurs à ajouter/)).toHaveValue("collegue@");
      await checkA11y(page);

      await page.getByLabel(/^Adresses e-mail des instructeurs à ajouter/).fill(colleague);
      await page.getByRole("button", { name: "Ajouter au groupe" }).click();
      await expect(page.getByText("Les instructeurs ont été ajoutés ; ils reçoivent un e-mail.")).toBeVisible();
      await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: colleague })).toBeVisible();
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the usager sees the groupe's contact card on their dossier", async () => {
      await signIn(page, DEMO.usager);
      const number = await usager.startDossier(actor, demarche);
      await usager.fillIdentity(actor, { civilite: "Mme", nom: "Petit", prenom: "Anne" });
      await fillSubventionForm(actor, `Équipe ${suffix}`);
      await usager.submitDossier(actor, number);
      await page.goto(`/dossiers/${number}`);
      const card = page.getByRole("region", { name: "Service en charge de votre dossier" });
      await expect(card).toContainText(contact.nom);
      await expect(card.getByRole("link", { name: contact.email })).toBeVisible();
      await expect(card).toContainText(contact.horaires);
      await checkA11y(page);
    });
  });
});
