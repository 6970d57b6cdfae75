import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { demarches, revisions, typesDeChamp } from "../../../server/db/schema";
import { champValue, constant, eq as eqOp, greaterThanEq, or } from "../../../server/domain/conditions/ast";
import { publicationBlockers } from "../../../server/lookups/publication-checks";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { moveChamp } from "../../../server/operations/revisions/move-champ";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { updateChampCondition } from "../../../server/operations/revisions/update-champ-condition";
import { updateIneligibilite } from "../../../server/operations/revisions/update-ineligibilite";
import { buildDemarche } from "../../../server/seed/factories";
import type { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, fieldValue, location, newAdministrateur, pageText, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A démarche in test with: yes/no, drop-down (Paris, Lyon, Autre), integer, text — and an instructeur. */
async function demarcheWithChamps(published = false) {
  const { browser, admin, administrateurId } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    published,
    champs: [
      { type: "yes_no", libelle: "Avez-vous un enfant ?" },
      { type: "drop_down_list", libelle: "Ville", options: { options: ["Paris", "Lyon"], other: true } },
      { type: "integer_number", libelle: "Âge" },
      { type: "text", libelle: "Prénom de l’enfant" },
    ],
  });
  const [yesNo, ville, age, prenom] = (await draftChamps(server.database.db, demarche.id)).map((c) => c.stableId) as number[];
  const page = `/admin/procedures/${demarche.id}/champs`;
  await browser.get(page);
  return { browser, administrateurId, demarche, page, ids: { yesNo, ville, age, prenom } as Record<string, number> };
}

const conditionOf = async (demarcheId: number, stableId: number) =>
  (await draftChamps(server.database.db, demarcheId)).find((c) => c.stableId === stableId)?.condition ?? null;

interface Row {
  stableId?: number | null;
  operator?: string;
  value?: string;
  /** What the page showed for this row (defaults: the same field and operator). */
  shownStableId?: number | null;
  shownOperator?: string;
}

function rowsForm(rows: Row[], extra: Record<string, string> = {}) {
  const form: Record<string, string> = { rowCount: String(rows.length), ...extra };
  rows.forEach((row, i) => {
    const id = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
    form[`row-${i}-stableId`] = id(row.stableId);
    form[`row-${i}-operator`] = row.operator ?? "";
    form[`row-${i}-value`] = row.value ?? "";
    form[`row-${i}-shownStableId`] = id(row.shownStableId === undefined ? row.stableId : row.shownStableId);
    form[`row-${i}-shownOperator`] = row.shownOperator ?? row.operator ?? "";
  });
  return form;
}

const postCondition = (browser: HttpSession, page: string, stableId: number, rows: Row[], op = "save", extra = {}) =>
  browser.post(page, { intent: "condition", stableId: String(stableId), op, ...rowsForm(rows, extra) });

/** The options (value → text) of the select with this id. */
function selectOptions(html: string, id: string): Array<[string, string]> {
  const select = html.match(new RegExp(`<select[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</select>`));
  if (!select) return [];
  return [...(select[1] ?? "").matchAll(/<option[^>]*value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
    m[1] ?? "",
    pageText(m[2] ?? "").trim(),
  ]);
}

/** Ids are unique and every visible field has its label (the pages test checks pages without rules). */
function expectLabelledUniqueFields(html: string) {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const [tag] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit)"/.test(tag)) continue;
    expect(html).toContain(`for="${tag.match(/\sid="([^"]+)"/)?.[1]}"`);
  }
  for (const [, refs] of html.matchAll(/aria-(?:describedby|labelledby)="([^"]+)"/g)) {
    for (const ref of (refs as string).split(" ")) expect(ids).toContain(ref);
  }
}

function selectedValue(html: string, id: string): string | null {
  const select = html.match(new RegExp(`<select[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</select>`));
  return select?.[1]?.match(/<option[^>]*value="([^"]*)"[^>]*selected=""/)?.[1] ?? null;
}

