/**
 * The tag `--date prévisionnelle SVA/SVR--` of e-mail templates: offered on an SVA/SVR démarche only,
 * and filled with the dossier's stored decision day.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTemplateTags } from "../../../server/domain/tags";
import { loadTagDemarcheContext, loadTagDossierData } from "../../../server/lookups/template-tags";
import { updateSpecialProcedures } from "../../../server/operations/demarches/update-special-procedures";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const TEMPLATE = "Décision prévue le --date prévisionnelle SVA/SVR--.";

describe("the SVA/SVR date tag", () => {
  it("is filled on an SVA démarche with the dossier's decision day, and unknown elsewhere", async () => {
    const { db } = database;
    const sva = await buildDemarche(db);
    const result = await updateSpecialProcedures(
      db,
      { administrateurId: sva.administrateurId, userId: sva.admin.userId },
      sva.demarche.id,
      {
        declarative: "none",
        svaSvrDecision: "sva",
        svaSvrPeriod: "2",
        svaSvrUnit: "months",
        svaSvrResume: "continue",
        accuseLecture: false,
      },
    );
    expect(result).toEqual({ ok: true });
    const { dossierId } = await buildDossier(db, { demarche: sva.demarche, state: "en_construction" });
    const loaded = await loadTagDossierData(db, dossierId, "https://guichet.test");
    if (!loaded) throw new Error("dossier not found");
    expect(loaded.data.svaSvrDecisionOn).toBeInstanceOf(Date);
    const context = await loadTagDemarcheContext(db, loaded.demarche, loaded.revisionId);
    expect(context.svaSvr).toBe(true);
    const rendered = renderTemplateTags(TEMPLATE, context, "initiated", loaded.data, { locale: "fr", format: "text" });
    expect(rendered).toMatch(/^Décision prévue le \d{2}\/\d{2}\/\d{4}\.$/);

    const plain = await buildDemarche(db);
    const other = await buildDossier(db, { demarche: plain.demarche, state: "en_construction" });
    const otherData = await loadTagDossierData(db, other.dossierId, "https://guichet.test");
    if (!otherData) throw new Error("dossier not found");
    expect((await loadTagDemarcheContext(db, otherData.demarche, otherData.revisionId)).svaSvr).toBe(false);
  });
});
