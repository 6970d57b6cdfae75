/**
 * Editing a published démarche and publishing again: the diff shown and confirmed (no JavaScript),
 * dossiers keeping their values by stable id, open dossiers moving to the new revision, decided ones
 * keeping theirs, compatible type changes converting values, incompatible ones reading as empty —
 * with every page still answering — and the guards on fields that rules read.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import { champs, demarches, dossiers, revisions, revisionTypesDeChamp } from "../../../server/db/schema";
import { champValue, constant, eq as logicEq } from "../../../server/domain/conditions/ast";
import { diffFingerprint } from "../../../server/domain/revisions/diff";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { pendingChanges } from "../../../server/lookups/publication-checks";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { changeChampType } from "../../../server/operations/revisions/change-champ-type";
import { moveChamp } from "../../../server/operations/revisions/move-champ";
import { removeChamp } from "../../../server/operations/revisions/remove-champ";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { updateChampCondition } from "../../../server/operations/revisions/update-champ-condition";
import { updateIneligibilite } from "../../../server/operations/revisions/update-ineligibilite";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, location, newAdministrateur, pageText, signedIn, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demarcheRow(db: Db, id: number) {
  const [row] = await db.select().from(demarches).where(eq(demarches.id, id));
  if (!row) throw new Error(`démarche ${id} not found`);
  return row;
}

async function storedValues(db: Db, dossierId: number) {
  const rows = await db
    .select({ stableId: champs.stableId, typeChamp: champs.typeChamp, value: champs.value })
    .from(champs)
    .where(eq(champs.dossierId, dossierId))
    .orderBy(asc(champs.stableId));
  return new Map(rows.map((r) => [r.stableId, { type: r.typeChamp, value: r.value }]));
}

const FORM = [
  { type: "text", libelle: "Nom du projet" },
  { type: "text", libelle: "Commentaire" },
  { type: "text", libelle: "Accord" },
  { type: "text", libelle: "Code interne" },
  { type: "integer_number", libelle: "Nombre de places" },
  { type: "text", libelle: "Ancien champ" },
  { type: "drop_down_list", libelle: "Catégorie", options: { options: ["Sport", "Culture"] } },
] as const;

const VALUES = {
  "Nom du projet": "Salle des fêtes",
  Commentaire: "Travaux au printemps",
  Accord: "peut-être",
  "Code interne": "ABC-12",
  "Nombre de places": "120",
  "Ancien champ": "À oublier",
  Catégorie: "Culture",
};

async function publishedDemarche() {
  const { db } = server.database;
  const { browser, admin, administrateurId } = await newAdministrateur(server);
  const instructeurEmail = `instructeur-${Date.now()}@exemple.fr`;
  const built = await buildDemarche(db, {
    administrateurEmail: admin.email,
    champs: FORM.map((c) => ({ ...c, options: "options" in c ? { ...c.options } : undefined })),
    instructeurEmails: [instructeurEmail],
  });
  const ids = Object.fromEntries((await draftChamps(db, built.demarche.id)).map((c) => [c.libelle, c.stableId])) as Record<
    (typeof FORM)[number]["libelle"],
    number
  >;
  const demarche = { id: built.demarche.id, path: built.path };
  const dossierIn = async (state: "brouillon" | "en_construction" | "en_instruction" | "accepte") =>
    buildDossier(db, { demarche, state, values: VALUES });
  return { db, admin, browser, administrateurId, built, ids, demarche, dossierIn, instructeurEmail };
}

/** Runs a query with a new API token of this administrateur, through HTTP. */
async function gql(administrateurEmail: string, query: string, variables: Record<string, unknown>) {
  const token = await createApiToken(server.database.db, { administrateurEmail, name: `Jeton ${Date.now()}` });
  if (!token.ok) throw new Error(JSON.stringify(token.refusals));
  const response = await fetch(new URL("/api/v2/graphql", server.url), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token.bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, unknown>; errors?: unknown };
}

