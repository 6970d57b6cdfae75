import type { Locator, Page, Request } from "@playwright/test";
import { type Actor, admin, uniqueSuffix, waitForEditorSave } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * The form editor's drag and drop (JavaScript only): a field dragged by its handle onto another
 * place of its own list moves there at once and is saved (a reload shows the order); a field of a
 * repetition block cannot leave its block; the keyboard's « Monter » / « Descendre » buttons keep
 * working alongside. Every page is checked with axe.
 */

const TOP = {
  nom: { type: "Texte court", libelle: "Nom de l’atelier" },
  benevoles: { type: "Nombre entier", libelle: "Nombre de bénévoles" },
  bloc: { type: "Bloc répétable", libelle: "Réparateurs" },
  horaires: { type: "Texte court", libelle: "Horaires d’ouverture" },
} as const;
const IN_BLOCK = {
  reparateur: { type: "Texte court", libelle: "Nom du réparateur" },
  specialite: { type: "Texte court", libelle: "Spécialité" },
} as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A field's card: a region named « Champ <n> sur <count> : <libellé> ». */
function card(page: Page, libelle: string): Locator {
  return page.getByRole("region", { name: new RegExp(`^Champ \\d+ sur \\d+ : ${escapeRegExp(libelle)}$`) });
}

/** The list item holding a field's card (the drop target) and its drag handle. */
async function itemOf(page: Page, libelle: string): Promise<{ item: Locator; handle: Locator }> {
  const id = await card(page, libelle).getAttribute("id");
  expect(id, `card of « ${libelle} »`).toMatch(/^champ-\d+$/);
  const item = page.locator(`li.guichet-champ-item:has(> section#${id})`);
  return { item, handle: item.locator(":scope > .guichet-drag-handle") };
}

/** Titles of the cards, in order: the top level, or the fields of the block. */
const topLevelTitles = (page: Page) => page.locator("#champs + ol > li > section > div > div > h3");
const blockTitles = (page: Page) => page.locator(".guichet-block-children > ol > li > section > div > div > h3");
const titled = (libelles: readonly string[]) =>
  libelles.map((libelle) => new RegExp(`^Champ \\d+ sur ${libelles.length} : ${escapeRegExp(libelle)}$`));

/** Adds a field with the « Ajouter un champ » form of `scope`, then gives it its libellé (saved on leaving the box). */
async function addField(actor: Actor, scope: Locator, field: { type: string; libelle: string }) {
  const { page } = actor;
  await scope.getByLabel("Type de champ").selectOption({ label: field.type });
  await scope.getByRole("button", { name: "Ajouter un champ", exact: true }).click();
  // The new field's libellé gets the focus.
  const libelle = page.locator("input[id$='-libelle']:focus");
  await expect(libelle).toBeVisible();
  await waitForEditorSave(actor, async () => {
    await libelle.fill(field.libelle);
    await libelle.press("Tab");
  });
  await expect(card(page, field.libelle)).toBeVisible();
}

/**
 * Drags a field by its handle onto the upper part of another field's item (dropped before it), as a
 * person does: press on the handle, start moving, scroll to the target (cards are tall), release there.
 */
async function dragBefore(page: Page, dragged: string, target: string) {
  const { handle } = await itemOf(page, dragged);
  const { item } = await itemOf(page, target);
  await handle.hover();
  const start = await handle.boundingBox();
  if (!start) throw new Error(`no drag handle for « ${dragged} »`);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 + 8, { steps: 2 });
  await item.evaluate((element) => element.scrollIntoView({ block: "start" }));
  const box = await item.boundingBox();
  if (!box) throw new Error(`no item for « ${target} »`);
  await page.mouse.move(box.x + 80, box.y + 12, { steps: 4 });
  await page.mouse.up();
}

/** The editor's saves of a drag and drop (intent=move-to), in the order they were sent. */
function recordDragMoves(page: Page): Request[] {
  const moves: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && (request.postData() ?? "").includes("move-to")) moves.push(request);
  });
  return moves;
}

