import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLinkableDossier, visibleLinkedDossiers } from "../../../server/lookups/linked-dossiers";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("dossier_link checks", () => {
  it("links only submitted dossiers, and shows the link only to instructeurs who can open it", async () => {
    const { db } = database;
    const mine = await buildDemarche(db, { champs: [{ type: "text", libelle: "Nom" }] });
    const other = await buildDemarche(db, { champs: [{ type: "text", libelle: "Nom" }] });
    const submitted = await buildDossier(db, { demarche: mine.demarche, state: "en_construction" });
    const elsewhere = await buildDossier(db, { demarche: other.demarche, state: "accepte" });
    const draft = await buildDossier(db, { demarche: mine.demarche, state: "brouillon" });

    expect(await findLinkableDossier(db, submitted.dossierId)).toEqual({ linkable: true });
    // Any démarche's dossier, as the reference does.
    expect(await findLinkableDossier(db, elsewhere.dossierId)).toEqual({ linkable: true });
    // A brouillon is not linkable: nobody can probe other people's drafts.
    expect(await findLinkableDossier(db, draft.dossierId)).toEqual({ linkable: false });
    expect(await findLinkableDossier(db, 2_000_000_000)).toEqual({ linkable: false });
    expect(await findLinkableDossier(db, 0)).toEqual({ linkable: false });
    expect(await findLinkableDossier(db, Number.MAX_SAFE_INTEGER)).toEqual({ linkable: false });

    const instructeur = mine.instructeurs[0] as { instructeurId: number };
    const visible = await visibleLinkedDossiers(db, instructeur.instructeurId, [
      submitted.dossierId,
      elsewhere.dossierId,
      draft.dossierId,
      submitted.dossierId,
      -1,
    ]);
    expect([...visible]).toEqual([[submitted.dossierId, { demarcheId: mine.demarche.id }]]);
    expect(await visibleLinkedDossiers(db, instructeur.instructeurId, [])).toEqual(new Map());
  });
});