describe("re-publication of an edited form", () => {
  it("keeps values by stable id, moves open dossiers, converts compatible types, and incompatible ones read as empty", async () => {
    const { db, admin, administrateurId, built, ids, demarche, dossierIn, instructeurEmail } = await publishedDemarche();
    const demarcheId = demarche.id;
    const brouillon = await dossierIn("brouillon");
    const enConstruction = await dossierIn("en_construction");
    const enInstruction = await dossierIn("en_instruction");
    const accepte = await dossierIn("accepte");
    const firstRevision = built.demarche.publishedRevisionId as number;

    // Edit: add, remove, compatible and incompatible type changes, move.
    const added = await addChamp(db, administrateurId, demarcheId, { type: "date" }, "fr");
    expect((await removeChamp(db, administrateurId, demarcheId, ids["Ancien champ"])).ok).toBe(true);
    const change = (
      stableId: number,
      type: "textarea" | "yes_no" | "integer_number" | "decimal_number" | "multiple_drop_down_list",
    ) => changeChampType(db, administrateurId, demarcheId, { stableId, type }, "fr");
    expect(await change(ids.Commentaire, "textarea")).toEqual({ ok: true });
    expect(await change(ids.Accord, "yes_no")).toEqual({ ok: true });
    expect(await change(ids["Code interne"], "integer_number")).toEqual({ ok: true });
    expect(await change(ids["Nombre de places"], "decimal_number")).toEqual({ ok: true });
    expect(await change(ids.Catégorie, "multiple_drop_down_list")).toEqual({ ok: true });
    // Two steps down: "Nom du projet" is the field that moved (one step would be a swap, ambiguous).
    await moveChamp(db, administrateurId, demarcheId, { stableId: ids["Nom du projet"], toIndex: 2 });

    const changes = await pendingChanges(db, await demarcheRow(db, demarcheId));
    const summary = (c: (typeof changes)[number]) =>
      c.kind === "update_champ" ? `${c.attribute}:${c.libelle}` : `${c.kind}:${"libelle" in c ? c.libelle : ""}`;
    expect(changes.map(summary)).toEqual([
      "type_champ:Commentaire",
      "type_champ:Accord",
      "move_champ:Nom du projet",
      "type_champ:Code interne",
      "type_champ:Nombre de places",
      "type_champ:Catégorie",
      "add_champ:Date",
      "remove_champ:Ancien champ",
    ]);
    // The published revision did not change (copy-on-write).
    const publishedTypes = await db
      .select({ id: revisionTypesDeChamp.typeDeChampId })
      .from(revisionTypesDeChamp)
      .where(eq(revisionTypesDeChamp.revisionId, firstRevision));
    expect(publishedTypes).toHaveLength(FORM.length);

    const published = await publishDemarche(db, administrateurId, demarcheId, { path: demarche.path as string });
    expect(published.ok).toBe(true);
    const after = await demarcheRow(db, demarcheId);
    const secondRevision = after?.publishedRevisionId as number;
    expect(secondRevision).not.toBe(firstRevision);

    const revisionOf = async (id: number) => (await db.select().from(dossiers).where(eq(dossiers.id, id)))[0]?.revisionId;
    expect(await revisionOf(brouillon.dossierId)).toBe(secondRevision);
    expect(await revisionOf(enConstruction.dossierId)).toBe(secondRevision);
    expect(await revisionOf(enInstruction.dossierId)).toBe(secondRevision);
    expect(await revisionOf(accepte.dossierId)).toBe(firstRevision);

    const moved = await storedValues(db, enConstruction.dossierId);
    expect(moved.get(ids["Nom du projet"])).toEqual({ type: "text", value: "Salle des fêtes" });
    expect(moved.get(ids.Commentaire)).toEqual({ type: "textarea", value: "Travaux au printemps" });
    expect(moved.get(ids["Nombre de places"])).toEqual({ type: "decimal_number", value: "120" });
    expect(moved.get(ids.Catégorie)).toEqual({ type: "multiple_drop_down_list", value: ["Culture"] });
    // Incompatible: kept as stored (it reads as empty), so that it could come back.
    expect(moved.get(ids.Accord)).toEqual({ type: "text", value: "peut-être" });
    expect(moved.get(ids["Code interne"])).toEqual({ type: "text", value: "ABC-12" });
    // A removed field's value stays until purge.
    expect(moved.get(ids["Ancien champ"])?.value).toBe("À oublier");
    // The decided dossier still reads its own revision with its own types.
    const decided = await storedValues(db, accepte.dossierId);
    expect(decided.get(ids.Commentaire)).toEqual({ type: "text", value: "Travaux au printemps" });
    expect(decided.get(ids.Catégorie)).toEqual({ type: "drop_down_list", value: "Culture" });

    // The new draft starts as the published form; nothing left to publish.
    expect(await pendingChanges(db, after as NonNullable<typeof after>)).toEqual([]);
    expect(await publishDemarche(db, administrateurId, demarcheId, { path: demarche.path as string })).toEqual({
      ok: false,
      refusals: [{ code: "nothing_to_publish", field: "form" }],
    });

    // Pages: the usager and the instructeur still see both dossiers; the re-typed yes/no is empty.
    const usager = await signedIn(server, enConstruction.usager.email);
    const usagerPage = await usager.get(`/dossiers/${enConstruction.dossierId}`);
    expect(usagerPage.status).toBe(200);
    const usagerText = pageText(usager.lastHtml);
    expect(usagerText).toContain("Salle des fêtes");
    expect(usagerText).toContain("Travaux au printemps");
    expect(usagerText).not.toContain("peut-être");
    const decidedPage = await (await signedIn(server, accepte.usager.email)).get(`/dossiers/${accepte.dossierId}`);
    expect(decidedPage.status).toBe(200);
    const instructeur = await signedIn(server, instructeurEmail);
    for (const dossierId of [enConstruction.dossierId, enInstruction.dossierId, accepte.dossierId]) {
      const page = await instructeur.get(`/procedures/${demarcheId}/dossiers/${dossierId}`);
      expect(page.status).toBe(200);
      expect(pageText(instructeur.lastHtml)).toContain("Salle des fêtes");
    }
    expect(pageText(instructeur.lastHtml)).toContain("peut-être"); // the decided dossier: a text there

    // GraphQL: every revision, each dossier with its own; a value of an incompatible type is null.
    const json = await gql(
      admin.email,
      `query($n: Int!) {
          demarche(number: $n) {
            revisions { id datePublication champDescriptors { label __typename } }
            draftRevision { id }
            activeRevision { id }
            dossiers { nodes { number demarche { number revision { id } } champs { label stringValue } } }
          }
          demarcheDescriptor(demarche: { number: $n }) { title revision { id } }
        }`,
      { n: demarcheId },
    );
    expect(json.errors).toBeUndefined();
    const api = json.data.demarche as {
      revisions: Array<{
        id: string;
        datePublication: string | null;
        champDescriptors: Array<{ label: string; __typename: string }>;
      }>;
      draftRevision: { id: string };
      activeRevision: { id: string };
      dossiers: {
        nodes: Array<{
          number: number;
          demarche: { revision: { id: string } };
          champs: Array<{ label: string; stringValue: string | null }>;
        }>;
      };
    };
    const globalRevision = (id: number) => Buffer.from(`ProcedureRevision-${id}`).toString("base64");
    expect(api.revisions.map((r) => r.id)).toEqual([
      globalRevision(firstRevision),
      globalRevision(secondRevision),
      globalRevision(after?.draftRevisionId as number),
    ]);
    expect(api.revisions.map((r) => r.datePublication !== null)).toEqual([true, true, false]);
    expect(api.revisions[1]?.champDescriptors.find((d) => d.label === "Commentaire")?.__typename).toBe("TextareaChampDescriptor");
    expect(api.activeRevision.id).toBe(globalRevision(secondRevision));
    const byNumber = new Map(api.dossiers.nodes.map((n) => [n.number, n]));
    expect(byNumber.get(accepte.dossierId)?.demarche.revision.id).toBe(globalRevision(firstRevision));
    expect(byNumber.get(enConstruction.dossierId)?.demarche.revision.id).toBe(globalRevision(secondRevision));
    const champsOf = (id: number) => new Map(byNumber.get(id)?.champs.map((c) => [c.label, c.stringValue]));
    expect(champsOf(enConstruction.dossierId).get("Code interne")).toBe(""); // blank: the reference's empty stringValue
    expect(champsOf(enConstruction.dossierId).get("Commentaire")).toBe("Travaux au printemps");
    expect(champsOf(accepte.dossierId).get("Code interne")).toBe("ABC-12");
    expect(json.data.demarcheDescriptor).toEqual({ title: after?.libelle, revision: { id: globalRevision(secondRevision) } });
    expect(added.stableId).toBeGreaterThan(0);
  });

  it("copies repetition blocks with their children and the ineligibility rules into the new draft", async () => {
    const { db, admin, administrateurId, demarche, ids } = await publishedDemarche();
    const block = await addChamp(db, administrateurId, demarche.id, { type: "repetition" }, "fr");
    const child = await addChamp(db, administrateurId, demarche.id, { type: "text", parentStableId: block.stableId }, "fr");
    const rules = logicEq(champValue(ids.Catégorie), constant("Sport"));
    const ineligible = await updateIneligibilite(db, administrateurId, demarche.id, {
      enabled: true,
      message: "Les projets sportifs relèvent d’une autre démarche.",
      rules,
    });
    expect(ineligible.ok).toBe(true);
    const changes = await pendingChanges(db, await demarcheRow(db, demarche.id));
    expect(changes.map((c) => c.kind)).toEqual([
      "add_champ",
      "add_champ",
      "add_ineligibilite_rules",
      "update_ineligibilite_message",
      "ineligibilite_enabled",
    ]);
    expect(changes[1]).toMatchObject({ kind: "add_champ", stableId: child.stableId, parent: { stableId: block.stableId } });
    expect((await publishDemarche(db, administrateurId, demarche.id, { path: demarche.path as string })).ok).toBe(true);

    const after = await demarcheRow(db, demarche.id);
    const [draft] = await db
      .select()
      .from(revisions)
      .where(eq(revisions.id, after?.draftRevisionId as number));
    expect(draft).toMatchObject({ ineligibiliteEnabled: true, ineligibiliteRules: rules });
    const draftFields = await draftChamps(db, demarche.id);
    expect(draftFields.find((c) => c.stableId === child.stableId)?.parentStableId).toBe(block.stableId);
    const coordinates = await db
      .select()
      .from(revisionTypesDeChamp)
      .where(inArray(revisionTypesDeChamp.revisionId, [after?.draftRevisionId as number]));
    const childCoordinate = coordinates.find((c) => c.parentId !== null);
    expect(coordinates.some((c) => c.id === childCoordinate?.parentId)).toBe(true);

    // The API describes the block with its field.
    const json = await gql(
      admin.email,
      `query($n: Int!) { demarche(number: $n) { publishedRevision { champDescriptors {
        __typename label ... on RepetitionChampDescriptor { champDescriptors { __typename label } } } } } }`,
      { n: demarche.id },
    );
    expect(json.errors).toBeUndefined();
    const descriptors = (json.data.demarche as { publishedRevision: { champDescriptors: Array<Record<string, unknown>> } })
      .publishedRevision.champDescriptors;
    expect(descriptors.find((d) => d.__typename === "RepetitionChampDescriptor")).toEqual({
      __typename: "RepetitionChampDescriptor",
      label: "Bloc répétable",
      champDescriptors: [{ __typename: "TextChampDescriptor", label: "Texte court" }],
    });
  });

  it("refuses a stale confirmation and reopens a closed démarche without a new revision", async () => {
    const { db, administrateurId, demarche, ids } = await publishedDemarche();
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: ids["Nom du projet"],
      libelle: "Nom",
      description: "",
      mandatory: false,
      options: {},
    });
    const seen = await pendingChanges(db, await demarcheRow(db, demarche.id));
    expect(seen.map((c) => (c.kind === "update_champ" ? c.attribute : c.kind))).toEqual(["libelle", "mandatory"]);
    await removeChamp(db, administrateurId, demarche.id, ids["Ancien champ"]);
    const before = await snapshot(db);
    expect(
      await publishDemarche(db, administrateurId, demarche.id, {
        path: demarche.path as string,
        confirmedChanges: diffFingerprint(seen),
      }),
    ).toEqual({ ok: false, refusals: [{ code: "changes_outdated", field: "form" }] });
    expect(await snapshot(db)).toEqual(before);
    expect((await publishDemarche(db, administrateurId, demarche.id, { path: demarche.path as string })).ok).toBe(true);

    await db.update(demarches).set({ state: "close" }).where(eq(demarches.id, demarche.id));
    const closed = await demarcheRow(db, demarche.id);
    expect((await publishDemarche(db, administrateurId, demarche.id, { path: demarche.path as string })).ok).toBe(true);
    const reopened = await demarcheRow(db, demarche.id);
    expect(reopened).toMatchObject({ state: "publiee", publishedRevisionId: closed?.publishedRevisionId, closedAt: null });
  });
});

