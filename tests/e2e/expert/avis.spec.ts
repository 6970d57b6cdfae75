import { type Actor, instructeur, signOut, uniqueSuffix, usager } from "../journey/steps";
import { PDF_BYTES } from "../../support/sample-files";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * Avis d'experts, with and without JavaScript: the administrateur lists a new expert on the seeded
 * démarche and has them notified of decisions; an instructeur asks them a confidential avis with a
 * file; the expert creates their account from the e-mail, answers with a file; the instructeur
 * reads the answer and decides; the expert gets the decision by e-mail. axe on every page. The
 * expert's address is unique per project and run (both projects share one server).
 */

const DEMARCHE = "Demande de subvention pour une association";
const EXPERT_PASSWORD = "un-mot-de-passe-solide-2026";

test.describe("avis d'experts", () => {
  test("an instructeur asks a confidential avis of a new expert, who signs up, answers with a file; the instructeur decides", async ({
    page,
    checkA11y,
    signIn,
    readMailbox,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(420_000);
    const suffix = uniqueSuffix(testInfo);
    const expertEmail = `experte-${suffix}@exemple.fr`;
    const actor: Actor = { page, checkA11y, javaScriptEnabled };

    await test.step("the administrateur lists the expert, notified of decisions", async () => {
      await signIn(page, DEMO.administrateur);
      await page.goto("/admin/procedures");
      await page.getByRole("link", { name: DEMARCHE, exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE);
      await page.getByRole("link", { name: "Gérer les avis externes" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avis externes");
      await checkA11y(page);
      await page.getByLabel(/^Adresses électroniques/).fill(expertEmail);
      await page.getByLabel(/^Notifier ces experts de la décision finale/).check({ force: true });
      await page.getByRole("button", { name: "Ajouter", exact: true }).click();
      await expect(page.getByRole("status")).toContainText("La liste des experts a été mise à jour.");
      await expect(page.getByRole("row").filter({ hasText: expertEmail })).toContainText("oui");
      await checkA11y(page);
      await signOut(actor);
    });

    // Its own dossier: the other project's run (same server) may have followed or decided the seeded ones.
    const number = await test.step("the usager files a dossier", async () => {
      await signIn(page, DEMO.usager);
      const filed = await usager.fileSubventionDossier(actor, `Avis ${suffix}`);
      await signOut(actor);
      return filed;
    });

    const avisTab = await test.step("the instructeur asks a confidential avis with a file", async () => {
      await signIn(page, DEMO.instructeur);
      await instructeur.openDossierToFollow(actor, DEMARCHE, number);
      const dossierTabs = page.getByRole("navigation", { name: "Sections du dossier" });
      await dossierTabs.getByRole("link", { name: /^Avis externes/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Avis externes du dossier n° \d+$/);
      await checkA11y(page);

      // A mistake first: the message is kept, the error linked to its field.
      await page.getByLabel(/^Adresses électroniques des experts/).fill(expertEmail);
      await page.getByRole("button", { name: "Demander un avis" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Votre demande n’a pas pu être enregistrée" });
      await expect(summary).toContainText("Écrivez un message à l’expert.");
      await expect(page.getByLabel(/^Adresses électroniques des experts/)).toHaveValue(expertEmail);
      await checkA11y(page);

      await page.getByLabel(/^Message à l’expert/).fill("Le budget prévisionnel vous paraît-il réaliste ?");
      await page
        .getByLabel(/^Pièce jointe/)
        .setInputFiles({ name: "budget.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
      await page.getByLabel(/^Avis confidentiel/).check({ force: true });
      await page.getByRole("button", { name: "Demander un avis" }).click();
      await expect(page.getByRole("status")).toHaveText("La demande d’avis a été envoyée.");
      const card = page.locator("[data-avis-id]").filter({ hasText: expertEmail });
      await expect(card).toContainText("En attente de réponse");
      await expect(card).toContainText("Confidentiel");
      await expect(card.getByRole("link", { name: "budget.pdf" })).toBeVisible();
      await checkA11y(page);
      const url = new URL(page.url()).pathname;
      await signOut(actor);
      return url;
    });

    await test.step("the expert creates their account from the e-mail and answers with a file", async () => {
      const mail = await readMailbox(page, expertEmail, { subject: /^Avis demandé sur le dossier/ });
      const invitation = mail.links.find((link) => link.includes("/users/invitation?token="));
      expect(invitation).toBeDefined();
      expect(mail.text).not.toContain("budget prévisionnel");
      await page.goto(invitation as string);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkA11y(page);
      await page.getByLabel(/^Mot de passe/).fill(EXPERT_PASSWORD);
      await page.getByRole("button", { name: "Activer mon compte" }).click();
      await expect(page).toHaveURL(/\/avis\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Avis sur le dossier n° \d+$/);
      await expect(page.getByText("Le budget prévisionnel vous paraît-il réaliste ?")).toBeVisible();
      await expect(page.getByText("Votre avis est confidentiel : seuls les instructeurs le liront.")).toBeVisible();
      await checkA11y(page);

      await page.getByRole("textbox", { name: "Votre avis" }).fill("Budget réaliste, sous réserve du devis de la salle.");
      await page
        .getByLabel(/^Pièce jointe/)
        .setInputFiles({ name: "analyse.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
      await page.getByRole("button", { name: "Envoyer mon avis" }).click();
      await expect(page.getByRole("status")).toContainText("Votre avis a été envoyé.");
      await expect(page.getByRole("textbox", { name: "Votre avis" })).toHaveValue(
        "Budget réaliste, sous réserve du devis de la salle.",
      );
      await expect(page.getByRole("link", { name: "analyse.pdf" })).toBeVisible();
      await checkA11y(page);

      await page.getByRole("banner").getByRole("link", { name: "Expert" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avis d’expert");
      await expect(page.getByRole("table", { name: "Avis donnés (1)" })).toBeVisible();
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the instructeur reads the avis and decides", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto(avisTab);
      const card = page.locator("[data-avis-id]").filter({ hasText: expertEmail });
      await expect(card).toContainText("Budget réaliste, sous réserve du devis de la salle.");
      await expect(card.getByRole("link", { name: "analyse.pdf" })).toBeVisible();
      await checkA11y(page);
      await page
        .getByRole("navigation", { name: "Sections du dossier" })
        .getByRole("link", { name: "Dossier", exact: true })
        .click();
      const passer = page.getByRole("button", { name: "Passer en instruction" });
      if (await passer.isVisible()) {
        await passer.click();
        await expect(page.getByRole("status")).toContainText("Le dossier est passé en instruction.");
      }
      await page.getByLabel("Accepter", { exact: true }).check({ force: true });
      await page.getByLabel(/^Motivation/).fill("Avis favorable de l’expert.");
      await page.getByRole("button", { name: "Valider la décision" }).click();
      await expect(page.getByRole("status")).toHaveText("Le dossier a été accepté. L’usager va être prévenu par courriel.");
      await checkA11y(page);
      await signOut(actor);
    });

    await test.step("the expert is told of the decision", async () => {
      const mail = await readMailbox(page, expertEmail, { subject: /^Décision sur le dossier n° \d+/ });
      expect(mail.text).toContain("a été accepté");
      expect(mail.text).not.toContain("Avis favorable de l’expert.");
    });
  });
});
