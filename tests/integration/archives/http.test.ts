/**
 * Monthly archives over HTTP, without JavaScript: the administrateur's archives page lists the
 * months, its form asks for one (POST + redirect), the job generates it, the e-mail arrives, the
 * download streams the zip with its headers (read back with yauzl); another administrateur, an
 * instructeur of the démarche and anyone signed out get 404 and change nothing; a purged archive's
 * link says it has expired.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archives, dossiers, mailboxMessages } from "../../../server/db/schema";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { purgeStaleArchives } from "../../../server/jobs/purge-archives.job";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { readZip } from "../exports/readers";
import { signedIn } from "../instructeur/helpers";

let server: TestServer;
let storageDir: string;
let demarcheId: number;
let adminEmail: string;
let instructeurEmail: string;
let outsiderEmail: string;
let dossierId: number;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-archives-http-"));
  server = await startTestServer({ storage: { backend: "local", dir: storageDir } });
  const { db } = server.database;
  const built = await buildDemarche(db, { champs: [{ type: "text", libelle: "Nom du projet" }] });
  demarcheId = built.demarche.id;
  adminEmail = built.admin.email;
  instructeurEmail = built.instructeurs[0]?.email as string;
  ({ dossierId } = await buildDossier(db, { demarche: built.demarche, state: "accepte", values: { "Nom du projet": "Jardin" } }));
  await db
    .update(dossiers)
    .set({ processedAt: new Date("2026-02-10T10:00:00Z") })
    .where(eq(dossiers.id, dossierId));
  outsiderEmail = (await buildUser(server.database.db, ["administrateur"])).email;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

describe("archives over HTTP", () => {
  it("lists the months, asks for one, e-mails when ready and streams the zip to the démarche's administrateurs only", async () => {
    const outsider = await signedIn(server, outsiderEmail);
    expect((await outsider.get(`/admin/procedures/${demarcheId}/archives`)).status).toBe(404);
    const refusedPost = await outsider.post(`/admin/procedures/${demarcheId}/archives`, { month: "2026-02" });
    expect(refusedPost.status).toBe(404);
    expect(await server.database.db.select().from(archives)).toHaveLength(0);

    const browser = await signedIn(server, adminEmail);
    const overview = await browser.get(`/admin/procedures/${demarcheId}`);
    expect(await overview.text()).toContain(`href="/admin/procedures/${demarcheId}/archives"`);
    const page = await browser.get(`/admin/procedures/${demarcheId}/archives`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("février 2026");
    expect(html).toContain("1 dossier");
    expect(html).toContain('name="month" value="2026-02"');

    const bad = await browser.post(`/admin/procedures/${demarcheId}/archives`, { month: "2025-01" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Aucun dossier n’a été terminé ce mois-ci.");

    await browser.get(`/admin/procedures/${demarcheId}/archives`);
    const asked = await browser.post(`/admin/procedures/${demarcheId}/archives`, { month: "2026-02" });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe(`/admin/procedures/${demarcheId}/archives?notice=requested#mois-2026-02`);
    const [row] = await server.database.db.select().from(archives);
    const archiveId = row?.id as number;
    const link = `/admin/procedures/${demarcheId}/archives/${archiveId}/fichier`;
    const early = await browser.get(link);
    expect(early.status).toBe(404);
    expect(await early.text()).toContain('data-testid="archive-unavailable"');

    await server.runJobs();
    await server.runJobs();
    const mails = await server.database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, adminEmail));
    const ready = mails.find((m) => m.subject.includes("L’archive de février 2026 est prête"));
    expect(ready?.text).toContain(`/admin/procedures/${demarcheId}/archives`);
    expect(await (await browser.get(`/admin/procedures/${demarcheId}/archives`)).text()).toContain(`href="${link}"`);

    const file = await browser.get(link);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/zip");
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(file.headers.get("content-length")).toBe(String(bytes.length));
    expect(file.headers.get("content-disposition")).toContain(`filename="archive_${demarcheId}_2026-02.zip"`);
    const entries = await readZip(bytes);
    expect([...entries.keys()]).toEqual([`dossier-${dossierId}/dossier.json`]);

    // Not for another administrateur, an instructeur of the démarche, or anyone signed out.
    for (const other of [outsider, await signedIn(server, instructeurEmail)]) {
      const stolen = await other.get(link);
      expect(stolen.status).toBe(404);
      expect(stolen.headers.get("content-disposition")).toBeNull();
      expect(await stolen.text()).not.toContain('data-testid="archive-unavailable"');
    }
    const anonymous = await fetch(`${server.url}${link}`, { redirect: "manual" });
    expect(anonymous.headers.get("content-disposition")).toBeNull();
    expect([302, 303, 404]).toContain(anonymous.status);

    await purgeStaleArchives(server.database.db, createLocalStorage(storageDir), new Date(Date.now() + 5 * 24 * 3600 * 1000));
    const expired = await browser.get(link);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain("Archive expirée");
  });
});
