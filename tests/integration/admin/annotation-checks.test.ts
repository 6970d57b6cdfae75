/**
 * The annotations privées are checked like the usager's form: the editor does not offer the
 * identity document type there (and refuses it with a message), and publication is blocked by an
 * invalid annotation, an empty block of annotations, an identity document annotation left from
 * before, or an invalid annotation condition — each named as an annotation privée, with a link to
 * the annotations editor. Nothing is published while blocked.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { demarches, typesDeChamp } from "../../../server/db/schema";
import { champValue, constant, eq as eqOp } from "../../../server/domain/conditions/ast";
import { publicationBlockers } from "../../../server/lookups/publication-checks";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { changeChampType } from "../../../server/operations/revisions/change-champ-type";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { newAdministrateur, pageText } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demarcheWithAnnotations(annotations: NonNullable<Parameters<typeof buildDemarche>[1]>["annotations"]) {
  const { browser, admin, administrateurId } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    published: false,
    champs: [{ type: "text", libelle: "Nom du projet" }],
    annotations,
  });
  return { browser, administrateurId, demarche, base: `/admin/procedures/${demarche.id}` };
}

const annotationsOf = async (demarcheId: number) => {
  const [row] = await server.database.db.select().from(demarches).where(eq(demarches.id, demarcheId));
  return loadRevisionChamps(server.database.db, row?.draftRevisionId as number, { private: true });
};

const blockersOf = async (demarcheId: number) => {
  const { db } = server.database;
  const [row] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
  return db.transaction((tx) => publicationBlockers(tx, { id: demarcheId, draftRevisionId: row?.draftRevisionId ?? null }, null));
};

/** A draft field's own row (never published): changed as older data or a broken edit would leave it. */
const overwrite = (stableId: number, values: Partial<typeof typesDeChamp.$inferInsert>) =>
  server.database.db.update(typesDeChamp).set(values).where(eq(typesDeChamp.stableId, stableId));

const typeOptions = (html: string) => [...html.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1]);

describe("identity documents and the annotations editor", () => {
  it("offers the type in the usager's form only, and refuses it among annotations with a message", async () => {
    const { db } = server.database;
    const { browser, administrateurId, demarche, base } = await demarcheWithAnnotations([{ type: "text", libelle: "Avis" }]);
    await browser.get(`${base}/champs`);
    expect(typeOptions(browser.lastHtml)).toContain("titre_identite");
    await browser.get(`${base}/annotations`);
    expect(typeOptions(browser.lastHtml)).not.toContain("titre_identite");
    expect(typeOptions(browser.lastHtml)).toContain("piece_justificative");
    const before = await annotationsOf(demarche.id);

    const added = await browser.post(`${base}/annotations`, { intent: "add", type: "titre_identite" });
    expect(added.status).toBe(400);
    const message = "Le type « Titre d’identité » n’est pas proposé pour les annotations privées";
    expect(pageText(browser.lastHtml)).toContain(message);
    const avis = before[0]?.stableId as number;
    const changed = await browser.post(`${base}/annotations`, {
      intent: "change-type",
      stableId: String(avis),
      type: "titre_identite",
    });
    expect(changed.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain(message);
    expect(await annotationsOf(demarche.id)).toEqual(before);

    // Other callers of the operations are refused too; the usager's form still takes the type.
    await expect(
      addChamp(db, administrateurId, demarche.id, { type: "titre_identite", private: true }, "fr"),
    ).rejects.toMatchObject({
      status: 400,
    });
    expect(await changeChampType(db, administrateurId, demarche.id, { stableId: avis, type: "titre_identite" }, "fr")).toEqual({
      ok: false,
      refusals: [{ code: "type_not_in_annotations", field: "type" }],
    });
    const { stableId } = await addChamp(db, administrateurId, demarche.id, { type: "titre_identite" }, "fr");
    expect(stableId).toBeGreaterThan(0);
  });
});

describe("publication checks of the annotations privées", () => {
  it("blocks publication on an annotation with invalid options, names it as an annotation, and links to its editor", async () => {
    const { browser, demarche, base } = await demarcheWithAnnotations([
      { type: "drop_down_list", libelle: "Avis du service", options: { options: ["Favorable", "Défavorable"], other: false } },
    ]);
    const [avis] = await annotationsOf(demarche.id);
    await overwrite(avis?.stableId as number, { options: { options: [], other: false } });

    const page = `${base}/publication`;
    await browser.get(page);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Une annotation privée n’a pas de libellé ou a des options invalides.");
    expect(text).not.toContain("Un champ du formulaire n’a pas de libellé ou a des options invalides.");
    expect(browser.lastHtml).toContain(`href="${base}/annotations"`);
    expect(text).toContain("Corriger les annotations privées");

    const refused = await browser.post(page, {
      intent: "publish",
      path: `annotations-${demarche.id}`,
      confirmTestDeletion: "on",
    });
    expect(refused.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Une annotation privée n’a pas de libellé ou a des options invalides.");
    const [row] = await server.database.db.select().from(demarches).where(eq(demarches.id, demarche.id));
    expect(row?.state).toBe("brouillon");
    expect(row?.publishedRevisionId).toBeNull();

    // Fixed: it publishes.
    await overwrite(avis?.stableId as number, { options: { options: ["Favorable"], other: false } });
    const published = await browser.post(page, {
      intent: "publish",
      path: `annotations-${demarche.id}`,
      confirmTestDeletion: "on",
    });
    expect(published.status).toBe(302);
  });

  it("names an empty block, an identity document and an invalid condition among the annotations", async () => {
    const { browser, demarche, base } = await demarcheWithAnnotations([
      { type: "repetition", libelle: "Contrôles" },
      { type: "text", libelle: "Ancienne pièce" },
      { type: "text", libelle: "Remarque" },
    ]);
    const ids = Object.fromEntries((await annotationsOf(demarche.id)).map((f) => [f.libelle, f.stableId]));
    expect(await blockersOf(demarche.id)).toEqual(["annotation_block_empty"]);

    await overwrite(ids["Ancienne pièce"] as number, { typeChamp: "titre_identite", options: {} });
    // A condition on a field that does not exist (deleted since).
    await overwrite(ids.Remarque as number, { condition: eqOp(champValue(999_999), constant("x")) });
    expect(await blockersOf(demarche.id)).toEqual([
      "annotation_block_empty",
      "annotation_type_not_offered",
      "annotation_condition_invalid",
    ]);
    await browser.get(`${base}/publication`);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Un bloc répétable des annotations privées ne contient aucun champ.");
    expect(text).toContain("Une annotation privée est de type « Titre d’identité », qui n’est pas proposé pour les annotations");
    expect(text).toContain("La condition d’affichage d’une annotation privée est incomplète ou invalide.");
    expect(text).not.toContain("La condition d’affichage d’un champ est incomplète ou invalide.");
  });

  it("names the same problems in the usager's form as the form's", async () => {
    const { demarche } = await demarcheWithAnnotations([]);
    const { db } = server.database;
    const [row] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    const [field] = await loadRevisionChamps(db, row?.draftRevisionId as number);
    await overwrite(field?.stableId as number, { typeChamp: "repetition", options: {} });
    expect(await blockersOf(demarche.id)).toEqual(["block_empty"]);
  });
});
