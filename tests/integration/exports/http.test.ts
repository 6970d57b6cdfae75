/**
 * Exports over HTTP, without JavaScript: the list's « Télécharger les dossiers » form, the request
 * (and its reuse), the jobs, the e-mail, the streamed download with its headers, opened with
 * exceljs; only the requester downloads (anyone else: 404); bad input is refused with a message;
 * a purged export's link says it has expired.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exports, mailboxMessages } from "../../../server/db/schema";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { purgeStaleExports } from "../../../server/jobs/purge-exports.job";
import { assignToDefaultGroupe, buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { signedIn } from "../instructeur/helpers";
import { readXlsx } from "./readers";

let server: TestServer;
let storageDir: string;
let demarcheId: number;
let instructeurEmail: string;
let colleagueEmail: string;
let dossierId: number;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-exports-http-"));
  server = await startTestServer({ storage: { backend: "local", dir: storageDir } });
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Montant" },
    ],
  });
  demarcheId = built.demarche.id;
  instructeurEmail = built.instructeurs[0]?.email as string;
  const colleague = await buildUser(db, ["instructeur"]);
  await assignToDefaultGroupe(db, demarcheId, colleague.instructeurId as number);
  colleagueEmail = colleague.email;
  ({ dossierId } = await buildDossier(db, {
    demarche: built.demarche,
    state: "en_construction",
    values: { "Nom du projet": "Jardin partagé", Montant: "1500" },
  }));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

describe("exports over HTTP", () => {
  it("requests an XLSX export from the list, reuses it, e-mails when ready, streams it to its requester only", async () => {
    const browser = await signedIn(server, instructeurEmail);
    const list = await browser.get(`/procedures/${demarcheId}?statut=tous`);
    const html = await list.text();
    expect(html).toContain("Télécharger les dossiers");
    expect(html).toContain(`action="/procedures/${demarcheId}/exports"`);

    const fields = { format: "xlsx", statut: "tous", periode: "tout" };
    const first = await browser.post(`/procedures/${demarcheId}/exports`, fields);
    expect(first.status).toBe(302);
    const location = first.headers.get("location") as string;
    expect(location).toMatch(new RegExp(`^/procedures/${demarcheId}/exports\\?demande=\\d+$`));
    const exportId = Number(new URL(location, server.url).searchParams.get("demande"));

    const page = await browser.get(location);
    expect(await page.text()).toContain("L’export est en préparation");
    const second = await browser.post(`/procedures/${demarcheId}/exports`, fields);
    expect(second.headers.get("location")).toBe(`/procedures/${demarcheId}/exports?demande=${exportId}&reutilise=1`);
    expect(await server.database.db.select().from(exports)).toHaveLength(1);

    // Not ready yet: the link says so.
    const early = await browser.get(`/procedures/${demarcheId}/exports/${exportId}/fichier`);
    expect(early.status).toBe(404);
    expect(await early.text()).toMatch(/<h1>Cet export n’est pas encore prêt<\/h1>/);

    await server.runJobs();
    await server.runJobs();
    const mails = await server.database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, instructeurEmail));
    const ready = mails.find((m) => m.subject.includes("Votre export de 1 dossier est prêt"));
    expect(ready?.text).toContain(`/procedures/${demarcheId}/exports`);

    const downloads = await browser.get(`/procedures/${demarcheId}/exports`);
    expect(await downloads.text()).toContain(`href="/procedures/${demarcheId}/exports/${exportId}/fichier"`);

    const file = await browser.get(`/procedures/${demarcheId}/exports/${exportId}/fichier`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(file.headers.get("content-length")).toBe(String(bytes.length));
    expect(file.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="dossiers_${demarcheId}_[^"]+\\.xlsx"; filename\\*=UTF-8''dossiers_${demarcheId}_`),
    );
    const workbook = await readXlsx(bytes);
    const sheet = workbook.getWorksheet("Dossiers");
    const headers = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    expect(headers).toContain("Montant");
    expect(sheet?.getRow(2).getCell(1).value).toBe(dossierId);
    expect(sheet?.getRow(2).getCell(headers.indexOf("Montant") + 1).value).toBe(1500);

    // A colleague of the same groupe: the export is not theirs.
    const colleague = await signedIn(server, colleagueEmail);
    const stolen = await colleague.get(`/procedures/${demarcheId}/exports/${exportId}/fichier`);
    expect(stolen.status).toBe(404);
    expect(stolen.headers.get("content-disposition")).toBeNull();
    const stolenHtml = await stolen.text();
    expect(stolenHtml).not.toContain('data-testid="export-unavailable"');
    expect(stolenHtml).toContain("Page introuvable");
    // Signed out: nothing either.
    const anonymous = await fetch(`${server.url}/procedures/${demarcheId}/exports/${exportId}/fichier`, { redirect: "manual" });
    expect(anonymous.headers.get("content-disposition")).toBeNull();
    expect([302, 303, 404]).toContain(anonymous.status);

    // Purged after 32 hours: the requester's link says it has expired.
    await purgeStaleExports(server.database.db, createLocalStorage(storageDir), new Date(Date.now() + 33 * 3600 * 1000));
    const expired = await browser.get(`/procedures/${demarcheId}/exports/${exportId}/fichier`);
    expect(expired.status).toBe(404);
    const expiredHtml = await expired.text();
    expect(expiredHtml).toContain('data-testid="export-unavailable"');
    expect(expiredHtml).toMatch(/<h1>Cet export n’est plus disponible<\/h1>/);
  });

  it("refuses an unknown format and a tab that does not exist, with a message, and keeps the choices", async () => {
    const browser = await signedIn(server, instructeurEmail);
    await browser.get(`/procedures/${demarcheId}/exports`);
    const badFormat = await browser.post(`/procedures/${demarcheId}/exports`, { format: "pdf", statut: "tous" });
    expect(badFormat.status).toBe(422);
    expect(await badFormat.text()).toContain("Choisissez un format parmi ceux proposés.");
    await browser.get(`/procedures/${demarcheId}/exports`);
    const badTab = await browser.post(`/procedures/${demarcheId}/exports`, { format: "csv", statut: "brouillons" });
    expect(badTab.status).toBe(422);
    const html = await badTab.text();
    expect(html).toContain("Cet onglet n’existe pas");
    expect(html).toMatch(/id="export-page-format-csv"[^>]*checked/);
  });

  it("an instructeur of another démarche gets 404 on the form and on its downloads page", async () => {
    const stranger = await buildUser(server.database.db, ["instructeur"]);
    const browser = await signedIn(server, stranger.email);
    expect((await browser.get(`/procedures/${demarcheId}/exports`)).status).toBe(404);
    await browser.get("/procedures");
    const post = await browser.post(`/procedures/${demarcheId}/exports`, { format: "csv", statut: "tous" });
    expect(post.status).toBe(404);
  });
});
