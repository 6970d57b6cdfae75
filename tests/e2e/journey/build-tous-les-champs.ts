/**
 * The administrateur's side of the « Tous les champs » journey: the demo form of the seed
 * (server/seed/tous-les-champs.ts) built again through the editor pages, field by field — a new
 * type of the registry appears here without editing this file —, with the condition, the
 * repetition block, the annotations privées and the ineligibility rule of the seed; then edits of
 * the published form and their re-publication. Works with and without JavaScript; every page
 * visited is checked with axe.
 *
 * With JavaScript the editor saves a field as it changes (a text box when it loses focus, a
 * checkbox or a menu at once): each step waits for that POST before the next one, so that saves
 * never overtake each other. Without JavaScript nothing is sent until a button is pressed.
 */
import type { Locator, Page } from "@playwright/test";
import { translate } from "../../../common/i18n";
import type { TypeChamp } from "../../../server/domain/champs/definition";
import type { ChampSpec } from "../../../server/seed/factories";
import {
  tousLesChampsAnnotations,
  tousLesChampsIneligibilite,
  tousLesChampsSpecs,
} from "../../../server/seed/tous-les-champs-specs";
import { expect } from "../support/fixtures";
import { type Actor, admin, type DemarcheSpec } from "./steps";

export interface BuiltDemarche {
  number: number;
  overview: string;
  libelle: string;
  path: string;
}

/** POSTs of the two editor pages (the usager's form and the annotations privées). */
const EDITOR_POST = /\/admin\/procedures\/\d+\/(champs|annotations)/;