describe("condition editor, without JavaScript", () => {
  it("builds a condition row by row: field, then operator and value, then a second rule joined by « ou »", async () => {
    const { browser, demarche, page, ids } = await demarcheWithChamps();
    const prenom = ids.prenom as number;
    const rowId = (n: number, part: string) => `champ-${prenom}-condition-row-${n}-${part}`;
    expect(pageText(browser.lastHtml)).toContain("Logique conditionnelle");

    // « Ajouter une règle »: the page shows a rule to fill in, and saves nothing (an empty rule
    // would block publication).
    const added = await postCondition(browser, page, prenom, [], "add");
    expect(added.status).toBe(200);
    expect(await conditionOf(demarche.id, prenom)).toBeNull();
    // Only the conditionable fields above are offered (not the text field itself).
    expect(selectOptions(browser.lastHtml, rowId(0, "stableId"))).toEqual([
      ["", "Sélectionner un champ"],
      [String(ids.yesNo), "Avez-vous un enfant ?"],
      [String(ids.ville), "Ville"],
      [String(ids.age), "Âge"],
    ]);
    expect(pageText(browser.lastHtml)).not.toContain("Conditions d’affichage à corriger");
    // Saved while its field is still blank, the new rule is left out.
    await postCondition(browser, page, prenom, [{ stableId: null }]);
    expect(await conditionOf(demarche.id, prenom)).toBeNull();

    // Choosing the field (and saving) offers its operators and values; the value is left to choose.
    await postCondition(browser, page, prenom, [{ stableId: ids.yesNo, shownStableId: null }]);
    expect(await conditionOf(demarche.id, prenom)).toEqual(eqOp(champValue(ids.yesNo as number), { term: "Logic::Empty" }));
    await browser.get(page);
    expect(selectOptions(browser.lastHtml, rowId(0, "operator"))).toEqual([
      ["Logic::Eq", "est"],
      ["Logic::NotEq", "n’est pas"],
    ]);
    expect(selectOptions(browser.lastHtml, rowId(0, "value"))).toEqual([
      ["", "Sélectionner une valeur"],
      ["true", "Oui"],
      ["false", "Non"],
    ]);

    await postCondition(browser, page, prenom, [{ stableId: ids.yesNo, operator: "Logic::Eq", value: "true" }]);
    expect(await conditionOf(demarche.id, prenom)).toEqual(eqOp(champValue(ids.yesNo as number), constant(true)));
    await browser.get(page);
    expect(pageText(browser.lastHtml)).not.toContain("Conditions d’affichage à corriger");
    expect(selectedValue(browser.lastHtml, rowId(0, "value"))).toBe("true");

    // A second rule on the integer, « ou », with a number typed the French way.
    const first = { stableId: ids.yesNo, operator: "Logic::Eq", value: "true" };
    await postCondition(browser, page, prenom, [first], "add");
    await postCondition(browser, page, prenom, [first, { stableId: ids.age, shownStableId: null }], "save", {
      combinator: "Logic::Or",
    });
    await browser.get(page);
    expectLabelledUniqueFields(browser.lastHtml);
    expect(selectOptions(browser.lastHtml, rowId(1, "operator")).map(([v]) => v)).toEqual([
      "Logic::Eq",
      "Logic::NotEq",
      "Logic::LessThan",
      "Logic::LessThanEq",
      "Logic::GreaterThan",
      "Logic::GreaterThanEq",
    ]);
    expect(selectedValue(browser.lastHtml, `champ-${prenom}-condition-combinator`)).toBe("Logic::Or");
    await postCondition(
      browser,
      page,
      prenom,
      [first, { stableId: ids.age, operator: "Logic::GreaterThanEq", value: "17,5" }],
      "save",
      {
        combinator: "Logic::Or",
      },
    );
    expect(await conditionOf(demarche.id, prenom)).toEqual(
      or(eqOp(champValue(ids.yesNo as number), constant(true)), greaterThanEq(champValue(ids.age as number), constant(17.5))),
    );

    // Removing the first rule leaves the bare second one; removing it too clears the condition.
    const second = { stableId: ids.age, operator: "Logic::GreaterThanEq", value: "17.5" };
    await postCondition(browser, page, prenom, [first, second], "remove-0", { combinator: "Logic::Or" });
    expect(await conditionOf(demarche.id, prenom)).toEqual(greaterThanEq(champValue(ids.age as number), constant(17.5)));
    await postCondition(browser, page, prenom, [second], "remove-0");
    expect(await conditionOf(demarche.id, prenom)).toBeNull();
  });

  it("refuses an invalid rule with a precise message, keeps what was typed and changes nothing", async () => {
    const { browser, demarche, page, ids } = await demarcheWithChamps();
    const prenom = ids.prenom as number;
    const before = await snapshot(server.database.db);

    const notANumber = await postCondition(browser, page, prenom, [
      { stableId: ids.age, operator: "Logic::GreaterThan", value: "dix-huit" },
    ]);
    expect(notANumber.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Saisissez un nombre, par exemple 12 ou 3,5");
    expect(fieldValue(browser.lastHtml, `champ-${prenom}-condition-row-0-value`)).toBe("dix-huit");
    expectLabelledUniqueFields(browser.lastHtml);
    expect(browser.lastHtml).toMatch(new RegExp(`<details[^>]*id="champ-${prenom}-condition"[^>]*open`));

    const notAnOption = await postCondition(browser, page, prenom, [
      { stableId: ids.ville, operator: "Logic::Eq", value: "Marseille" },
    ]);
    expect(notAnOption.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Cette valeur ne fait pas partie des choix possibles");

    const wrongOperator = await postCondition(browser, page, prenom, [
      { stableId: ids.ville, operator: "Logic::GreaterThan", value: "Paris" },
    ]);
    expect(wrongOperator.status).toBe(400);

    const fifty = Array.from({ length: 50 }, () => ({ stableId: ids.yesNo, operator: "Logic::Eq", value: "true" }));
    expect((await postCondition(browser, page, prenom, fifty, "add")).status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Une condition peut contenir au plus 50 règles");

    // A field below (or the field itself) cannot be read.
    const below = await postCondition(browser, page, ids.yesNo as number, [
      { stableId: ids.ville, operator: "Logic::Eq", value: "Paris" },
    ]);
    expect(below.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Le champ choisi n’est plus disponible");
    expect(await snapshot(server.database.db)).toEqual(before);

    // The first field has nothing above it to read.
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Aucun champ placé au-dessus ne peut servir de condition.");

    // « Autre » is a value of a drop-down that offers it.
    await postCondition(browser, page, prenom, [{ stableId: ids.ville, operator: "Logic::Eq", value: "__other__" }]);
    expect(await conditionOf(demarche.id, prenom)).toEqual(eqOp(champValue(ids.ville as number), constant("__other__")));
  });

  it("answers the enhanced page with data, and refuses malformed or out-of-place conditions in the operation", async () => {
    const { browser, administrateurId, demarche, page, ids } = await demarcheWithChamps();
    const prenom = ids.prenom as number;
    const saved = await browser.post(page, {
      intent: "condition",
      stableId: String(prenom),
      _js: "1",
      ...rowsForm([{ stableId: ids.yesNo, operator: "Logic::NotEq", value: "false" }]),
    });
    expect(saved.status).toBe(200);
    expect(await conditionOf(demarche.id, prenom)).toEqual({
      term: "Logic::NotEq",
      left: champValue(ids.yesNo as number),
      right: constant(false),
    });

    const { db } = server.database;
    expect(
      await updateChampCondition(db, administrateurId, demarche.id, { stableId: prenom, condition: { term: "Logic::Nope" } }),
    ).toEqual({
      ok: false,
      refusals: [{ code: "malformed", field: "condition" }],
    });
    expect(
      await updateChampCondition(db, administrateurId, demarche.id, {
        stableId: prenom,
        condition: eqOp(champValue(prenom), constant("x")),
      }),
    ).toEqual({ ok: false, refusals: [{ code: "not_available", field: "condition" }] });
    expect(
      await updateChampCondition(db, administrateurId, demarche.id, {
        stableId: prenom,
        condition: eqOp(champValue(ids.yesNo as number), constant("oui")),
      }),
    ).toEqual({ ok: false, refusals: [{ code: "incompatible", field: "condition" }] });
    await expect(
      updateChampCondition(db, administrateurId, demarche.id, { stableId: 999_999, condition: null }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(await updateChampCondition(db, administrateurId, demarche.id, { stableId: prenom, condition: null })).toEqual({
      ok: true,
    });
    expect(await conditionOf(demarche.id, prenom)).toBeNull();
  });

  it("flags a condition broken by a later change and blocks publication until it is fixed", async () => {
    const { db } = server.database;
    const { browser, administrateurId, demarche, page, ids } = await demarcheWithChamps();
    const prenom = ids.prenom as number;
    await postCondition(browser, page, prenom, [{ stableId: ids.ville, operator: "Logic::Eq", value: "Lyon" }]);
    const publication = `/admin/procedures/${demarche.id}/publication`;
    await browser.get(publication);
    expect(pageText(browser.lastHtml)).not.toContain("La condition d’affichage d’un champ est incomplète ou invalide.");

    // « Lyon » is no longer an option.
    const updated = await updateChamp(db, administrateurId, demarche.id, {
      stableId: ids.ville as number,
      libelle: "Ville",
      description: "",
      mandatory: true,
      options: { options: ["Paris", "Marseille"], other: false },
    });
    expect(updated.ok).toBe(true);
    await browser.get(page);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Conditions d’affichage à corriger");
    expect(browser.lastHtml).toContain(`href="#champ-${prenom}-condition"`);
    expect(text).toContain("Cette valeur ne fait pas partie des choix possibles");
    expect(text).toContain("À corriger");

    await browser.get(publication);
    expect(pageText(browser.lastHtml)).toContain("La condition d’affichage d’un champ est incomplète ou invalide.");
    const refused = await browser.post(publication, {
      intent: "publish",
      path: `conditions-${demarche.id}`,
      confirmTestDeletion: "on",
    });
    expect(refused.status).toBe(400);
    expect((await db.select().from(demarches).where(eq(demarches.id, demarche.id)))[0]?.state).toBe("brouillon");

    // Fixed: the value is an option again… then the field it reads moves below it: broken again.
    await postCondition(browser, page, prenom, [{ stableId: ids.ville, operator: "Logic::Eq", value: "Marseille" }]);
    await browser.get(publication);
    expect(pageText(browser.lastHtml)).not.toContain("La condition d’affichage d’un champ est incomplète ou invalide.");
    await moveChamp(db, administrateurId, demarche.id, { stableId: ids.ville as number, toIndex: 3 });
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Le champ choisi n’est plus disponible");
    expect(selectOptions(browser.lastHtml, `champ-${prenom}-condition-row-0-stableId`)).toContainEqual([
      String(ids.ville),
      "« Ville » (non disponible)",
    ]);
    await moveChamp(db, administrateurId, demarche.id, { stableId: ids.ville as number, toIndex: 1 });

    const published = await browser.post(publication, {
      intent: "publish",
      path: `conditions-${demarche.id}`,
      confirmTestDeletion: "on",
    });
    expect(location(published)).toBe(`${publication}?publiee=1`);
  });

  it("copies a published field before setting its condition (copy-on-write)", async () => {
    const { db } = server.database;
    const { browser, page, ids } = await demarcheWithChamps(true);
    const prenom = ids.prenom as number;
    await postCondition(browser, page, prenom, [{ stableId: ids.yesNo, operator: "Logic::Eq", value: "true" }]);
    const rows = await db.select().from(typesDeChamp).where(eq(typesDeChamp.stableId, prenom));
    expect(rows.map((r) => r.condition)).toEqual(
      expect.arrayContaining([null, eqOp(champValue(ids.yesNo as number), constant(true))]),
    );
    expect(rows).toHaveLength(2);
  });
});

describe("conditions of annotations privées", () => {
  it("may read the usager's fields (as the reference allows), offered by the editor, and do not block publication", async () => {
    const { db } = server.database;
    const { browser, administrateurId, demarche, ids } = await demarcheWithChamps();
    const added = await addChamp(db, administrateurId, demarche.id, { type: "text", private: true }, "fr");
    const annotation = added.stableId;
    const page = `/admin/procedures/${demarche.id}/annotations`;
    // The page answering « Ajouter une règle » shows the new rule.
    await postCondition(browser, page, annotation, [], "add");
    // The usager's yes/no is offered to the annotation's condition.
    expect(selectOptions(browser.lastHtml, `champ-${annotation}-condition-row-0-stableId`).map(([value]) => value)).toContain(
      String(ids.yesNo),
    );
    const condition = eqOp(champValue(ids.yesNo as number), constant(true));
    expect(await updateChampCondition(db, administrateurId, demarche.id, { stableId: annotation, condition })).toEqual({
      ok: true,
    });
    const annotations = await loadRevisionChamps(db, demarche.draftRevisionId as number, { private: true });
    expect(annotations.find((c) => c.stableId === annotation)?.condition).toEqual(condition);
    const blockers = await db.transaction((tx) =>
      publicationBlockers(tx, { id: demarche.id, draftRevisionId: demarche.draftRevisionId }, null),
    );
    expect(blockers).toEqual([]);
    // An annotation still cannot read a later annotation.
    const later = (await addChamp(db, administrateurId, demarche.id, { type: "yes_no", private: true }, "fr")).stableId;
    const onLater = eqOp(champValue(later), constant(true));
    expect(
      await updateChampCondition(db, administrateurId, demarche.id, { stableId: annotation, condition: onLater }),
    ).toMatchObject({
      ok: false,
    });
  });
});

describe("ineligibility rules", () => {
  it("validates the message, saves rules built row by row, blocks publication while incomplete, and survives publication", async () => {
    const { db } = server.database;
    const { browser, demarche, ids } = await demarcheWithChamps();
    const page = `/admin/procedures/${demarche.id}/ineligibilite`;
    const draftRules = async () => {
      const [d] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
      return (
        await db
          .select()
          .from(revisions)
          .where(eq(revisions.id, d?.draftRevisionId as number))
      )[0];
    };
    await browser.get(`/admin/procedures/${demarche.id}`);
    expect(browser.lastHtml).toContain(`href="${page}"`);
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Inéligibilité des dossiers");
    expect(pageText(browser.lastHtml)).toContain("Aucune règle.");
    const before = await snapshot(db);

    const noMessage = await browser.post(page, { enabled: "on", message: "  ", op: "save", ...rowsForm([]) });
    expect(noMessage.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Saisissez le message affiché à l’usager");
    expect(browser.lastHtml).toContain('href="#message"');
    const tooLong = "Trop long. ".repeat(100);
    expect((await browser.post(page, { enabled: "on", message: tooLong, op: "save", ...rowsForm([]) })).status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Le message ne doit pas dépasser 1 000 caractères");
    expect(fieldValue(browser.lastHtml, "message")).toBe(tooLong);
    expect(await snapshot(db)).toEqual(before);

    const message = "Cette aide est réservée aux familles.";
    // « Ajouter une règle » shows a rule to fill in (what was typed kept) and saves nothing.
    const added = await browser.post(page, { enabled: "on", message, op: "add", ...rowsForm([]) });
    expect(added.status).toBe(200);
    expect(await snapshot(db)).toEqual(before);
    expect(fieldValue(browser.lastHtml, "message")).toBe(message);
    // Every conditionable top-level field is offered.
    expect(selectOptions(browser.lastHtml, "ineligibilite-rules-row-0-stableId").map(([v]) => v)).toEqual([
      "",
      String(ids.yesNo),
      String(ids.ville),
      String(ids.age),
    ]);
    expectLabelledUniqueFields(browser.lastHtml);

    // A rule whose field is chosen but not its value is saved, incomplete: publication waits.
    await browser.post(page, { enabled: "on", message, op: "save", ...rowsForm([{ stableId: ids.yesNo, shownStableId: null }]) });
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("la démarche ne peut pas être publiée en l’état");
    await browser.get(`/admin/procedures/${demarche.id}/publication`);
    expect(pageText(browser.lastHtml)).toContain("Les critères d’inéligibilité sont activés mais incomplets");
    expect(browser.lastHtml).toContain(`href="${page}"`);
    const saved = await browser.post(page, {
      enabled: "on",
      message,
      op: "save",
      ...rowsForm([{ stableId: ids.yesNo, operator: "Logic::Eq", value: "false" }]),
    });
    expect(location(saved)).toBe(`${page}?notice=saved`);
    expect(await draftRules()).toMatchObject({
      ineligibiliteEnabled: true,
      ineligibiliteMessage: message,
      ineligibiliteRules: eqOp(champValue(ids.yesNo as number), constant(false)),
    });
    await browser.get(`${page}?notice=saved`);
    expect(pageText(browser.lastHtml)).toContain("Les critères d’inéligibilité sont enregistrés.");

    // A rule on a text field (not conditionable) or on nothing known is refused.
    const refused = await browser.post(page, {
      enabled: "on",
      message,
      op: "save",
      ...rowsForm([{ stableId: ids.prenom, operator: "Logic::Eq", value: "Léa" }]),
    });
    expect(refused.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Le champ choisi n’est plus disponible");

    const publication = `/admin/procedures/${demarche.id}/publication`;
    const published = await browser.post(publication, {
      intent: "publish",
      path: `ineligible-${demarche.id}`,
      confirmTestDeletion: "on",
    });
    expect(location(published)).toBe(`${publication}?publiee=1`);
    // The new draft starts with the published rules.
    expect(await draftRules()).toMatchObject({ ineligibiliteEnabled: true, ineligibiliteMessage: message });

    // Disabling keeps the message and the rules.
    await browser.post(page, {
      message,
      op: "save",
      ...rowsForm([{ stableId: ids.yesNo, operator: "Logic::Eq", value: "false" }]),
    });
    expect(await draftRules()).toMatchObject({
      ineligibiliteEnabled: false,
      ineligibiliteMessage: message,
      ineligibiliteRules: eqOp(champValue(ids.yesNo as number), constant(false)),
    });
  });
});

describe("authorization", () => {
  it("answers 404 to another administrateur, whatever they send, and changes nothing", async () => {
    const { db } = server.database;
    const { administrateurId, demarche, ids } = await demarcheWithChamps();
    const intruder = await newAdministrateur(server);
    await intruder.browser.get("/admin/procedures");
    const before = await snapshot(db);
    const champs = `/admin/procedures/${demarche.id}/champs`;
    const ineligibilite = `/admin/procedures/${demarche.id}/ineligibilite`;

    expect(
      (
        await postCondition(intruder.browser, champs, ids.prenom as number, [
          { stableId: ids.yesNo, operator: "Logic::Eq", value: "true" },
        ])
      ).status,
    ).toBe(404);
    expect((await intruder.browser.get(ineligibilite)).status).toBe(404);
    expect(
      (await intruder.browser.post(ineligibilite, { enabled: "on", message: "Non", op: "save", rowCount: "0" })).status,
    ).toBe(404);
    await expect(
      updateChampCondition(db, intruder.administrateurId, demarche.id, { stableId: ids.prenom as number, condition: null }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateIneligibilite(db, intruder.administrateurId, demarche.id, { enabled: false, message: "", rules: null }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await snapshot(db)).toEqual(before);

    // The owner, with a field of another démarche: 404 too.
    const other = await demarcheWithChamps();
    await expect(
      updateChampCondition(db, administrateurId, demarche.id, { stableId: other.ids.prenom as number, condition: null }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