describe("guards on fields that rules read", () => {
  it("refuses to delete or re-type a field used by a condition or the ineligibility rules, naming them", async () => {
    const { db, browser, administrateurId, demarche, ids } = await publishedDemarche();
    const question = await addChamp(
      db,
      administrateurId,
      demarche.id,
      { type: "yes_no", afterStableId: ids["Nom du projet"] },
      "fr",
    );
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: question.stableId,
      libelle: "Projet collectif",
      description: "",
      mandatory: true,
      options: {},
    });
    const condition = logicEq(champValue(question.stableId), constant(true));
    expect((await updateChampCondition(db, administrateurId, demarche.id, { stableId: ids.Commentaire, condition })).ok).toBe(
      true,
    );
    expect(
      (
        await updateIneligibilite(db, administrateurId, demarche.id, {
          enabled: true,
          message: "Réservé aux associations culturelles.",
          rules: logicEq(champValue(ids.Catégorie), constant("Sport")),
        })
      ).ok,
    ).toBe(true);

    const before = await snapshot(db);
    expect(await removeChamp(db, administrateurId, demarche.id, question.stableId)).toEqual({
      ok: false,
      refusals: [
        { code: "delete_used_by_conditions", field: "form", params: { champs: "«\u00a0Commentaire\u00a0»", groupes: "" } },
      ],
    });
    expect(
      await changeChampType(db, administrateurId, demarche.id, { stableId: question.stableId, type: "text" }, "fr"),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: "type_used_by_conditions", field: "type" }],
    });
    expect(await removeChamp(db, administrateurId, demarche.id, ids.Catégorie)).toMatchObject({
      refusals: [{ code: "delete_used_by_ineligibilite", field: "form" }],
    });
    expect(
      await changeChampType(
        db,
        administrateurId,
        demarche.id,
        { stableId: ids.Catégorie, type: "multiple_drop_down_list" },
        "fr",
      ),
    ).toMatchObject({ refusals: [{ code: "type_used_by_ineligibilite", field: "type" }] });
    expect(await snapshot(db)).toEqual(before);
    // A compatible use survives: yes/no → checkbox is still a boolean for the condition.
    expect(
      await changeChampType(db, administrateurId, demarche.id, { stableId: question.stableId, type: "checkbox" }, "fr"),
    ).toEqual({
      ok: true,
    });

    // Through the editor without JavaScript: the refusal is shown with the fields that use it.
    const page = `/admin/procedures/${demarche.id}/champs`;
    await browser.get(page);
    const refused = await browser.post(page, { intent: "delete", stableId: String(question.stableId) });
    expect(refused.status).toBe(400);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Ce champ ne peut pas être supprimé : il est utilisé par la condition d’affichage de « Commentaire »");
    expect(text).toContain("Le champ n’a pas été supprimé");
    expect(browser.lastHtml).toContain(`href="#champ-${question.stableId}-libelle"`);
    expect((await draftChamps(db, demarche.id)).some((c) => c.stableId === question.stableId)).toBe(true);

    const retype = await browser.post(page, { intent: "change-type", stableId: String(ids.Catégorie), type: "text" });
    expect(retype.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain(
      "Ce champ ne peut pas prendre ce type : les critères d’inéligibilité ne pourraient plus le lire.",
    );
    expect(browser.lastHtml).toContain(`id="champ-${ids.Catégorie}-type"`);

    // An unused field changes type through the same form, and an unknown type is refused.
    const ok = await browser.post(page, { intent: "change-type", stableId: String(ids["Code interne"]), type: "textarea" });
    expect(location(ok)).toBe(`${page}#champ-${ids["Code interne"]}`);
    expect((await draftChamps(db, demarche.id)).find((c) => c.stableId === ids["Code interne"])?.type).toBe("textarea");
    expect(
      (await browser.post(page, { intent: "change-type", stableId: String(ids["Code interne"]), type: "carte" })).status,
    ).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Choisissez un type de champ dans la liste");
  });

  it("deletes a repetition block with its children", async () => {
    const { db, administrateurId, demarche } = await publishedDemarche();
    const block = await addChamp(db, administrateurId, demarche.id, { type: "repetition" }, "fr");
    const child = await addChamp(db, administrateurId, demarche.id, { type: "text", parentStableId: block.stableId }, "fr");
    expect(await removeChamp(db, administrateurId, demarche.id, block.stableId)).toEqual({ ok: true });
    const left = (await draftChamps(db, demarche.id)).map((c) => c.stableId);
    expect(left).not.toContain(block.stableId);
    expect(left).not.toContain(child.stableId);
  });

  it("another administrateur gets 404 and nothing changes", async () => {
    const { db, demarche, ids } = await publishedDemarche();
    const other = await newAdministrateur(server);
    const before = await snapshot(db);
    await expect(removeChamp(db, other.administrateurId, demarche.id, ids.Commentaire)).rejects.toMatchObject({ status: 404 });
    await expect(
      changeChampType(db, other.administrateurId, demarche.id, { stableId: ids.Commentaire, type: "textarea" }, "fr"),
    ).rejects.toMatchObject({ status: 404 });
    const page = `/admin/procedures/${demarche.id}/champs`;
    expect(
      (await other.browser.post(page, { intent: "change-type", stableId: String(ids.Commentaire), type: "textarea" })).status,
    ).toBe(404);
    expect((await other.browser.get(`/admin/procedures/${demarche.id}/publication`)).status).toBe(404);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("publication page", () => {
  it("shows the changes as sentences and publishes only once they are confirmed (no JavaScript)", async () => {
    const { db, browser, administrateurId, demarche, ids, dossierIn } = await publishedDemarche();
    const page = `/admin/procedures/${demarche.id}/publication`;
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire n’a pas changé depuis la dernière publication.");
    expect(browser.lastHtml).toMatch(/<button[^>]*disabled[^>]*>[^<]*Publier les modifications/);

    await dossierIn("en_construction");
    await changeChampType(db, administrateurId, demarche.id, { stableId: ids.Commentaire, type: "textarea" }, "fr");
    await changeChampType(db, administrateurId, demarche.id, { stableId: ids.Accord, type: "yes_no" }, "fr");
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: ids["Nom du projet"],
      libelle: "Nom du projet",
      description: "",
      mandatory: false,
      options: {},
    });
    await updateChamp(db, administrateurId, demarche.id, {
      stableId: ids.Catégorie,
      libelle: "Catégorie",
      description: "",
      mandatory: true,
      options: { options: ["Sport", "Culture", "Social"] },
    });
    const added = await addChamp(db, administrateurId, demarche.id, { type: "email" }, "fr");
    await removeChamp(db, administrateurId, demarche.id, ids["Ancien champ"]);

    await browser.get(page);
    const text = pageText(browser.lastHtml);
    for (const sentence of [
      "Le type du champ « Commentaire » a été changé de Texte court à Texte long.",
      "Le type du champ « Accord » a été changé de Texte court à Oui/Non. Les réponses déjà données à ce champ ne s’afficheront plus dans les dossiers en cours.",
      "Le champ « Nom du projet » a été rendu facultatif.",
      "L’option « Social » a été ajoutée au champ « Catégorie ».",
      "Le champ « Adresse électronique » a été ajouté.",
      "Le champ « Ancien champ » a été supprimé.",
      "1 dossier non terminé passera sur le nouveau formulaire",
    ]) {
      expect(text).toContain(sentence);
    }
    const fingerprint = browser.lastHtml.match(/name="changes" value="([0-9a-f]{16})"/)?.[1];
    expect(fingerprint).toBeDefined();

    const unconfirmed = await browser.post(page, {
      intent: "publish",
      path: demarche.path as string,
      changes: fingerprint as string,
    });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Cochez la case pour confirmer la publication de ces modifications");
    expect(browser.lastHtml).toContain('href="#confirmChanges"');
    const unchanged = await demarcheRow(db, demarche.id);

    const stale = await browser.post(page, {
      intent: "publish",
      path: demarche.path as string,
      changes: "0000000000000000",
      confirmChanges: "on",
    });
    expect(stale.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire a été modifié pendant votre relecture");
    expect(await demarcheRow(db, demarche.id)).toEqual(unchanged);

    const confirmed = await browser.post(page, {
      intent: "publish",
      path: demarche.path as string,
      changes: fingerprint as string,
      confirmChanges: "on",
    });
    expect(location(confirmed)).toBe(`${page}?publiee=1`);
    expect((await demarcheRow(db, demarche.id))?.publishedRevisionId).not.toBe(unchanged?.publishedRevisionId);
    expect(added.stableId).toBeGreaterThan(0);

    // Nothing left to publish: the address can still change, through its own form.
    await browser.get(page);
    expect(browser.lastHtml).toContain('value="change-path"');
    const renamed = await browser.post(page, { intent: "change-path", path: `${demarche.path}-bis` });
    expect(location(renamed)).toBe(page);
    expect((await demarcheRow(db, demarche.id))?.path).toBe(`${demarche.path}-bis`);
  });

  it("lists the fields before a first publication", async () => {
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(server.database.db, {
      administrateurEmail: admin.email,
      published: false,
      champs: [
        { type: "text", libelle: "Nom de l’association" },
        { type: "integer_number", libelle: "Nombre d’adhérents", mandatory: false },
      ],
    });
    await browser.get(`/admin/procedures/${demarche.id}/publication`);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Champs qui seront publiés (2)");
    expect(text).toContain("Nom de l’association — Texte court, obligatoire");
    expect(text).toContain("Nombre d’adhérents — Nombre entier");
    expect(text).not.toContain("Nombre d’adhérents — Nombre entier, obligatoire");
  });
});
