import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { ASSOCIATION, INELIGIBILITE_MESSAGE as INELIGIBLE, MAJEUR, RNA } from "../../../server/seed/tous-les-champs-specs";
import { PDF_BYTES, PNG_BYTES } from "../../support/sample-files";
import { DEMO, expect, test } from "../support/fixtures";
import { buildTousLesChamps, discardDraftChanges, editAndRepublish, type FormEdits } from "./build-tous-les-champs";
import { type Actor, graphql, signOut, uniqueSuffix, usager } from "./steps";

/**
 * The form of the demo démarche « Tous les champs » (server/seed/tous-les-champs.ts) built by an
 * administrateur in the editor and published, then filled through the browser with and without
 * JavaScript: one valid value in a field of every type, a condition, a repetition block, an
 * ineligibility rule; the instructeur reads every value and fills the annotations privées, and
 * the GraphQL API returns the typed values. Last, the administrateur edits and re-publishes the
 * form: the dossier follows the new revision and keeps its values. Every page is checked with axe.
 */

const IDENTITY = { civilite: "Mme", nom: "Morel", prenom: "Inès" } as const;
const BUREAU = "Membres du bureau";

/** The changes of the re-publication: the usager filled « Texte court » and chose two options, left the link empty. */
const EDITS: FormEdits = {
  rename: { from: "Texte court", to: "Intitulé du projet" },
  add: "Commentaire complémentaire",
  remove: "Lien vers un autre dossier",
  option: { libelle: "Choix multiple", from: "Seniors", to: "Personnes âgées" },
};

/** What the usager types, and what the instructeur's page then shows. */
const VALUES = {
  text: "Atelier de réparation de vélos",
  textarea: "Un atelier ouvert à tous,\nle samedi matin.",
  integer: "42",
  decimal: "12,5",
  date: "2026-03-14",
  datetime: "2026-03-14T09:30",
  email: "contact@velo-solidaire.fr",
  phone: "06 12 34 56 78",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  siret: "732 829 320 00074",
  other: "Environnement",
  formatted: "Dossier complet 2026",
  rna: "W751234567",
  membres: [
    { nom: "Camille Laurent", date: "2022-01-15" },
    { nom: "Youssef Benali", date: "2023-06-01" },
  ],
} as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A fieldset whose legend starts with the libellé (radios, checkboxes). */
function group(page: Page, libelle: string): Locator {
  return page.getByRole("group", { name: new RegExp(`^${escapeRegExp(libelle)}`) });
}

/** DSFR radios and checkboxes: the label covers the input. */
async function check(scope: Locator, label: string) {
  await scope.getByLabel(label, { exact: true }).check({ force: true });
}

/** « Enregistrer le brouillon » (a real POST): back on the brouillon, saved. */
async function saveDraft({ page, checkA11y }: Actor) {
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/dossiers\/\d+\/brouillon/);
  await expect(page.getByRole("button", { name: "Déposer le dossier" })).toBeVisible();
  await checkA11y(page);
}

/** An option of the open autocomplete list (not the <option> of a select with the same text). */
function suggestion(page: Page, name: string | RegExp): Locator {
  return page.locator('[role="listbox"]:visible').getByRole("option", { name }).first();
}

/** The brouillon form's text field of a libellé (its label starts with it; hints follow). */
function textField(page: Page, libelle: string): Locator {
  return page.getByRole("textbox", { name: new RegExp(`^${escapeRegExp(libelle)}`) });
}

/**
 * Communes and EPCI: with JavaScript, an autocomplete (type, then pick the option); without, the
 * text is resolved by the server on save, and when it names several entries the candidates are
 * radios to pick from before saving again.
 */
async function fillGeoSearch(actor: Actor, libelle: string, typed: string, option: RegExp) {
  const { page } = actor;
  if (actor.javaScriptEnabled) {
    const box = page.getByRole("combobox", { name: new RegExp(`^${escapeRegExp(libelle)}`) });
    await box.fill(typed);
    await suggestion(page, option).click();
    await expect(box).toHaveValue(option);
    return;
  }
  await textField(page, libelle).fill(typed);
  await saveDraft(actor);
  const candidates = page.locator(".guichet-geo-candidates").filter({ has: page.getByLabel(option) });
  if (await candidates.count()) {
    await candidates.getByLabel(option).first().check({ force: true });
    await saveDraft(actor);
  }
  await expect(textField(page, libelle)).toHaveValue(option);
}