/** The editor's name of a type (« Type de champ »), as the seed names its fields. */
function typeLabel(type: TypeChamp): string {
  return translate("fr", `champs.types.${type}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** With JavaScript, runs the action and waits for the editor's save it triggers. */
async function saving(actor: Actor, action: () => Promise<void>) {
  if (!actor.javaScriptEnabled) return action();
  await Promise.all([
    actor.page.waitForResponse((r) => r.request().method() === "POST" && EDITOR_POST.test(r.url()), { timeout: 30_000 }),
    action(),
  ]);
}

/**
 * A text box of a card: typed only when it differs (with JavaScript, leaving it saves the field).
 * True when it changed.
 */
async function typeInto(actor: Actor, box: Locator, value: string): Promise<boolean> {
  if ((await box.inputValue()) === value) return false;
  await saving(actor, async () => {
    await box.fill(value);
    if (actor.javaScriptEnabled) await box.blur();
  });
  return true;
}

/** A checkbox of a card (DSFR: the label covers the input); with JavaScript a change saves the field. True when it changed. */
async function tick(actor: Actor, box: Locator, checked: boolean): Promise<boolean> {
  if ((await box.isChecked()) === checked) return false;
  await saving(actor, () => box.setChecked(checked, { force: true }));
  return true;
}

/** The editor page is ready: with JavaScript, hydrated (its forms carry the `_js` marker). */
async function editorReady(actor: Actor, heading: string) {
  const { page } = actor;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  if (actor.javaScriptEnabled) await expect(page.locator('input[name="_js"]').first()).toBeAttached();
}

/**
 * Stable ids of the field cards (`<section id="champ-<stable id>">`) of the editor page; null while
 * a form posted without JavaScript is replacing the page (no document yet, or one still loading).
 */
async function cardIds(page: Page): Promise<number[] | null> {
  const ids = await page
    .evaluate(() =>
      document.readyState === "loading" || !document.querySelector("h1")
        ? null
        : [...document.querySelectorAll("section[id^='champ-']")].map((section) => section.id),
    )
    .catch(() => null);
  return ids === null ? null : ids.filter((id) => /^champ-\d+$/.test(id)).map((id) => Number(id.slice("champ-".length)));
}

/** A form posted without JavaScript navigates: the action, and the next page loaded (with JavaScript, `saving`). */
async function submitting(actor: Actor, action: () => Promise<void>) {
  if (actor.javaScriptEnabled) return saving(actor, action);
  await Promise.all([actor.page.waitForEvent("load", { timeout: 30_000 }), action()]);
}

/** A field's card, and the form that saves it (a block's card also holds its children's cards). */
function cardOf(page: Page, stableId: number) {
  const card = page.locator(`#champ-${stableId}`);
  const libelle = page.locator(`#champ-${stableId}-libelle`);
  return { card, libelle, form: libelle.locator("xpath=ancestor::form[1]") };
}

/** « Ajouter un champ » of one add form (the end of the form, or the end of a block): the new field's stable id. */
async function addChampCard(actor: Actor, addForm: Locator, type: TypeChamp): Promise<number> {
  const { page } = actor;
  let before = new Set<number>();
  await expect
    .poll(async () => {
      const ids = await cardIds(page);
      before = new Set(ids ?? []);
      return ids !== null;
    }, "the editor page")
    .toBe(true);
  await addForm.getByLabel("Type de champ").selectOption({ label: typeLabel(type) });
  await addForm.getByRole("button", { name: "Ajouter un champ", exact: true }).click();
  let added: number | undefined;
  // The one card that was not there before (compared by id, not by count: the cards read before may
  // still include one just deleted, if the page was being replaced).
  await expect
    .poll(
      async () => {
        const fresh = ((await cardIds(page)) ?? []).filter((id) => !before.has(id));
        added = fresh[0];
        return fresh.length === 1;
      },
      `a new « ${typeLabel(type)} » card`,
    )
    .toBe(true);
  const stableId = added as number;
  // A new field is named after its type until it gets its libellé.
  await expect(page.locator(`#champ-${stableId}-libelle`)).toHaveValue(typeLabel(type));
  if (actor.javaScriptEnabled) await expect(cardOf(page, stableId).form.locator('input[name="_js"]')).toBeAttached();
  return stableId;
}

// ---------------------------------------------------------------------------------------------
// Options of a type, through its options editor
// ---------------------------------------------------------------------------------------------

/** The options a drop-down spec gives, one per line as the editor shows them. */
function optionLines(options: Record<string, unknown> | undefined): string {
  const list = options?.options;
  if (!Array.isArray(list) || !list.every((o) => typeof o === "string")) {
    throw new Error(`a list of options was expected, got ${JSON.stringify(options)}`);
  }
  return list.join("\n");
}

/**
 * What the usager's fill step needs of each type's options, set through the type's options editor
 * (typed, ticked or chosen where the editor shows something else): the seed's options when it
 * sets some (drop-down lists), else the defaults the seed keeps (linked lists: the tree in which
 * the usager chooses « Premier choix » → « Deuxième précision »; formatted text: the simple mode,
 * any character). Each returns true when it changed something. A spec with options for a type
 * that is not listed here fails the journey: its editor must be driven here first.
 */
const OPTIONS_THROUGH_EDITOR: Partial<
  Record<TypeChamp, (actor: Actor, form: Locator, options: Record<string, unknown> | undefined) => Promise<boolean>>
> = {
  drop_down_list: async (actor, form, options) => {
    const lines = await typeInto(actor, form.getByLabel(/^Options de la liste/), optionLines(options));
    return (await tick(actor, form.getByLabel(/^Proposer une option « Autre »/), options?.other === true)) || lines;
  },
  multiple_drop_down_list: (actor, form, options) =>
    typeInto(actor, form.getByLabel(/^Options de la liste/), optionLines(options)),
  linked_drop_down_list: async (actor, form) => {
    const tree = [
      `--${translate("fr", "champs.linkedDropDownList.defaultOptions.primary")}--`,
      translate("fr", "champs.linkedDropDownList.defaultOptions.firstSecondary"),
      translate("fr", "champs.linkedDropDownList.defaultOptions.secondSecondary"),
    ];
    return typeInto(actor, form.getByLabel(/^Options des deux menus/), tree.join("\n"));
  },
  formatted: async (actor, form) => {
    let changed = false;
    const mode = form.getByLabel("Mode de vérification");
    if ((await mode.inputValue()) !== "simple") {
      await saving(actor, () => mode.selectOption("simple").then(() => {}));
      changed = true;
    }
    for (const kind of [/^Lettres acceptées/, /^Chiffres acceptés/, /^Autres caractères acceptés/]) {
      changed = (await tick(actor, form.getByLabel(kind), true)) || changed;
    }
    return changed;
  },
};

/** The options driver of a spec's type; a spec with options that no driver can set fails here. */
function optionsDriver(spec: ChampSpec) {
  const driver = OPTIONS_THROUGH_EDITOR[spec.type];
  if (spec.options && !driver) {
    throw new Error(
      `the seed gives « ${spec.libelle} » (${spec.type}) options: drive its options editor in OPTIONS_THROUGH_EDITOR`,
    );
  }
  return driver;
}

// ---------------------------------------------------------------------------------------------
// One field
// ---------------------------------------------------------------------------------------------

/**
 * Adds a field with one add form, then its libellé, options and « Champ obligatoire », saved:
 * without JavaScript by « Enregistrer »; with it, each change saved itself (« Enregistrer » is
 * pressed only when nothing changed).
 */
async function addChamp(actor: Actor, addForm: Locator, spec: ChampSpec): Promise<number> {
  const { page } = actor;
  const libelle = spec.libelle ?? typeLabel(spec.type);
  const stableId = await addChampCard(actor, addForm, spec.type);
  const { card, form, libelle: libelleBox } = cardOf(page, stableId);
  let changed = await typeInto(actor, libelleBox, libelle);
  changed = (await optionsDriver(spec)?.(actor, form, spec.options)) || changed;
  // Fields with a value (not section titles nor explanations): mandatory unless the spec says not, as the seed.
  const mandatory = form.locator(`#champ-${stableId}-mandatory`);
  const hasMandatory = (await mandatory.count()) > 0;
  if (hasMandatory) changed = (await tick(actor, mandatory, spec.mandatory ?? true)) || changed;
  if (!actor.javaScriptEnabled || !changed) {
    await saving(actor, () => form.getByRole("button", { name: /^Enregistrer/ }).click());
  }

  // The title comes from the saved field.
  await expect(card.locator(`#champ-${stableId}-title`)).toContainText(libelle);
  if (actor.javaScriptEnabled) await expect(page.locator(`#champ-${stableId}-status`)).toHaveText(`Enregistré – ${libelle}`);
  if (hasMandatory) await expect(form.locator(`#champ-${stableId}-mandatory`)).toBeChecked({ checked: spec.mandatory ?? true });
  return stableId;
}

/** Every field of a list, in order, each block's fields added in the block. Returns the stable ids by libellé. */
async function addChamps(actor: Actor, specs: readonly ChampSpec[], endTitle: string): Promise<Map<string, number>> {
  const { page } = actor;
  const ids = new Map<string, number>();
  for (const spec of specs) {
    const end = page.getByRole("region", { name: endTitle });
    const stableId = await addChamp(actor, end, spec);
    ids.set(spec.libelle ?? typeLabel(spec.type), stableId);
    for (const child of spec.children ?? []) {
      const inBlock = page.locator(`#champ-${stableId}`).getByRole("region", { name: "Ajouter un champ dans le bloc" });
      ids.set(child.libelle ?? typeLabel(child.type), await addChamp(actor, inBlock, child));
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Conditions (a field's « Logique conditionnelle », and the ineligibility rules)
// ---------------------------------------------------------------------------------------------

/** One row of the condition editor as the administrateur reads it: field, operator, value. */
interface RuleRow {
  libelle: string;
  operator: string;
  value: string;
}

/**
 * The rows of a condition of the seed (the reference's AST: one comparison, or an « et » / « ou »
 * of comparisons of a field with a constant), with the editor's French names.
 */
function ruleRows(
  condition: unknown,
  libelleOf: (stableId: number) => string,
): { combinator: "Logic::And" | "Logic::Or"; rows: RuleRow[] } {
  const node = condition as { term: string; operands?: unknown[]; left?: unknown; right?: unknown };
  if (node.term === "Logic::And" || node.term === "Logic::Or") {
    return {
      combinator: node.term,
      rows: (node.operands ?? []).map((operand) => ruleRows(operand, libelleOf).rows[0] as RuleRow),
    };
  }
  const left = node.left as { term: string; stable_id?: number };
  const right = node.right as { term: string; value?: unknown };
  if (left?.term !== "Logic::ChampValue" || right?.term !== "Logic::Constant") {
    throw new Error(`the condition editor cannot be driven for ${JSON.stringify(condition)}`);
  }
  const value = right.value;
  return {
    combinator: "Logic::And",
    rows: [
      {
        libelle: libelleOf(left.stable_id as number),
        operator: translate("fr", `conditions.operators.${node.term.slice("Logic::".length)}`),
        value: typeof value === "boolean" ? (value ? "Oui" : "Non") : String(value),
      },
    ],
  };
}

/** The condition a seed spec gives, read against this build's stable ids. */
function conditionOf(build: (idOf: (libelle: string) => number) => unknown, ids: ReadonlyMap<string, number>) {
  const byId = new Map([...ids].map(([libelle, id]) => [id, libelle]));
  const condition = build((libelle) => {
    const id = ids.get(libelle);
    if (id === undefined) throw new Error(`no field « ${libelle} » built`);
    return id;
  });
  return ruleRows(condition, (id) => byId.get(id) ?? String(id));
}

/**
 * Fills the rows of a condition editor (`scope`: the card's « Logique conditionnelle » or the
 * ineligibility form). Without JavaScript each button posts the form and the server offers the
 * operators and values of the field chosen (« Enregistrer » after a field is chosen); with it the
 * rows change in place. `save` presses the form's own save button.
 */
async function fillRuleRows(
  actor: Actor,
  scope: Locator,
  rules: ReturnType<typeof ruleRows>,
  options: { save: () => Promise<void>; changeSaves: boolean },
) {
  const { javaScriptEnabled } = actor;
  // With JavaScript a field's condition is saved as each row changes.
  const step = (action: () => Promise<void>) => (options.changeSaves ? saving(actor, action) : action());
  for (const [index, row] of rules.rows.entries()) {
    // A new rule is not saved until its field is chosen.
    await scope.getByRole("button", { name: "Ajouter une règle" }).click();
    const rule = scope.getByRole("group", { name: new RegExp(`Règle ${index + 1}$`) });
    await expect(rule).toBeVisible();
    await step(() =>
      rule
        .getByLabel("Champ", { exact: true })
        .selectOption({ label: row.libelle })
        .then(() => {}),
    );
    // Without JavaScript the operators and values of the field chosen come with the next page.
    if (!javaScriptEnabled) await options.save();
    const again = scope.getByRole("group", { name: new RegExp(`Règle ${index + 1}$`) });
    await expect(again.getByLabel("Opérateur", { exact: true })).toHaveValue(/.+/);
    const operator = again.getByLabel("Opérateur", { exact: true });
    const current = await operator.locator("option:checked").textContent();
    if (current?.trim() !== row.operator) await step(() => operator.selectOption({ label: row.operator }).then(() => {}));
    if (!javaScriptEnabled && current?.trim() !== row.operator) await options.save();
    const value = scope.getByRole("group", { name: new RegExp(`Règle ${index + 1}$`) }).getByLabel("Valeur", { exact: true });
    await step(() => value.selectOption({ label: row.value }).then(() => {}));
  }
  if (rules.rows.length > 1) {
    await step(() =>
      scope
        .getByLabel("Combiner les règles avec")
        .selectOption(rules.combinator)
        .then(() => {}),
    );
  }
  await options.save();
}

/** The rows as shown after a reload: each field, operator and value. */
async function expectRuleRows(scope: Locator, rules: { rows: RuleRow[] }) {
  for (const [index, row] of rules.rows.entries()) {
    const rule = scope.getByRole("group", { name: new RegExp(`Règle ${index + 1}$`) });
    await expect(rule.getByLabel("Champ", { exact: true }).locator("option:checked")).toHaveText(row.libelle);
    await expect(rule.getByLabel("Opérateur", { exact: true }).locator("option:checked")).toHaveText(row.operator);
    await expect(rule.getByLabel("Valeur", { exact: true }).locator("option:checked")).toHaveText(row.value);
  }
}

/** A field's « Logique conditionnelle », opened, filled and saved; checked again after a reload. */
async function setCondition(actor: Actor, editor: string, stableId: number, libelle: string, rules: ReturnType<typeof ruleRows>) {
  const { page } = actor;
  const section = page.locator(`#champ-${stableId}-condition`);
  await section.locator("summary").click();
  await expect(section.getByRole("button", { name: "Ajouter une règle" })).toBeVisible();
  const save = async () => {
    const button = section.getByRole("button", { name: /^Enregistrer la condition/ });
    if (actor.javaScriptEnabled) {
      // Every change was saved already: the button sends nothing new.
      await expect(section.getByRole("status")).toHaveText(/^Enregistré/);
      return;
    }
    await button.click();
    await expect(section).toHaveAttribute("open", "");
  };
  await fillRuleRows(actor, section, rules, { save, changeSaves: actor.javaScriptEnabled });

  await page.goto(editor);
  await editorReady(actor, "Formulaire usager");
  const reloaded = page.locator(`#champ-${stableId}-condition`);
  await expect(reloaded).toHaveAttribute("open", "");
  await expect(reloaded.locator("summary")).toContainText("Condition active");
  await expectRuleRows(reloaded, rules);
  await expect(page.locator(`#champ-${stableId}-title`)).toContainText(libelle);
}

// ---------------------------------------------------------------------------------------------
// The whole démarche
// ---------------------------------------------------------------------------------------------

/**
 * Creates the démarche, builds the seed's form, annotations and ineligibility rule through the
 * editor pages, assigns the demo instructeur and publishes at `demarche.path`.
 */
export async function buildTousLesChamps(
  actor: Actor,
  demarche: DemarcheSpec & { path: string },
  instructeurEmail: string,
): Promise<BuiltDemarche> {
  const { page, checkA11y } = actor;
  const created = await admin.createDemarche(actor, demarche);
  const built = { ...demarche, ...created };
  const specs = tousLesChampsSpecs();

  // The usager's form, from the overview the démarche was created on.
  await page.getByRole("link", { name: "Modifier le formulaire" }).click();
  await editorReady(actor, "Formulaire usager");
  await checkA11y(page);
  const editor = new URL(page.url()).pathname;
  const ids = await addChamps(actor, specs, "Ajouter un champ à la fin du formulaire");
  await expect(page.getByRole("heading", { level: 2, name: `Champs du formulaire (${specs.length})` })).toBeVisible();
  for (const spec of specs.flatMap((s) => [s, ...(s.children ?? [])])) {
    if (!spec.condition || !spec.libelle) continue;
    const stableId = ids.get(spec.libelle) as number;
    await setCondition(actor, editor, stableId, spec.libelle, conditionOf(spec.condition, ids));
  }
  // The full page: every type's card and options editor, a condition shown.
  await checkA11y(page);

  // The annotations privées, from the editor's own navigation.
  await page
    .getByRole("navigation", { name: "Formulaires de la démarche" })
    .getByRole("link", { name: "Annotations privées" })
    .click();
  await editorReady(actor, "Annotations privées");
  await checkA11y(page);
  const annotations = tousLesChampsAnnotations();
  await addChamps(actor, annotations, "Ajouter une annotation à la fin de la liste");
  await expect(page.getByRole("heading", { level: 2, name: `Annotations privées (${annotations.length})` })).toBeVisible();
  await checkA11y(page);

  await setIneligibilite(actor, built, ids);
  await admin.assignInstructeur(actor, built, instructeurEmail);
  await admin.publish(actor, built);
  return built;
}

/** « Inéligibilité des dossiers »: the seed's message and rule, enabled; shown again as saved. */
async function setIneligibilite(actor: Actor, demarche: BuiltDemarche, ids: ReadonlyMap<string, number>) {
  const { page, checkA11y } = actor;
  let message = "";
  const rules = conditionOf((idOf) => {
    const ineligibilite = tousLesChampsIneligibilite(idOf);
    message = ineligibilite.message;
    return ineligibilite.rules;
  }, ids);
  // From the overview (checked with axe at each of its other visits).
  await page.goto(demarche.overview);
  await page.getByRole("link", { name: "Définir les critères" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inéligibilité des dossiers");
  await checkA11y(page);
  await page.getByLabel(/^Bloquer le dépôt des dossiers inéligibles/).check({ force: true });
  await page.getByLabel(/^Message affiché à l’usager/).fill(message);
  const form = page.locator("form", { has: page.getByLabel(/^Message affiché à l’usager/) });
  const save = async () => {
    await form.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page).toHaveURL(/\/ineligibilite\?notice=saved$/);
  };
  await fillRuleRows(actor, form, rules, { save, changeSaves: false });
  await expect(page.getByText("Les critères d’inéligibilité sont enregistrés.")).toBeVisible();
  await expect(page.getByLabel(/^Bloquer le dépôt des dossiers inéligibles/)).toBeChecked();
  await expect(page.getByLabel(/^Message affiché à l’usager/)).toHaveValue(message);
  await expectRuleRows(form, rules);
  await checkA11y(page);
}

// ---------------------------------------------------------------------------------------------
// Editing the published form
// ---------------------------------------------------------------------------------------------

/** What the administrateur changes in the published form. */
export interface FormEdits {
  /** A field renamed: its libellé, and the new one. */
  rename: { from: string; to: string };
  /** A new optional text field, added at the end. */
  add: string;
  /** A field deleted. */
  remove: string;
  /** One option of a list replaced by another. */
  option: { libelle: string; from: string; to: string };
}

/** The stable id of the card whose title is the libellé (its heading reads « Champ n sur m : libellé »). */
async function cardIdByLibelle(page: Page, libelle: string): Promise<number> {
  const card = page.locator("section[id^='champ-']").filter({
    has: page.getByRole("heading", { level: 3, name: new RegExp(`: ${escapeRegExp(libelle)}$`) }),
  });
  const id = await card.last().getAttribute("id");
  expect(id, `the card of « ${libelle} »`).toMatch(/^champ-\d+$/);
  return Number((id as string).slice("champ-".length));
}

/** Edits the published form; the publication page lists each change, confirmed, re-published. */
export async function editAndRepublish(actor: Actor, demarche: BuiltDemarche, edits: FormEdits) {
  const { page, checkA11y } = actor;
  await admin.openOverview(actor, demarche.overview, demarche.libelle);
  await page.getByRole("link", { name: "Modifier le formulaire" }).click();
  await editorReady(actor, "Formulaire usager");
  await expect(page.getByText("Cette démarche est publiée : vous modifiez un brouillon du formulaire.")).toBeVisible();

  // Renamed.
  const renamed = await cardIdByLibelle(page, edits.rename.from);
  await saveCard(actor, renamed, edits.rename.to, async (form) => {
    await typeInto(actor, form.getByRole("textbox", { name: "Libellé", exact: true }), edits.rename.to);
  });

  // An option replaced.
  const listed = await cardIdByLibelle(page, edits.option.libelle);
  await saveCard(actor, listed, edits.option.libelle, async (form) => {
    const box = form.getByLabel(/^Options de la liste/);
    const lines = (await box.inputValue()).split("\n");
    expect(lines, `options of « ${edits.option.libelle} »`).toContain(edits.option.from);
    await typeInto(actor, box, lines.map((line) => (line === edits.option.from ? edits.option.to : line)).join("\n"));
  });

  // Deleted, after its confirmation (the page, published notice and confirmation, checked with axe).
  await page.getByRole("button", { name: `Supprimer le champ « ${edits.remove} »` }).click();
  await expect(page.getByRole("heading", { name: `Supprimer le champ « ${edits.remove} » ?` })).toBeVisible();
  await checkA11y(page);
  await submitting(actor, () =>
    page.getByRole("button", { name: `Confirmer la suppression le champ « ${edits.remove} »` }).click(),
  );
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`: ${escapeRegExp(edits.remove)}$`) })).toHaveCount(0);

  // Added at the end, optional.
  await addChamp(actor, page.getByRole("region", { name: "Ajouter un champ à la fin du formulaire" }), {
    type: "text",
    libelle: edits.add,
    mandatory: false,
  });
  await expect(page.getByRole("link", { name: "Publier les modifications" })).toBeVisible();

  await page.getByRole("link", { name: "Publier les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publication");
  const changes = page.locator("#changes");
  for (const sentence of [
    `Le libellé du champ « ${edits.rename.from} » a été changé en « ${edits.rename.to} ».`,
    `Le champ « ${edits.add} » a été ajouté.`,
    `Le champ « ${edits.remove} » a été supprimé.`,
    `L’option « ${edits.option.to} » a été ajoutée au champ « ${edits.option.libelle} ».`,
    `L’option « ${edits.option.from} » a été retirée du champ « ${edits.option.libelle} ».`,
  ]) {
    await expect(changes.getByText(sentence, { exact: true })).toBeVisible();
  }
  // Nothing else changed: no field moved because one was deleted.
  await expect(changes.getByText(/a été déplacé/)).toHaveCount(0);
  await checkA11y(page);

  // Published changes need the confirmation: refused without it, nothing lost.
  const republish = page.getByRole("button", { name: "Publier les modifications" });
  await republish.click();
  await expect(page.locator("#error-summary")).toContainText("Cochez la case pour confirmer la publication de ces modifications");
  await expect(page.getByLabel("Adresse de la démarche")).toHaveValue(demarche.path);
  await checkA11y(page);
  await page.getByLabel("J’ai relu ces modifications et je veux les publier").check({ force: true });
  await page.getByRole("button", { name: "Publier les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Démarche publiée");
  await expect(page.getByText(`« ${demarche.libelle} » est en ligne.`)).toBeVisible();
  await checkA11y(page);
}

/** After publication: a field added to the draft by mistake, then every unpublished change discarded. */
export async function discardDraftChanges(actor: Actor, demarche: BuiltDemarche, libelle: string) {
  const { page, checkA11y } = actor;
  await page.goto(`${demarche.overview}/champs`);
  await editorReady(actor, "Formulaire usager");
  await addChamp(actor, page.getByRole("region", { name: "Ajouter un champ à la fin du formulaire" }), {
    type: "text",
    libelle,
    mandatory: false,
  });
  await page.getByRole("link", { name: "Annuler les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Annuler les modifications non publiées");
  await expect(page.locator("#changes").getByText(`Le champ « ${libelle} » a été ajouté.`, { exact: true })).toBeVisible();
  await checkA11y(page);
  await page.getByRole("button", { name: "Annuler ces modifications" }).click();
  await expect(page.getByText("Les modifications non publiées ont été annulées")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(`: ${escapeRegExp(libelle)}$`) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Publier les modifications" })).toHaveCount(0);
  await checkA11y(page);
}

/** Changes a card through `edit`, then « Enregistrer »; the card is titled `libelle` after. */
async function saveCard(actor: Actor, stableId: number, libelle: string, edit: (form: Locator) => Promise<void>) {
  const { page } = actor;
  const { form } = cardOf(page, stableId);
  await edit(form);
  await saving(actor, () => form.getByRole("button", { name: /^Enregistrer/ }).click());
  await expect(page.locator(`#champ-${stableId}-title`)).toContainText(libelle);
  if (actor.javaScriptEnabled) await expect(page.locator(`#champ-${stableId}-status`)).toHaveText(`Enregistré – ${libelle}`);
}
