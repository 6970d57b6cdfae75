import type { Locator, Page, Response } from "@playwright/test";
import { PDF_BYTES } from "../../support/sample-files";
import { DEMO, expect, test } from "../support/fixtures";
import { type Actor, admin, type ChampSpec, uniqueSuffix, usager } from "../journey/steps";

/**
 * What JavaScript adds to the usager's form, through the keyboard and the accessibility tree:
 * - the searchable combobox of a drop-down list of 20 options or more, and the autocompletes of the
 *   geographic fields (pays, communes, EPCI, address): typing filters, the arrows move the active
 *   option (aria-activedescendant), Enter picks, Escape closes, Tab leaves; the choice is autosaved;
 * - the file fields' immediate upload: a progress bar while the bytes travel (the upload is slowed
 *   down through the DevTools protocol so that it can be seen), the specific error of a refused file,
 *   removal, and files kept on reload.
 * Without JavaScript these are a select, a text field resolved on save and a multipart form, tested
 * by the journeys (tous-les-champs.spec.ts).
 */

const IDENTITY = { civilite: "Mme", nom: "Garnier", prenom: "Salomé" } as const;

const VILLES = [
  "Amiens",
  "Angers",
  "Besançon",
  "Bordeaux",
  "Brest",
  "Caen",
  "Dijon",
  "Grenoble",
  "Le Havre",
  "Le Mans",
  "Lille",
  "Limoges",
  "Lyon",
  "Marseille",
  "Metz",
  "Montpellier",
  "Nancy",
  "Nantes",
  "Nice",
  "Nîmes",
  "Orléans",
  "Paris",
  "Reims",
  "Rennes",
  "Rouen",
  "Saint-Étienne",
  "Strasbourg",
  "Toulon",
  "Toulouse",
  "Tours",
] as const;
const VILLE: ChampSpec = { type: "drop_down_list", libelle: "Ville de l’atelier", mandatory: false, options: [...VILLES] };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The combobox whose accessible name starts with the libellé (hints follow it). */
function combobox(page: Page, libelle: string): Locator {
  return page.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(libelle)}`) }).first();
}

/** The element wrapping a combobox, its popup, its live region and its hidden input. */
function widgetOf(box: Locator): Locator {
  return box.locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' guichet-combobox ')][1]");
}

/** The popup the combobox controls (`aria-controls`), checked to be a listbox. */
async function listboxOf(box: Locator): Promise<Locator> {
  // Until the page is interactive the field is a <select> (also a combobox) or a plain text field.
  await expect(box).toHaveAttribute("aria-controls", /.+/);
  const id = await box.getAttribute("aria-controls");
  const listbox = box.page().locator(`[id="${id}"]`);
  await expect(listbox).toHaveRole("listbox");
  return listbox;
}

/** The option `aria-activedescendant` points at must be inside the listbox and read `text`. */
async function expectActive(box: Locator, listbox: Locator, text: string | RegExp) {
  await expect
    .poll(async () => {
      const id = await box.getAttribute("aria-activedescendant");
      if (!id) return null;
      const option = listbox.locator(`[role="option"][id="${id}"]`);
      return (await option.count()) === 1 ? ((await option.textContent()) ?? "") : `no option #${id} in the listbox`;
    })
    .toMatch(typeof text === "string" ? new RegExp(`^${escapeRegExp(text)}$`) : text);
}

async function expectClosed(box: Locator, listbox: Locator) {
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  await expect(listbox).toBeHidden();
}

function decodedBody(response: Response): string {
  const body = response.request().postData() ?? "";
  try {
    return decodeURIComponent(body.replace(/\+/g, " "));
  } catch {
    return body;
  }
}

/**
 * The brouillon's autosave (a POST of the whole form with intent=autosave) that carries every text
 * of `expected`: proof that the change reached the form, not only the screen.
 */
function autosaveCarrying(page: Page, expected: readonly string[]): Promise<Response> {
  return page.waitForResponse(
    (response) => {
      const request = response.request();
      if (request.method() !== "POST" || !/\/dossiers\/\d+\/brouillon(\.data)?$/.test(new URL(request.url()).pathname))
        return false;
      const body = decodedBody(response);
      return body.includes("autosave") && expected.every((text) => body.includes(text));
    },
    { timeout: 20_000 },
  );
}

