/**
 * « Dupliquer » in the form editor, without JavaScript: the copy lands right after the original
 * with a new stable id and the same settings; a block is copied with its children; someone else's
 * démarche is a 404 and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, location, newAdministrateur, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("duplicating a field", () => {
  it("copies a field right after it, and a block with its children", async () => {
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(server.database.db, {
      administrateurEmail: admin.email,
      published: false,
      champs: [
        { type: "text", libelle: "Nom", description: "Votre nom d’usage", mandatory: false },
        { type: "repetition", libelle: "Enfants", children: [{ type: "date", libelle: "Date de naissance" }] },
        { type: "yes_no", libelle: "Dernier" },
      ],
    });
    const page = `/admin/procedures/${demarche.id}/champs`;
    const before = await draftChamps(server.database.db, demarche.id);
    const nom = before.find((c) => c.libelle === "Nom");
    const block = before.find((c) => c.libelle === "Enfants");
    await browser.get(page);

    let response = await browser.post(page, { intent: "duplicate", stableId: String(nom?.stableId) });
    const copyId = Number(location(response).split("#champ-")[1]);
    expect(copyId).not.toBe(nom?.stableId);
    let after = await draftChamps(server.database.db, demarche.id);
    expect(after.filter((c) => c.parentStableId === null).map((c) => c.libelle)).toEqual(["Nom", "Nom", "Enfants", "Dernier"]);
    const copy = after.find((c) => c.stableId === copyId);
    expect(copy).toMatchObject({ type: "text", description: "Votre nom d’usage", mandatory: false });

    await browser.get(page);
    response = await browser.post(page, { intent: "duplicate", stableId: String(block?.stableId) });
    const blockCopyId = Number(location(response).split("#champ-")[1]);
    after = await draftChamps(server.database.db, demarche.id);
    expect(after.filter((c) => c.parentStableId === null).map((c) => c.libelle)).toEqual([
      "Nom",
      "Nom",
      "Enfants",
      "Enfants",
      "Dernier",
    ]);
    const children = after.filter((c) => c.parentStableId === blockCopyId);
    expect(children.map((c) => c.libelle)).toEqual(["Date de naissance"]);
    expect(children[0]?.stableId).not.toBe(after.find((c) => c.parentStableId === block?.stableId)?.stableId);
  });

  it("gives 404 on someone else's démarche and changes nothing", async () => {
    const { admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(server.database.db, { administrateurEmail: admin.email, published: false });
    const [champ] = await draftChamps(server.database.db, demarche.id);
    const { browser: intruder } = await newAdministrateur(server);
    await intruder.get("/admin/procedures");
    const before = await snapshot(server.database.db);
    const response = await intruder.post(`/admin/procedures/${demarche.id}/champs`, {
      intent: "duplicate",
      stableId: String(champ?.stableId),
    });
    expect(response.status).toBe(404);
    expect(await snapshot(server.database.db)).toEqual(before);
  });
});
