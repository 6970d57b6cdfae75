/**
 * The form editor's action dispatches on the posted intent: only the intents its buttons post have
 * a handler; anything else (including names every object inherits) is a 400 that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, newAdministrateur, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("form editor intents", () => {
  it("answers 400 to an intent no button posts, and changes nothing", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, {
      administrateurEmail: admin.email,
      champs: [{ type: "text", libelle: "Nom" }],
      instructeurEmails: [],
      published: false,
    });
    const page = `/admin/procedures/${demarche.id}/champs`;
    await browser.get(page);
    const [champ] = await draftChamps(db, demarche.id);
    const before = await snapshot(db);
    for (const intent of ["", "rename", "toString", "constructor", "__proto__", "hasOwnProperty"]) {
      const response = await browser.post(page, { intent, stableId: String(champ?.stableId) });
      expect(response.status, intent).toBe(400);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("still runs a known intent", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, {
      administrateurEmail: admin.email,
      champs: [{ type: "text", libelle: "Nom" }],
      instructeurEmails: [],
      published: false,
    });
    const page = `/admin/procedures/${demarche.id}/champs`;
    await browser.get(page);
    const [champ] = await draftChamps(db, demarche.id);
    const response = await browser.post(page, { intent: "duplicate", stableId: String(champ?.stableId) });
    expect(response.status).toBe(302);
    expect((await draftChamps(db, demarche.id)).map((c) => c.libelle)).toEqual(["Nom", "Nom"]);
  });
});
