/**
 * The batch message and avis request from the list, as a browser without JavaScript: a refused
 * request re-renders with its errors on its fields and what was typed; an accepted one starts the
 * batch; another instructeur gets 404 and nothing is created.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchOperations } from "../../../server/db/schema";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, pageText, signedIn, type Actor } from "../instructeur/helpers";

let server: TestServer;
let me: Actor;
let outsider: Actor;
let demarcheId: number;
let dossierId: number;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Messages en lot", instructeurEmails: ["lots-msg-http@exemple.fr"] });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  dossierId = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  const other = await buildDemarche(db, { instructeurEmails: ["lots-msg-http-ailleurs@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
}, 180_000);
afterAll(() => server?.stop());

const list = () => `/procedures/${demarcheId}?statut=tous`;
async function batchKinds() {
  return (
    await server.database.db
      .select({ kind: batchOperations.kind })
      .from(batchOperations)
      .where(eq(batchOperations.demarcheId, demarcheId))
  ).map((b) => b.kind);
}

describe("batch message and avis from the list", () => {
  it("offers both actions with their fields", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    const text = pageText(browser.lastHtml);
    for (const label of [
      "Message à chaque usager",
      "Adresses des experts",
      "Question posée aux experts",
      "Envoyer le message",
      "Demander un avis",
    ]) {
      expect(text).toContain(label);
    }
  });

  it("re-renders refusals on their fields, keeping what was typed", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    const response = await browser.post(list(), {
      intent: "demander_avis",
      dossiers: [String(dossierId)],
      emails: "pas-une-adresse",
      introduction: "Garder cette question",
    });
    expect(response.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("Adresses invalides : pas-une-adresse.");
    expect(browser.lastHtml).toMatch(/aria-describedby="lot-avis-emails-hint lot-avis-emails-error"/);
    expect(browser.lastHtml).toContain("Garder cette question");
    const empty = await browser.post(list(), { intent: "envoyer_message", dossiers: [String(dossierId)], body: " " });
    expect(empty.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("Écrivez le message à envoyer.");
    expect(await batchKinds()).toEqual([]);
  });

  it("starts a batch message", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    const response = await browser.post(list(), { intent: "envoyer_message", dossiers: [String(dossierId)], body: "Bonjour" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/lot=\d+/);
    expect(await batchKinds()).toEqual(["envoyer_message"]);
  });

  it("answers 404 to another instructeur; nothing is created", async () => {
    const before = await server.database.db.select({ n: count() }).from(batchOperations);
    const stranger = await signedIn(server, outsider.email);
    await stranger.get("/procedures");
    const response = await stranger.post(list(), { intent: "envoyer_message", dossiers: [String(dossierId)], body: "Bonjour" });
    expect(response.status).toBe(404);
    expect(await server.database.db.select({ n: count() }).from(batchOperations)).toEqual(before);
  });
});