/** What the read-only dossier pages show of the usager's values, by libellé. */
const DISPLAYED: ReadonlyArray<readonly [string, string | RegExp]> = [
  ["Texte court", VALUES.text],
  ["Nombre entier", VALUES.integer],
  ["Nombre décimal", "12,5"],
  ["Date", "14/03/2026"],
  ["Case à cocher seule", "Oui"],
  ["Choix simple", VALUES.other],
  ["Choix multiple", /Jeunesse[\s\S]*Familles/],
  ["Adresse électronique", VALUES.email],
  ["Numéro SIRET", /732\s?829\s?320\s?00074/],
  ["Deux menus déroulants liés", /Premier choix[\s\S]*Deuxième précision/],
  ["Pièce justificative", "statuts.pdf"],
  ["Titre d’identité", "carte-identite.png"],
  ["Pays", "Belgique"],
  ["Départements", "Somme"],
  ["Communes", "Amiens"],
  ["Adresse", /8 boulevard du Port/i],
  [RNA, VALUES.rna],
];

/** One field of a read-only dossier page: its libellé, then its value. */
function shown(form: Locator, libelle: string): Locator {
  return form
    .locator(".guichet-champ-display")
    .filter({ has: form.page().getByText(libelle, { exact: true }) })
    .first();
}

/** The « Formulaire » region of a dossier page shows each value, and the members of the bureau. */
async function expectDisplayed(form: Locator, displayed: ReadonlyArray<readonly [string, string | RegExp]>) {
  for (const [libelle, value] of displayed) await expect(shown(form, libelle), libelle).toContainText(value);
  await expect(form.getByText(BUREAU, { exact: true }).first()).toBeAttached();
  await expect(form).toContainText(VALUES.membres[0].nom);
  await expect(form).toContainText(VALUES.membres[1].nom);
  await expect(form).toContainText("15/01/2022");
}

/** After the re-publication: the renamed field's value under its new libellé. */
const DISPLAYED_AFTER_EDITS = DISPLAYED.map(([libelle, value]) =>
  libelle === EDITS.rename.from ? ([EDITS.rename.to, value] as const) : ([libelle, value] as const),
);

const DOSSIER_QUERY = /* GraphQL */ `
  query TousLesChamps($number: Int!) {
    dossier(number: $number) {
      number
      state
      demarche { number title revision { id champDescriptors { label } } }
      champs {
        __typename
        label
        stringValue
        ... on DecimalNumberChamp { decimalNumber: value }
        ... on IntegerNumberChamp { integerNumber: value }
        ... on DateChamp { date }
        ... on YesNoChamp { yesNo: value }
        ... on CommuneChamp { commune { name code postalCode } }
        ... on PieceJustificativeChamp { files { filename } }
        ... on RepetitionChamp { rows { champs { label stringValue } } }
      }
      annotations { label stringValue }
    }
  }
`;

const ANNOTATIONS = [
  { label: "Avis interne", stringValue: "Statuts à jour, bureau complet." },
  { label: "Dossier complet", stringValue: "true" },
];

interface ApiDossier {
  dossier: {
    number: number;
    state: string;
    demarche: { number: number; title: string; revision: { id: string; champDescriptors: Array<{ label: string }> } };
    champs: ApiChamp[];
    annotations: Array<{ label: string; stringValue: string | null }>;
  };
}

/** The dossier through the GraphQL API, and its field of a label (which must be there). */
async function apiDossier(request: APIRequestContext, number: number) {
  const token = process.env.E2E_API_TOKEN;
  expect(token, "E2E_API_TOKEN (set by global-setup; give one when E2E_BASE_URL is set)").toBeTruthy();
  const data = await graphql<ApiDossier>(request, token as string, DOSSIER_QUERY, { number });
  const champ = (label: string) => {
    const found = data.dossier.champs.find((c) => c.label === label);
    expect(found, `${label} in ${JSON.stringify(data.dossier.champs.map((c) => c.label))}`).toBeDefined();
    return found as ApiChamp;
  };
  return { data, champ };
}

