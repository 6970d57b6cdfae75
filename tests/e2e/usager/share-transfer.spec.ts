import { type Actor, DEMO_DEMARCHE, signOut, uniqueSuffix, usager } from "../journey/steps";
import { DEMO, DEMO_PASSWORD, expect, test } from "../support/fixtures";

/**
 * Sharing and transferring a dossier (issue 13), with and without JavaScript: the owner starts a
 * brouillon, invites a co-editor by e-mail and proposes the dossier to another e-mail; the co-editor
 * (a new account) finds it under « Invité », edits a field but has no « Déposer le dossier »; the
 * recipient (a new account) accepts the transfer and finds the dossier, with the co-editor's answer,
 * in « Mes dossiers ». axe on every page.
 */
test.describe("partage et transfert", () => {
  test("the owner invites a co-editor and transfers the dossier, the recipient accepts", async ({
    page,
    checkA11y,
    signIn,
    readMailbox,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(400_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const suffix = uniqueSuffix(testInfo);
    const coEditor = `co-editeur-${suffix}@exemple.fr`;
    const recipient = `destinataire-${suffix}@exemple.fr`;
    const association = `Vélos partagés ${suffix}`;

    await test.step("the co-editor and the recipient create their accounts", async () => {
      await usager.signUp(actor, readMailbox, coEditor, DEMO_PASSWORD);
      await signOut(actor);
      await usager.signUp(actor, readMailbox, recipient, DEMO_PASSWORD);
      await signOut(actor);
    });

    const dossier = await test.step("the owner starts a brouillon, invites the co-editor, proposes a transfer", async () => {
      await signIn(page, DEMO.usager);
      // The demo usager may already have a brouillon there: the button then offers a new dossier.
      await page.goto("/commencer/subvention-association");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_DEMARCHE);
      await checkA11y(page);
      await page
        .getByRole("button", { name: /Commencer/ })
        .first()
        .click();
      await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
      const number = Number(new URL(page.url()).pathname.split("/")[2]);
      await usager.fillIdentity(actor, { civilite: "Mme", nom: "Martin", prenom: "Claire" });
      await page.getByRole("link", { name: "Partage du dossier" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${number}/partage$`));
      await expect(page.getByRole("heading", { level: 2, name: "Inviter une personne à modifier ce dossier" })).toBeVisible();
      await checkA11y(page);

      // A wrong address is refused where it was typed, and kept.
      await page.getByLabel(/^Adresse électronique de la personne à inviter/).fill("co-editeur@");
      await page.getByRole("button", { name: "Envoyer une invitation" }).click();
      await expect(
        page.getByText("Saisissez une adresse électronique valide, par exemple nom@domaine.fr.").first(),
      ).toBeVisible();
      await expect(page.getByLabel(/^Adresse électronique de la personne à inviter/)).toHaveValue("co-editeur@");
      await checkA11y(page);

      await page.getByLabel(/^Adresse électronique de la personne à inviter/).fill(coEditor);
      await page.getByLabel("Message (facultatif)").fill("Peux-tu compléter le nom de l’association ?");
      await page.getByRole("button", { name: "Envoyer une invitation" }).click();
      await expect(page.getByText("L’invitation a été envoyée.")).toBeVisible();
      await expect(page.getByRole("main")).toContainText(coEditor);
      await checkA11y(page);

      await page.getByLabel(/^Adresse électronique du destinataire/).fill(recipient);
      await page.getByRole("button", { name: "Proposer le transfert" }).click();
      await expect(page.getByText("Le transfert a été proposé. Le destinataire a reçu un courriel.")).toBeVisible();
      await expect(page.getByText(new RegExp(`Transfert proposé à ${recipient.replace(/\./g, "\\.")}`))).toBeVisible();
      await checkA11y(page);

      await page.goto("/dossiers/transferts");
      await expect(page.getByRole("heading", { level: 2, name: "Transferts proposés" })).toBeVisible();
      await expect(page.getByRole("main")).toContainText(recipient);
      await checkA11y(page);
      await signOut(actor);
      return number;
    });

    await test.step("the co-editor finds it under « Invité », edits a field, cannot submit", async () => {
      await signIn(page, coEditor);
      await page.goto("/dossiers");
      await page.getByRole("link", { name: "Invité", exact: true }).click();
      await expect(page).toHaveURL(/\/dossiers\/invites$/);
      await expect(page.getByRole("heading", { level: 2, name: "Dossiers sur lesquels vous êtes invité" })).toBeVisible();
      const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: String(dossier), exact: true }) });
      await expect(row).toContainText(DEMO.usager);
      await checkA11y(page);
      await row.getByRole("link", { name: `Consulter le dossier n° ${dossier}` }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}/brouillon$`));
      await expect(page.getByRole("button", { name: "Déposer le dossier" })).toHaveCount(0);
      await checkA11y(page);
      await page.getByLabel("Nom de l’association").fill(association);
      await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
      await expect(
        page.getByRole("status").filter({ hasText: /Votre brouillon a été enregistré|Brouillon enregistré à/ }),
      ).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Nom de l’association")).toHaveValue(association);
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the recipient accepts the transfer and finds the dossier", async () => {
      await signIn(page, recipient);
      await page.goto("/dossiers/transferts");
      await expect(page.getByRole("heading", { level: 2, name: "Demandes de transfert reçues" })).toBeVisible();
      const received = page.getByTestId("transferts-recus").getByRole("listitem").filter({ hasText: DEMO.usager });
      await expect(received).toContainText(String(dossier));
      await checkA11y(page);
      await received.getByRole("button", { name: "Accepter" }).click();
      await expect(page.getByText("Transfert accepté : les dossiers sont maintenant dans « Mes dossiers ».")).toBeVisible();
      await checkA11y(page);
      await page.goto(`/dossiers/${dossier}/brouillon`);
      await expect(page.getByLabel("Nom de l’association")).toHaveValue(association);
      // The new owner may submit.
      await expect(page.getByRole("button", { name: "Déposer le dossier" })).toBeVisible();
      await checkA11y(page);
    });
  });
});