/** « Tous les champs » (the demo démarche with a field of every type): a new brouillon, past the identity step. */
async function startTousLesChamps(actor: Actor) {
  const { page, checkA11y } = actor;
  await page.goto("/commencer/tous-les-champs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tous les champs");
  await page.getByRole("button", { name: /^Commencer (la démarche|un nouveau dossier)$/ }).click();
  await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
  await checkA11y(page);
  await usager.fillIdentity(actor, IDENTITY);
}

test.describe("form fields with JavaScript", () => {
  test.use({ actionTimeout: 30_000 });

  test("a drop-down list of 30 options is a combobox used with the keyboard @js-only", async ({
    page,
    signIn,
    checkA11y,
    javaScriptEnabled,
  }, testInfo) => {
    // A démarche built through the editor, then its test link; every page checked with axe.
    test.setTimeout(180_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const libelle = `Ateliers de réparation ${uniqueSuffix(testInfo)}`;

    await test.step("the administrateur builds a form with a list of 30 towns", async () => {
      await signIn(page, DEMO.administrateur);
      const created = await admin.createDemarche(actor, {
        libelle,
        description: "Inscrivez votre atelier de réparation au réseau national.",
        cadreJuridique: "Arrêté du 2 février 2026",
        lienDpo: "dpo@exemple.gouv.fr",
        dureeConservation: "6 mois",
      });
      await admin.buildForm(actor, { ...created, libelle }, [VILLE]);
      await admin.openOverview(actor, created.overview, libelle);
      // The draft's test link, on the overview: the administrateur fills the form as a usager would.
      const href = await page.getByRole("link", { name: /\/commencer\/test\// }).getAttribute("href");
      const path = new URL(href ?? "", page.url()).pathname.replace(/^\/commencer\//, "");
      await usager.startDossier(actor, { libelle, path });
      await usager.fillIdentity(actor, IDENTITY);
    });

    const box = combobox(page, VILLE.libelle);
    const listbox = await listboxOf(box);
    const options = listbox.getByRole("option");
    const choice = widgetOf(box).locator('input[type="hidden"]');

    await test.step("the combobox is announced as such, closed", async () => {
      await expect(box).toHaveAttribute("aria-autocomplete", "list");
      await expectClosed(box, listbox);
      // Without JavaScript it is a select: the enhanced box must not keep the select's name.
      await expect(box).not.toHaveAttribute("name");
      // The choice travels in a hidden input named like the field.
      await expect(choice).toHaveAttribute("name", /^champ_/);
      await expect(choice).toHaveValue("");
    });

    await test.step("typing filters (accents aside), the arrows move, Enter picks", async () => {
      await box.focus();
      await box.pressSequentially("tou");
      await expect(box).toHaveAttribute("aria-expanded", "true");
      await expect(options).toHaveText(["Toulon", "Toulouse", "Tours"]);
      await expect(listbox).toHaveAccessibleName(new RegExp(`^${escapeRegExp(VILLE.libelle)}`));
      await expect(page.getByText("3 options correspondent")).toBeAttached();
      await expect(box).not.toHaveAttribute("aria-activedescendant");
      await box.press("ArrowDown");
      await expectActive(box, listbox, "Toulon");
      await box.press("ArrowDown");
      await expectActive(box, listbox, "Toulouse");
      await box.press("ArrowDown");
      await expectActive(box, listbox, "Tours");
      await box.press("ArrowUp");
      await expectActive(box, listbox, "Toulouse");
      await checkA11y(page);

      const saved = autosaveCarrying(page, ["Toulouse"]);
      const url = page.url();
      await box.press("Enter");
      await expectClosed(box, listbox);
      await expect(box).toHaveValue("Toulouse");
      await expect(choice).toHaveValue("Toulouse");
      // Enter chose: it did not submit the form.
      expect(page.url()).toBe(url);
      await saved;

      await box.fill("");
      await box.pressSequentially("etienne");
      await expect(options).toHaveText(["Saint-Étienne"]);
    });

    await test.step("Escape closes and keeps what was typed; Tab leaves and keeps the previous choice", async () => {
      await box.press("Escape");
      await expectClosed(box, listbox);
      await expect(box).toHaveValue("etienne");
      await expect(box).toBeFocused();
      await expect(choice).toHaveValue("Toulouse");
      await box.press("Tab");
      await expect(box).not.toBeFocused();
      await expect(box).toHaveValue("Toulouse");
      await expect(choice).toHaveValue("Toulouse");
    });

    await test.step("no match says so, and the list is not announced as open", async () => {
      await box.focus();
      await box.fill("Quimper");
      const noMatch = widgetOf(box).locator("p:not(.fr-sr-only)", { hasText: "Aucune option ne correspond" });
      await expect(noMatch).toBeVisible();
      await expect(listbox).toBeHidden();
      await expect(box).toHaveAttribute("aria-expanded", "false");
      await checkA11y(page);
      await box.press("Escape");
      await box.press("Tab");
      await expect(box).toHaveValue("Toulouse");
    });

    await test.step("the choice is saved: a reload shows it", async () => {
      await page.reload();
      await expect(box).toHaveValue("Toulouse");
      await expect(choice).toHaveValue("Toulouse");
      await checkA11y(page);
    });
  });

  test("the geographic autocompletes are used with the keyboard and saved @js-only", async ({
    page,
    signIn,
    checkA11y,
    javaScriptEnabled,
  }) => {
    test.setTimeout(120_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    await signIn(page, DEMO.usager);
    await startTousLesChamps(actor);

    await test.step("pays: the arrows and Enter pick a country; Escape closes then clears", async () => {
      const pays = combobox(page, "Pays");
      const listbox = await listboxOf(pays);
      await expect(pays).toHaveAttribute("aria-autocomplete", "list");
      await expectClosed(pays, listbox);
      await pays.focus();
      await pays.pressSequentially("Belg");
      await expect(pays).toHaveAttribute("aria-expanded", "true");
      await expect(listbox.getByRole("option")).toHaveText(["Belgique"]);
      await expect(listbox).toHaveAccessibleName("Suggestions");
      await pays.press("ArrowDown");
      await expectActive(pays, listbox, "Belgique");
      await checkA11y(page);
      await pays.press("Enter");
      await expectClosed(pays, listbox);
      await expect(pays).toHaveValue("Belgique");

      // Escape with a list open closes it and keeps the text typed; again, it clears the box.
      await pays.fill("Fra");
      await expect(pays).toHaveAttribute("aria-expanded", "true");
      await pays.press("Escape");
      await expectClosed(pays, listbox);
      await expect(pays).toHaveValue("Fra");
      await pays.press("Escape");
      await expect(pays).toHaveValue("");
      await pays.pressSequentially("Belgi");
      await expect(pays).toHaveAttribute("aria-expanded", "true");
      await pays.press("ArrowDown");
      await pays.press("Enter");
      await expect(pays).toHaveValue("Belgique");
      // Tab leaves the box (the list is closed).
      await pays.press("Tab");
      await expect(pays).not.toBeFocused();
    });

    await test.step("communes: no match says so; the arrows pick a commune and its code", async () => {
      const communes = combobox(page, "Communes");
      const listbox = await listboxOf(communes);
      const code = widgetOf(communes).locator('input[type="hidden"]');
      await communes.focus();
      await communes.pressSequentially("Zzyzx");
      // Shown to everyone, not only in the screen readers' live region.
      const noResult = widgetOf(communes).locator("p:not(.fr-sr-only)", { hasText: "Aucun résultat" });
      await expect(noResult).toBeVisible();
      await expectClosed(communes, listbox);
      await checkA11y(page);

      await communes.fill("");
      await communes.pressSequentially("Amiens");
      await expect(communes).toHaveAttribute("aria-expanded", "true");
      await expect(listbox.getByRole("option").first()).toContainText("Amiens");
      await expect(noResult).toBeHidden();
      await communes.press("ArrowDown");
      await expectActive(communes, listbox, /^Amiens/);
      await communes.press("Enter");
      await expectClosed(communes, listbox);
      await expect(communes).toHaveValue(/^Amiens/);
      await expect(code).toHaveValue(/80021/);
    });

    await test.step("EPCI and address: the arrows wrap around the list", async () => {
      const epci = combobox(page, "EPCI");
      const epciList = await listboxOf(epci);
      await epci.focus();
      await epci.pressSequentially("Amiens Métropole");
      await expect(epci).toHaveAttribute("aria-expanded", "true");
      await epci.press("ArrowDown");
      await expectActive(epci, epciList, /Amiens Métropole/);
      await epci.press("Enter");
      await expect(epci).toHaveValue(/Amiens Métropole/);

      const adresse = combobox(page, "Adresse");
      const adresseList = await listboxOf(adresse);
      await adresse.focus();
      await adresse.pressSequentially("8 boulevard du Port");
      await expect(adresse).toHaveAttribute("aria-expanded", "true");
      const labels = await adresseList.getByRole("option").allTextContents();
      expect(labels.length, `address options: ${labels.join(" | ")}`).toBeGreaterThan(1);
      const last = labels.at(-1) as string;
      // Up from the box goes to the last option; down from the last one comes back to the first.
      await adresse.press("ArrowUp");
      await expectActive(adresse, adresseList, last);
      await adresse.press("ArrowDown");
      await expectActive(adresse, adresseList, labels[0] as string);
      await adresse.press("ArrowUp");
      await expectActive(adresse, adresseList, last);
      const saved = autosaveCarrying(page, ["Belgique", "Amiens", "Amiens Métropole", last]);
      await adresse.press("Enter");
      await expect(adresse).toHaveValue(last);
      await saved;
    });

    await test.step("the choices are saved: a reload shows them", async () => {
      await page.reload();
      await expect(combobox(page, "Pays")).toHaveValue("Belgique");
      await expect(combobox(page, "Communes")).toHaveValue(/^Amiens/);
      await expect(combobox(page, "EPCI")).toHaveValue(/Amiens Métropole/);
      await expect(combobox(page, "Adresse")).toHaveValue(/8 Boulevard du Port/);
      await checkA11y(page);
    });
  });

  test("a file is sent at once with a progress bar; a refused file keeps the others @js-only", async ({
    page,
    signIn,
    checkA11y,
    javaScriptEnabled,
  }) => {
    test.setTimeout(120_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    // A reload right after choosing a file may find the (harmless) autosave of that change pending.
    page.on("dialog", (dialog) => void (dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss()));
    await signIn(page, DEMO.usager);
    await startTousLesChamps(actor);

    const input = page.getByLabel(/^Pièce justificative/);
    const files = page.getByRole("list", { name: "Fichiers ajoutés au champ « Pièce justificative »" });
    // A real PDF (its signature first) of 1.5 MB.
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(1_500_000, 0x20)]);

    await test.step("while the bytes travel, a progress bar tells how far it is", async () => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      // About 200 KB/s up: the upload takes several seconds.
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 200 * 1024,
      });
      await input.setInputFiles({ name: "rapport-annuel.pdf", mimeType: "application/pdf", buffer: big });
      const progress = page.getByRole("progressbar", { name: /^Envoi de « rapport-annuel\.pdf » : \d+ %$/ });
      await expect(progress).toBeVisible();
      await expect(progress).toHaveAttribute("max", "100");
      await expect.poll(async () => Number(await progress.getAttribute("value"))).toBeGreaterThan(0);
      await checkA11y(page);
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();

      await expect(files).toContainText("rapport-annuel.pdf", { timeout: 60_000 });
      await expect(progress).toHaveCount(0);
      await expect(page.getByText("« rapport-annuel.pdf » a été ajouté.")).toBeAttached();
    });

    await test.step("a file of a refused format shows why, and the listed file stays", async () => {
      // A Windows program ("MZ" signature), whatever its name.
      await input.setInputFiles({
        name: "programme.exe",
        mimeType: "application/octet-stream",
        buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2048, 0x90)]),
      });
      const error = page.getByText("Le fichier « programme.exe » du champ « Pièce justificative » n’est pas d’un format accepté");
      await expect(error).toBeVisible();
      await expect(input).toHaveAttribute("aria-invalid", "true");
      const errorId = await error.locator("xpath=..").getAttribute("id");
      await expect(input).toHaveAttribute("aria-describedby", new RegExp(`\\b${escapeRegExp(errorId ?? "-")}\\b`));
      await expect(files.getByRole("listitem")).toHaveCount(1);
      await expect(files).toContainText("rapport-annuel.pdf");
      await checkA11y(page);

      await input.setInputFiles({ name: "statuts.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
      await expect(files.getByRole("listitem")).toHaveCount(2);
      await expect(error).toHaveCount(0);
    });

    await test.step("« Supprimer » removes one file at once; a reload keeps the others", async () => {
      await files.getByRole("button", { name: "Supprimer le fichier « rapport-annuel.pdf »" }).click();
      await expect(files.getByRole("listitem")).toHaveCount(1);
      await expect(files).toContainText("statuts.pdf");
      await expect(page.getByText("« rapport-annuel.pdf » a été supprimé.")).toBeAttached();
      await expect(input).toBeFocused();
      await page.reload();
      await expect(files.getByRole("listitem")).toHaveCount(1);
      await expect(files).toContainText("statuts.pdf");
      await expect(files.getByRole("link", { name: /rapport-annuel/ })).toHaveCount(0);
      await checkA11y(page);
    });
  });
});