interface ApiChamp {
  __typename: string;
  label: string;
  stringValue: string | null;
  decimalNumber?: number | null;
  integerNumber?: string | null;
  date?: string | null;
  yesNo?: boolean | null;
  commune?: { name: string; code: string; postalCode: string | null } | null;
  files?: Array<{ filename: string }>;
  rows?: Array<{ champs: Array<{ label: string; stringValue: string | null }> }>;
}

test.describe("« Tous les champs »", () => {
  // A stuck step fails in half a minute instead of using up the whole journey's time.
  test.use({ actionTimeout: 30_000, navigationTimeout: 60_000 });

  test("a field of every type is built, filled, submitted, read by the instructeur and through the API, then re-published", async ({
    page,
    request,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    // Forty fields built one by one then filled, many round trips without JavaScript, axe on each
    // page, two loaded cores.
    test.setTimeout(900_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const suffix = uniqueSuffix(testInfo);

    const DEMARCHE = await test.step("the administrateur builds the form of every type and publishes it", async () => {
      await signIn(page, DEMO.administrateur);
      const built = await buildTousLesChamps(
        actor,
        {
          libelle: `Tous les champs ${suffix}`,
          description: "Une démarche qui contient un champ de chaque type.",
          cadreJuridique: "https://www.legifrance.gouv.fr/",
          lienDpo: "dpo@exemple.gouv.fr",
          dureeConservation: "12 mois",
          path: `tous-les-champs-${suffix}`,
        },
        DEMO.instructeur,
      );
      await signOut(actor);
      return built;
    });

    const dossier = await test.step("the usager fills a field of every type", async () => {
      await signIn(page, DEMO.usager);
      // The demo usager may already have dossiers here: the button then says « nouveau ».
      await page.goto(`/commencer/${DEMARCHE.path}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE.libelle);
      await checkA11y(page);
      await page.getByRole("button", { name: /^Commencer (la démarche|un nouveau dossier)$/ }).click();
      await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
      await checkA11y(page);
      const number = Number(new URL(page.url()).pathname.split("/")[2]);
      await usager.fillIdentity(actor, IDENTITY);

      await textField(page, "Texte court").fill(VALUES.text);
      await textField(page, "Texte long").fill(VALUES.textarea);
      await textField(page, "Nombre entier").fill(VALUES.integer);
      await textField(page, "Nombre décimal").fill(VALUES.decimal);
      await page.getByLabel("Date", { exact: true }).fill(VALUES.date);
      await page.getByLabel(/^Date et heure/).fill(VALUES.datetime);
      await check(group(page, "Oui/Non"), "Oui");
      await page.getByLabel("Case à cocher seule").check({ force: true });
      const choixSimple = group(page, "Choix simple");
      await check(choixSimple, "Autre");
      // With JavaScript the free text appears once « Autre » is chosen.
      await choixSimple.getByLabel("Si autre, précisez").fill(VALUES.other);
      const choixMultiple = group(page, "Choix multiple");
      await check(choixMultiple, "Jeunesse");
      await check(choixMultiple, "Familles");
      await check(group(page, "Civilité"), "M.");
      await textField(page, "Adresse électronique").fill(VALUES.email);
      await textField(page, "Numéro de téléphone").fill(VALUES.phone);
      await textField(page, "IBAN").fill(VALUES.iban);
      await textField(page, "Numéro SIRET").fill(VALUES.siret);
      // « Explication » has nothing to fill; « Lien vers un autre dossier » is left empty (optional).
      await textField(page, "Texte formaté").fill(VALUES.formatted);
      await page.getByLabel("Deux menus déroulants liés").selectOption({ label: "Premier choix" });
      await page.getByLabel("Précisez", { exact: true }).selectOption({ label: "Deuxième précision" });

      const pieceJustificative = page.getByLabel(/^Pièce justificative/);
      const titreIdentite = page.getByLabel(/^Titre d’identité/);
      await pieceJustificative.setInputFiles({ name: "statuts.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
      await titreIdentite.setInputFiles({ name: "carte-identite.png", mimeType: "image/png", buffer: PNG_BYTES });
      if (javaScriptEnabled) {
        // Sent at once, each listed when stored.
        await expect(page.getByRole("list", { name: "Fichiers ajoutés au champ « Pièce justificative »" })).toContainText(
          "statuts.pdf",
          { timeout: 30_000 },
        );
        await expect(page.getByRole("list", { name: "Fichiers ajoutés au champ « Titre d’identité »" })).toContainText(
          "carte-identite.png",
          { timeout: 30_000 },
        );
        await expect(page.getByText("« statuts.pdf » a été ajouté.")).toBeAttached();
      }

      if (javaScriptEnabled) {
        const pays = page.getByRole("combobox", { name: /^Pays/ }).first();
        await pays.fill("Belg");
        await suggestion(page, "Belgique").click();
        await expect(pays).toHaveValue("Belgique");
      } else {
        await page.getByLabel("Pays", { exact: true }).first().selectOption({ label: "Belgique" });
      }
      await page.getByLabel("Régions").selectOption({ label: "Hauts-de-France" });
      await page.getByLabel("Départements").selectOption({ label: "80 – Somme" });

      // Address: with JavaScript through the address search (the local BAN peer); without it, by hand.
      if (javaScriptEnabled) {
        const adresse = page.getByRole("combobox", { name: /^Adresse\b/ }).first();
        await adresse.fill("8 boulevard du Port Amiens");
        await suggestion(page, /8 Boulevard du Port 80000 Amiens/).click();
        await expect(adresse).toHaveValue("8 Boulevard du Port 80000 Amiens");
      } else {
        await page.getByLabel(/^Je ne trouve pas mon adresse/).check({ force: true });
        const manuelle = page.getByRole("group", { name: "Adresse saisie manuellement" });
        await manuelle.getByLabel("Pays").selectOption({ label: "France" });
        await manuelle.getByLabel(/^Numéro et nom de voie/).fill("8 boulevard du Port");
        await manuelle.getByLabel("Code postal").fill("80000");
        await manuelle.getByLabel("Ville ou commune").fill("Amiens");
      }
      // Without JavaScript each of these saves the brouillon: everything typed above must survive it.
      await fillGeoSearch(actor, "Communes", "80000", /^Amiens/);
      await fillGeoSearch(actor, "EPCI", "Amiens Métropole", /^CA Amiens Métropole|^Amiens Métropole/);
      await expect(textField(page, "Texte court")).toHaveValue(VALUES.text);
      await expect(textField(page, "Nombre décimal")).toHaveValue(VALUES.decimal);
      await checkA11y(page);
      return number;
    });

    await test.step("the RNA number is asked only of an association", async () => {
      await expect(textField(page, RNA)).toBeHidden();
      await check(group(page, ASSOCIATION), "Oui");
      if (!javaScriptEnabled) {
        await expect(textField(page, RNA)).toBeHidden();
        await saveDraft(actor);
      }
      await expect(textField(page, RNA)).toBeVisible();
      await textField(page, RNA).fill(VALUES.rna);
      await checkA11y(page);
    });

    await test.step("two members of the bureau, a third added then removed", async () => {
      const block = group(page, BUREAU).first();
      const names = page.getByRole("textbox", { name: /^Nom et prénom/ });
      await expect(names).toHaveCount(1);
      const addRow = page.getByRole("button", { name: `Ajouter un élément pour « ${BUREAU} »` });
      await addRow.click();
      await expect(names).toHaveCount(2);
      await addRow.click();
      await expect(names).toHaveCount(3);
      await checkA11y(page);
      const dates = page.getByLabel("Date d’entrée au bureau");
      for (const [index, membre] of VALUES.membres.entries()) {
        await names.nth(index).fill(membre.nom);
        await dates.nth(index).fill(membre.date);
      }
      await block.getByRole("button", { name: `Supprimer l’élément 3 de « ${BUREAU} »` }).click();
      await expect(names).toHaveCount(2);
      await expect(names.nth(0)).toHaveValue(VALUES.membres[0].nom);
      await expect(names.nth(1)).toHaveValue(VALUES.membres[1].nom);
      // What was typed before the round trips is still there (the RNA among others).
      await expect(textField(page, RNA)).toHaveValue(VALUES.rna);
      await checkA11y(page);
    });

    await test.step("a minor cannot submit; an adult can", async () => {
      const majeur = group(page, MAJEUR);
      await check(majeur, "Non");
      const alert = page.locator("#ineligibilite");
      if (javaScriptEnabled) await expect(alert).toContainText(INELIGIBLE);
      else await expect(alert).toHaveCount(0);
      await page.getByRole("button", { name: "Déposer le dossier" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}/brouillon`));
      await expect(alert).toContainText("Vous ne pouvez pas déposer ce dossier");
      await expect(alert).toContainText(INELIGIBLE);
      await checkA11y(page);

      await check(group(page, MAJEUR), "Oui");
      if (javaScriptEnabled) await expect(alert).toHaveCount(0);
      await usager.submitDossier(actor, dossier);
      await signOut(actor);
    });

    const dossierPage = await test.step("the instructeur reads every value and fills the annotations", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto("/procedures");
      await checkA11y(page);
      await page.getByRole("link", { name: DEMARCHE.libelle, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMARCHE.libelle);
      const demarcheNumber = Number(new URL(page.url()).pathname.split("/")[2]);
      await page.goto(`/procedures/${demarcheNumber}/dossiers/${dossier}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier n° ${dossier}`);
      await checkA11y(page);

      await expectDisplayed(page.getByRole("region", { name: "Formulaire" }), DISPLAYED);

      const annotations = page.getByRole("region", { name: "Annotations privées" });
      await annotations.getByLabel("Avis interne").fill("Statuts à jour, bureau complet.");
      await check(annotations.getByRole("group", { name: /^Dossier complet/ }), "Oui");
      await annotations.getByRole("button", { name: "Enregistrer les annotations" }).click();
      await expect(page.getByText("Les annotations privées ont été enregistrées.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Annotations privées" }).getByLabel("Avis interne")).toHaveValue(
        "Statuts à jour, bureau complet.",
      );
      await checkA11y(page);
      await signOut(actor);
      return `/procedures/${demarcheNumber}/dossiers/${dossier}`;
    });

    await test.step("the GraphQL API returns the typed values", async () => {
      const { data, champ } = await apiDossier(request, dossier);
      expect(data.dossier).toMatchObject({ number: dossier, state: "en_construction", demarche: { title: DEMARCHE.libelle } });
      expect(champ("Texte court").stringValue).toBe(VALUES.text);
      expect(champ("Nombre entier").integerNumber).toBe("42");
      expect(champ("Nombre décimal").decimalNumber).toBe(12.5);
      expect(champ("Date").date).toBe(VALUES.date);
      expect(champ("Oui/Non").yesNo).toBe(true);
      expect(champ("Choix simple").stringValue).toBe(VALUES.other);
      expect(champ("Adresse électronique").stringValue).toBe(VALUES.email);
      expect(champ("Communes").commune).toMatchObject({ name: "Amiens", code: "80021" });
      expect(champ("Pièce justificative").files?.map((f) => f.filename)).toEqual(["statuts.pdf"]);
      expect(champ(RNA).stringValue).toBe(VALUES.rna);
      const rows = champ(BUREAU).rows ?? [];
      expect(rows.map((row) => row.champs.find((c) => c.label === "Nom et prénom")?.stringValue)).toEqual(
        VALUES.membres.map((m) => m.nom),
      );
      expect(data.dossier.annotations).toEqual(expect.arrayContaining(ANNOTATIONS));
      expect(data.dossier.champs.map((c) => c.label)).toEqual(
        data.dossier.demarche.revision.champDescriptors.map((d) => d.label),
      );
    });

    await test.step("the administrateur renames, adds, removes a field and changes an option, re-publishes, then discards a later change", async () => {
      await signIn(page, DEMO.administrateur);
      await editAndRepublish(actor, DEMARCHE, EDITS);
      await discardDraftChanges(actor, DEMARCHE, "Champ ajouté par erreur");
      await signOut(actor);
    });

    await test.step("the existing dossier follows the new form and keeps its values", async () => {
      await signIn(page, DEMO.instructeur);
      await page.goto(dossierPage);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier n° ${dossier}`);
      const form = page.getByRole("region", { name: "Formulaire" });
      await expectDisplayed(form, DISPLAYED_AFTER_EDITS);
      await expect(form.getByText(EDITS.rename.from, { exact: true })).toHaveCount(0);
      await expect(form.getByText(EDITS.remove, { exact: true })).toHaveCount(0);
      await expect(shown(form, EDITS.add)).toContainText("Non renseigné");
      await expect(page.getByRole("region", { name: "Annotations privées" }).getByLabel("Avis interne")).toHaveValue(
        "Statuts à jour, bureau complet.",
      );
      await checkA11y(page);
      await signOut(actor);

      const { data, champ } = await apiDossier(request, dossier);
      const labels = data.dossier.champs.map((c) => c.label);
      // On the revision just published, one value per field.
      const published = await graphql<{ demarche: { publishedRevision: { id: string } } }>(
        request,
        process.env.E2E_API_TOKEN as string,
        /* GraphQL */ "query Published($number: Int!) { demarche(number: $number) { publishedRevision { id } } }",
        { number: data.dossier.demarche.number },
      );
      expect(data.dossier.demarche.revision.id).toBe(published.demarche.publishedRevision.id);
      expect(labels).toEqual(data.dossier.demarche.revision.champDescriptors.map((d) => d.label));
      expect(labels).toContain(EDITS.add);
      expect(labels).not.toContain(EDITS.rename.from);
      expect(labels).not.toContain(EDITS.remove);
      expect(champ(EDITS.rename.to).stringValue).toBe(VALUES.text);
      expect(champ(EDITS.add).stringValue ?? "").toBe("");
      expect(champ(EDITS.option.libelle).stringValue).toMatch(/Jeunesse[\s\S]*Familles/);
      expect(champ("Nombre décimal").decimalNumber).toBe(12.5);
      expect(champ("Pièce justificative").files?.map((f) => f.filename)).toEqual(["statuts.pdf"]);
      expect(champ(RNA).stringValue).toBe(VALUES.rna);
      expect((champ(BUREAU).rows ?? []).length).toBe(VALUES.membres.length);
      expect(data.dossier.annotations).toEqual(expect.arrayContaining(ANNOTATIONS));

      // The usager's own page of the dossier.
      await signIn(page, DEMO.usager);
      await page.goto(`/dossiers/${dossier}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier n° ${dossier}`);
      const own = page.getByRole("region", { name: "Formulaire" });
      await expectDisplayed(own, DISPLAYED_AFTER_EDITS);
      await expect(own.getByText(EDITS.remove, { exact: true })).toHaveCount(0);
      await expect(shown(own, EDITS.add)).toContainText("Non renseigné");
      // The usager is told what changed since they last saw the form, until they say they read it.
      const notice = page.locator("#changements-formulaire");
      await expect(notice.getByRole("heading", { name: "Le formulaire a changé" })).toBeVisible();
      await expect(notice).toContainText(EDITS.add);
      await expect(notice).toContainText(`${EDITS.rename.to} (anciennement « ${EDITS.rename.from} »)`);
      await expect(notice).toContainText(EDITS.option.libelle);
      await expect(notice).toContainText(EDITS.remove);
      await checkA11y(page);
      await notice.getByRole("button", { name: "J’ai pris connaissance de ces changements" }).click();
      await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier n° ${dossier}`);
      await expect(page.locator("#changements-formulaire")).toHaveCount(0);
    });
  });
});
