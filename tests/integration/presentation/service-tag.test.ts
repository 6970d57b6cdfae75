/**
 * The tag `--nom du service--` of e-mail templates: the démarche's service card name, empty when the
 * démarche has none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demarches } from "../../../server/db/schema";
import { renderTemplateTags } from "../../../server/domain/tags";
import { loadTagDemarcheContext, loadTagDossierData } from "../../../server/lookups/template-tags";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const TEMPLATE = "Votre dossier est suivi par --nom du service--.";

async function render(dossierId: number) {
  const loaded = await loadTagDossierData(database.db, dossierId, "https://guichet.test");
  if (!loaded) throw new Error("dossier not found");
  const context = await loadTagDemarcheContext(database.db, loaded.demarche, loaded.revisionId);
  return renderTemplateTags(TEMPLATE, context, "initiated", loaded.data, { locale: "fr", format: "text" });
}

describe("the service name tag", () => {
  it("renders the service of the dossier's démarche, and nothing once the démarche has none", async () => {
    const { db } = database;
    const built = await buildDemarche(db);
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    expect(await render(dossierId)).toBe("Votre dossier est suivi par Service des démarches.");

    await db.update(demarches).set({ serviceId: null }).where(eq(demarches.id, built.demarche.id));
    expect(await render(dossierId)).toBe("Votre dossier est suivi par .");
  });
});
