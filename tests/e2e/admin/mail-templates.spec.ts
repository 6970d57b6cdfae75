import { DEMO, expect, test } from "../support/fixtures";
import { type Actor, admin, type ChampSpec, signOut, uniqueSuffix, usager } from "../journey/steps";

/**
 * The administrateur customises the accusé de réception of a new démarche with two tags (with
 * JavaScript through the tag picker's buttons, without by typing them from the list), a bad tag
 * first refused by name; a usager submits a dossier and finds the mail, values filled in, in the
 * local mailbox. Every page is checked with axe.
 */
const ASSOCIATION: ChampSpec = { type: "text", libelle: "Nom de l’association", mandatory: true };

test.describe("e-mail templates", () => {
  test("customise the accusé de réception with two tags and receive it after a submission", async ({
    page,
    checkA11y,
    signIn,
    readMailbox,
    javaScriptEnabled,
  }, testInfo) => {
    // Some twenty pages, each checked with axe, on two loaded cores.
    test.setTimeout(600_000);
    const suffix = uniqueSuffix(testInfo);
    const demarche = {
      libelle: `Aide aux associations ${suffix}`,
      description: "Une aide pour les associations du quartier.",
      cadreJuridique: "Délibération nº 2026-12",
      lienDpo: "dpo@exemple.gouv.fr",
      dureeConservation: "6 mois",
      path: `aide-associations-${suffix}`,
    };
    const actor: Actor = { page, checkA11y, javaScriptEnabled };

    await signIn(page, DEMO.administrateur);
    const { overview } = await admin.createDemarche(actor, demarche);
    const withOverview = { ...demarche, overview };
    await admin.buildForm(actor, withOverview, [ASSOCIATION]);
    await admin.assignInstructeur(actor, withOverview, DEMO.instructeur);
    await admin.publish(actor, withOverview);

    await admin.openOverview(actor, overview, demarche.libelle);
    await page.getByRole("link", { name: "Personnaliser les e-mails" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mails envoyés aux usagers");
    await checkA11y(page);
    await page.getByRole("link", { name: "Modifier Accusé de réception" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accusé de réception");
    await checkA11y(page);

    const subject = page.getByLabel(/^Objet/);
    const body = page.getByLabel(/^Corps du message/);
    await subject.fill("Accusé de réception du dossier --numéro du dossier--");
    await body.fill("Bonjour, nous avons bien reçu la demande --tag inconnu--");
    await page.getByRole("button", { name: "Enregistrer l’e-mail" }).click();
    await expect(page.locator("#error-summary")).toContainText(
      "La balise --tag inconnu-- n’existe pas : vérifiez son libellé dans la liste des balises disponibles.",
    );
    await expect(body).toHaveValue("Bonjour, nous avons bien reçu la demande --tag inconnu--");
    await checkA11y(page);

    if (javaScriptEnabled) {
      // The picker inserts each tag at the cursor.
      await body.fill("Bonjour ");
      await body.press("End");
      await page.getByRole("button", { name: "Insérer la balise --prénom--" }).click();
      await body.press("End");
      await body.pressSequentially(", nous avons bien reçu la demande de « ");
      await page.getByRole("button", { name: "Insérer la balise --Nom de l’association--" }).click();
      await body.press("End");
      await body.pressSequentially(" ».");
      await expect(body).toHaveValue("Bonjour --prénom--, nous avons bien reçu la demande de « --Nom de l’association-- ».");
    } else {
      // Without JavaScript the tags are listed to copy.
      await expect(page.getByRole("table", { name: "Champs du formulaire" })).toContainText("--Nom de l’association--");
      await body.fill("Bonjour --prénom--, nous avons bien reçu la demande de « --Nom de l’association-- ».");
    }
    await page.getByRole("button", { name: "Enregistrer l’e-mail" }).click();
    await expect(page.getByText("L’e-mail est enregistré : il sera envoyé ainsi.")).toBeVisible();
    await expect(page.locator("[data-preview-subject]")).toHaveText("Accusé de réception du dossier 12345");
    await checkA11y(page);
    await signOut(actor);

    await signIn(page, DEMO.usager);
    const number = await usager.startDossier(actor, demarche);
    await usager.fillIdentity(actor, { civilite: "Mme", nom: "Martin", prenom: "Léa" });
    await usager.fillChamps(actor, [{ champ: ASSOCIATION, value: "Les <Jardins> & Cie" }]);
    await usager.submitDossier(actor, number);

    const mail = await readMailbox(page, DEMO.usager, { subject: `Accusé de réception du dossier ${number}` });
    expect(mail.text).toContain("Bonjour Léa, nous avons bien reçu la demande de « Les <Jardins> & Cie ».");
    await page.goto(`/mailbox?to=${encodeURIComponent(DEMO.usager)}`);
    await page.getByRole("link", { name: `Accusé de réception du dossier ${number}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Accusé de réception du dossier ${number}`);
    await expect(page.getByRole("main")).toContainText(
      "Bonjour Léa, nous avons bien reçu la demande de « Les <Jardins> & Cie ».",
    );
    await checkA11y(page, { exclude: ["iframe[sandbox]"] });
  });
});
