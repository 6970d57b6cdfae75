/**
 * The batch form's justificatif through HTTP, as a browser without JavaScript (multipart POST to
 * the list): stored once, every accepted dossier serves it (its usager downloads it); a refused
 * file starts nothing and says why; another démarche's instructeur gets 404 and nothing is stored.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, batchOperations, dossiers } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES, TEXT_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { attachmentRows, startFileServer, storedObjects } from "../files/support";
import { pageText } from "../instructeur/helpers";

let server: TestServer & { storageDir: string };
let demarcheId: number;
let demarche: Awaited<ReturnType<typeof buildDemarche>>["demarche"];
const titulaire = "lots-justif-http@exemple.fr";
const autre = "lots-justif-http-ailleurs@exemple.fr";
let usager: { userId: number; email: string };

beforeAll(async () => {
  server = await startFileServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Lots justificatif HTTP", instructeurEmails: [titulaire] });
  demarche = built.demarche;
  demarcheId = built.demarche.id;
  usager = await buildUser(db, [], "usager-lots-justif@exemple.fr");
  await buildDemarche(db, { instructeurEmails: [autre] });
}, 120_000);
afterAll(() => server?.stop());

const list = () => `/procedures/${demarcheId}?statut=tous`;

async function signedIn(email: string) {
  const session = new HttpSession(server.url);
  await session.signIn(email, FACTORY_PASSWORD);
  await session.get(list());
  return session;
}

async function enInstruction(n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await buildDossier(server.database.db, { demarche, usager, state: "en_instruction" })).dossierId);
  return ids;
}

function batchForm(intent: string, ids: number[], motivation: string, file?: { filename: string; bytes: Buffer }) {
  const form = new FormData();
  form.append("motivation", motivation);
  if (file) form.append("justificatif", new Blob([new Uint8Array(file.bytes)]), file.filename);
  else form.append("justificatif", new Blob([]), "");
  for (const id of ids) form.append("dossiers", String(id));
  form.append("intent", intent);
  return form;
}

const batchCount = async () => Number((await server.database.db.select({ n: count() }).from(batchOperations))[0]?.n ?? 0);
const justificatifsOf = (ids: number[]) =>
  server.database.db
    .select()
    .from(attachments)
    .where(and(inArray(attachments.dossierId, ids), eq(attachments.purpose, "justificatif")));

describe("the batch form's justificatif", () => {
  it("is a multipart form with an optional file input", async () => {
    await enInstruction(1);
    const browser = await signedIn(titulaire);
    expect(browser.lastHtml).toMatch(/<form[^>]*id="lot-form"[^>]*>/);
    const formTag = browser.lastHtml.match(/<form[^>]*id="lot-form"[^>]*>/)?.[0] ?? "";
    expect(formTag).toMatch(/enctype="multipart\/form-data"/i);
    expect(browser.lastHtml).toMatch(/<input[^>]*type="file"[^>]*id="lot-justificatif"[^>]*name="justificatif"/);
  });

  it("is stored once and given to every accepted dossier; the usager downloads it", async () => {
    const ids = await enInstruction(3);
    const browser = await signedIn(titulaire);
    const objects = (await storedObjects(server.storageDir)).length;
    const response = await browser.postFormData(
      list(),
      batchForm("accepter", ids, "Complet", { filename: "arrêté collectif.pdf", bytes: PDF_BYTES }),
    );
    expect(response.status).toBe(302);
    expect(await storedObjects(server.storageDir)).toHaveLength(objects + 1);
    await server.runJobs();
    const states = await server.database.db.select({ state: dossiers.state }).from(dossiers).where(inArray(dossiers.id, ids));
    expect(states.map((s) => s.state)).toEqual(["accepte", "accepte", "accepte"]);
    const rows = await justificatifsOf(ids);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(1);
    expect(rows[0]).toMatchObject({ filename: "arrêté collectif.pdf", contentType: "application/pdf" });

    const owner = new HttpSession(server.url);
    await owner.signIn(usager.email, FACTORY_PASSWORD);
    for (const row of rows) {
      await owner.get(`/dossiers/${row.dossierId}`);
      expect(owner.lastHtml).toContain(`href="/pieces-jointes/${row.id}"`);
      const download = await owner.get(`/pieces-jointes/${row.id}`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    }
  });

  it("refuses a file of a refused format: nothing started, the message beside the input, the motivation kept", async () => {
    const ids = await enInstruction(1);
    const browser = await signedIn(titulaire);
    const before = await batchCount();
    const response = await browser.postFormData(
      list(),
      batchForm("refuser", ids, "Hors délai", { filename: "refus.pdf", bytes: TEXT_BYTES }),
    );
    expect(response.status).toBe(422);
    expect(await batchCount()).toBe(before);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Le justificatif « refus.pdf » n’est pas d’un format accepté.");
    expect(browser.lastHtml).toContain('aria-describedby="lot-justificatif-hint lot-justificatif-error"');
    expect(browser.lastHtml).toContain("Hors délai");
    expect(await justificatifsOf(ids)).toEqual([]);
  });

  it("answers 404 to another démarche's instructeur; nothing is stored nor started", async () => {
    const ids = await enInstruction(1);
    const stranger = new HttpSession(server.url);
    await stranger.signIn(autre, FACTORY_PASSWORD);
    await stranger.get("/procedures");
    const before = { batches: await batchCount(), rows: (await attachmentRows(server.database.db)).length };
    const objects = await storedObjects(server.storageDir);
    const response = await stranger.postFormData(list(), batchForm("accepter", ids, "", { filename: "a.pdf", bytes: PDF_BYTES }));
    expect(response.status).toBe(404);
    expect(await batchCount()).toBe(before.batches);
    expect((await attachmentRows(server.database.db)).length).toBe(before.rows);
    expect(await storedObjects(server.storageDir)).toEqual(objects);
    const [row] = await server.database.db
      .select({ state: dossiers.state })
      .from(dossiers)
      .where(eq(dossiers.id, ids[0] as number));
    expect(row?.state).toBe("en_instruction");
  });
});
