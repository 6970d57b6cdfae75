/**
 * Batch operations through HTTP as a browser without JavaScript: the list's checkboxes post to the
 * list, the batch runs in the job, the list shows its progress then its per-dossier results, and
 * the report can be hidden. A refused batch re-renders with what was checked and typed. Another
 * instructeur (or a dossier of another démarche) gets 404 and nothing is created.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchOperations } from "../../../server/db/schema";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, pageText, signedIn, type Actor } from "../instructeur/helpers";

let server: TestServer;
let me: Actor;
let outsider: Actor;
let demarcheId: number;
const enInstruction: number[] = [];
let enConstruction: number;
let foreignDossier: number;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Lots HTTP", instructeurEmails: ["lots-http@exemple.fr"] });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  for (let i = 0; i < 3; i++) {
    enInstruction.push(
      (await buildDossier(db, { demarche: built.demarche, state: "en_instruction", instructeur: me })).dossierId,
    );
  }
  enConstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  const other = await buildDemarche(db, { libelle: "Lots ailleurs", instructeurEmails: ["lots-http-ailleurs@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
  foreignDossier = (await buildDossier(db, { demarche: other.demarche, state: "en_construction" })).dossierId;
}, 180_000);
afterAll(() => server?.stop());

async function batchCount() {
  const [row] = await server.database.db.select({ n: count() }).from(batchOperations);
  return Number(row?.n ?? 0);
}

const list = () => `/procedures/${demarcheId}?statut=tous`;

describe("batch operations on the list, without JavaScript", () => {
  it("shows a checkbox per row and the action bar, and a link that checks the whole page", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    for (const id of [...enInstruction, enConstruction]) {
      expect(browser.lastHtml).toMatch(new RegExp(`name="dossiers" value="${id}"`));
    }
    expect(pageText(browser.lastHtml)).toContain("Actions sur plusieurs dossiers");
    await browser.get(`${list()}&selection=page`);
    expect(browser.lastHtml.match(/name="dossiers" checked="" value="\d+"/g)?.length).toBe(4);
  });

  it("re-renders a refused batch with what was checked and typed", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    const response = await browser.post(list(), { intent: "refuser", dossiers: [String(enInstruction[0])], motivation: "" });
    expect(response.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("La motivation est obligatoire pour cette décision.");
    expect(browser.lastHtml).toMatch(new RegExp(`name="dossiers" checked="" value="${enInstruction[0]}"`));
    await browser.post(list(), { intent: "accepter", motivation: "Garder ce texte" });
    expect(pageText(browser.lastHtml)).toContain("Sélectionnez au moins un dossier.");
    expect(browser.lastHtml).toContain("Garder ce texte");
    expect(await batchCount()).toBe(0);
  });

  it("answers 404 to another instructeur and for another démarche's dossier; nothing is created", async () => {
    const stranger = await signedIn(server, outsider.email);
    await stranger.get("/procedures");
    const response = await stranger.post(list(), { intent: "suivre", dossiers: [String(enInstruction[0])] });
    expect(response.status).toBe(404);
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    const foreign = await browser.post(list(), {
      intent: "suivre",
      dossiers: [String(enInstruction[0]), String(foreignDossier)],
    });
    expect(foreign.status).toBe(404);
    const garbage = await browser.post(list(), { intent: "suivre", dossiers: ["abc"] });
    expect(garbage.status).toBe(404);
    expect(await batchCount()).toBe(0);
  });

  it("accepts the checked dossiers in the background, shows progress, then each result, and hides the report", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(list());
    const response = await browser.post(list(), {
      intent: "accepter",
      dossiers: [...enInstruction, enConstruction].map(String),
      motivation: "Dossier complet.",
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("location") as string;
    expect(location).toMatch(/statut=tous&lot=\d+$/);
    await browser.get(location);
    let text = pageText(browser.lastHtml);
    expect(text).toContain("L’action a été lancée sur les dossiers sélectionnés");
    expect(text).toContain("Accepter · En cours");
    expect(text).toContain("0 / 4");
    expect(text).toContain("Actualiser");

    // The same dossiers cannot join another batch while this one runs.
    const busy = await browser.post(list(), { intent: "suivre", dossiers: [String(enConstruction)] });
    expect(busy.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain(`Le dossier n° ${enConstruction} fait déjà partie d’une action en cours`);

    await server.runJobs();
    await browser.get(list());
    text = pageText(browser.lastHtml);
    expect(text).toContain("Accepter · Terminée");
    expect(text).toContain("4 / 4");
    expect(text).toContain(`3 dossiers traités avec succès : ${enInstruction.join(", ")}`);
    expect(text).toContain(`Dossier n° ${enConstruction} : cette action n’est pas possible dans l’état actuel du dossier`);
    const batchId = Number(location.match(/lot=(\d+)/)?.[1]);
    const dismissed = await browser.post(list(), { intent: "lot_masquer", lot: String(batchId) });
    expect(dismissed.status).toBe(302);
    await browser.get(dismissed.headers.get("location") as string);
    expect(pageText(browser.lastHtml)).toContain("Le compte rendu a été masqué.");
    expect(pageText(browser.lastHtml)).not.toContain("Accepter · Terminée");

    // Another instructeur cannot hide (or see) it.
    const stranger = await signedIn(server, outsider.email);
    await stranger.get("/procedures");
    expect((await stranger.post(list(), { intent: "lot_masquer", lot: String(batchId) })).status).toBe(404);
  });
});