test.describe("form editor: drag and drop", () => {
  test.use({ actionTimeout: 30_000 });

  test("reorders fields within their own list, saved, beside the keyboard buttons @js-only", async ({
    page,
    signIn,
    checkA11y,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(360_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const libelle = `Réseau des ateliers ${uniqueSuffix(testInfo)}`;

    await test.step("a form with three fields and a block of two", async () => {
      await signIn(page, DEMO.administrateur);
      const { overview } = await admin.createDemarche(actor, {
        libelle,
        description: "Recensement des ateliers de réparation.",
        cadreJuridique: "Arrêté du 2 février 2026",
        lienDpo: "dpo@exemple.gouv.fr",
        dureeConservation: "6 mois",
      });
      await page.goto(`${overview}/champs`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formulaire usager");
      const end = page.getByRole("region", { name: "Ajouter un champ à la fin du formulaire" });
      for (const field of Object.values(TOP)) await addField(actor, end, field);
      const inBlock = card(page, TOP.bloc.libelle).getByRole("region", { name: "Ajouter un champ dans le bloc" });
      for (const field of Object.values(IN_BLOCK)) await addField(actor, inBlock, field);

      await expect(topLevelTitles(page)).toHaveText(
        titled([TOP.nom.libelle, TOP.benevoles.libelle, TOP.bloc.libelle, TOP.horaires.libelle]),
      );
      await expect(blockTitles(page)).toHaveText(titled([IN_BLOCK.reparateur.libelle, IN_BLOCK.specialite.libelle]));
      // The handle is for the pointer only: keyboard and screen reader users have the buttons.
      const { handle } = await itemOf(page, TOP.horaires.libelle);
      await expect(handle).toHaveAttribute("draggable", "true");
      await expect(handle).toHaveAttribute("aria-hidden", "true");
      await checkA11y(page);
    });

    const moves = recordDragMoves(page);

    await test.step("a field dragged onto the first one becomes first, announced and saved", async () => {
      await waitForEditorSave(actor, () => dragBefore(page, TOP.horaires.libelle, TOP.nom.libelle));
      const order = [TOP.horaires.libelle, TOP.nom.libelle, TOP.benevoles.libelle, TOP.bloc.libelle];
      await expect(topLevelTitles(page)).toHaveText(titled(order));
      await expect(page.getByText(`Champ « ${TOP.horaires.libelle} » déplacé en position 1 sur 4.`)).toBeAttached();
      await expect(blockTitles(page)).toHaveCount(2);
      await checkA11y(page);
    });

    await test.step("a field of the block cannot leave it, but moves inside it", async () => {
      // Onto a top-level field: not a drop target, nothing is sent.
      await dragBefore(page, IN_BLOCK.specialite.libelle, TOP.benevoles.libelle);
      await expect(blockTitles(page)).toHaveText(titled([IN_BLOCK.reparateur.libelle, IN_BLOCK.specialite.libelle]));
      await expect(topLevelTitles(page)).toHaveCount(4);

      await waitForEditorSave(actor, () => dragBefore(page, IN_BLOCK.specialite.libelle, IN_BLOCK.reparateur.libelle));
      await expect(blockTitles(page)).toHaveText(titled([IN_BLOCK.specialite.libelle, IN_BLOCK.reparateur.libelle]));
      await expect(page.getByText(`Champ « ${IN_BLOCK.specialite.libelle} » déplacé en position 1 sur 2.`)).toBeAttached();
      // One save per accepted drop, none for the refused one.
      expect(moves).toHaveLength(2);
    });

    await test.step("a reload shows the saved order", async () => {
      await page.reload();
      await expect(topLevelTitles(page)).toHaveText(
        titled([TOP.horaires.libelle, TOP.nom.libelle, TOP.benevoles.libelle, TOP.bloc.libelle]),
      );
      await expect(blockTitles(page)).toHaveText(titled([IN_BLOCK.specialite.libelle, IN_BLOCK.reparateur.libelle]));
      await checkA11y(page);
    });

    await test.step("the keyboard buttons still move fields, in the block too", async () => {
      const down = page.getByRole("button", { name: `Descendre le champ « ${TOP.horaires.libelle} »` });
      await down.focus();
      await waitForEditorSave(actor, () => down.press("Enter"));
      await expect(topLevelTitles(page)).toHaveText(
        titled([TOP.nom.libelle, TOP.horaires.libelle, TOP.benevoles.libelle, TOP.bloc.libelle]),
      );
      await expect(down).toBeFocused();

      const up = page.getByRole("button", { name: `Monter le champ « ${IN_BLOCK.reparateur.libelle} »` });
      await up.focus();
      await waitForEditorSave(actor, () => up.press("Enter"));
      await expect(blockTitles(page)).toHaveText(titled([IN_BLOCK.reparateur.libelle, IN_BLOCK.specialite.libelle]));

      await page.reload();
      await expect(topLevelTitles(page)).toHaveText(
        titled([TOP.nom.libelle, TOP.horaires.libelle, TOP.benevoles.libelle, TOP.bloc.libelle]),
      );
      await expect(blockTitles(page)).toHaveText(titled([IN_BLOCK.reparateur.libelle, IN_BLOCK.specialite.libelle]));
      await checkA11y(page);
    });
  });
});
