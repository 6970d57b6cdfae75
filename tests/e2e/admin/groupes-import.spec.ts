import { type Actor, admin } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * The groupes instructeurs CSV import (issue 11), with and without JavaScript: a small file is
 * written in the request (a file of more than 1,000 rows is a background job, covered by the
 * integration tests `tests/integration/groupes/csv-import.test.ts` and `stuck-import.test.ts`).
 * A file with a bad line is refused with that line's number and reason and nothing is imported;
 * the corrected file creates the groupes, listed on the page. axe on every page.
 */
test.describe("groupes CSV import", () => {
  test("a bad line is reported by number and nothing imported; the corrected file creates the groupes", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(300_000);
    const stamp = `${testInfo.project.name}-${Date.now() % 1_000_000_000}`;
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    await signIn(page, DEMO.administrateur);
    const demarche = await admin.createDemarche(actor, {
      libelle: `Import de groupes ${stamp}`,
      description: "Une démarche instruite par secteur.",
      cadreJuridique: "https://www.legifrance.gouv.fr/",
      lienDpo: "dpo@exemple.fr",
      dureeConservation: "6 mois",
    });
    const groupes = `/admin/procedures/${demarche.number}/groupes`;
    const upload = async (text: string) => {
      await page.goto(groupes);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Groupes instructeurs");
      await page
        .getByLabel(/^Fichier CSV/)
        .setInputFiles({ name: "groupes.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
      await page.getByRole("button", { name: "Importer", exact: true }).click();
    };
    const nord = `Nord ${stamp}`;
    const sud = `Sud ${stamp}`;

    await test.step("a file with a bad e-mail on line 3 is refused, naming the line", async () => {
      await upload(`groupe,email\n${nord},${DEMO.instructeur}\n${sud},pas-une-adresse\n`);
      await expect(page.getByRole("alert")).toContainText("Ligne 3 : l’adresse e-mail n’est pas valide.");
      await expect(page.getByRole("link", { name: nord, exact: true })).toHaveCount(0);
      await checkA11y(page);
    });

    await test.step("the corrected file creates both groupes with their instructeurs", async () => {
      await upload(
        `groupe,email\n${nord},${DEMO.instructeur}\n${sud},${DEMO.instructeur}\n${sud},agent.sud.${stamp}@exemple.fr\n`,
      );
      await expect(page.getByText("Import terminé : 2 groupe(s) créé(s), 3 affectation(s) ajoutée(s).")).toBeVisible();
      await expect(page.getByRole("link", { name: nord, exact: true })).toBeVisible();
      await checkA11y(page);
      await page.getByRole("link", { name: sud, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(sud);
      await expect(page.getByRole("main")).toContainText(`agent.sud.${stamp}@exemple.fr`);
      await expect(page.getByRole("main")).toContainText(DEMO.instructeur);
      await checkA11y(page);
    });
  });
});
