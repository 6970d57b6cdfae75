/**
 * Instructeur monthly archives over HTTP, without JavaScript (`/procedures/:id/archives`): an
 * instructeur lists the months of THEIR groupes' decided dossiers, asks for one (POST + redirect),
 * the job generates a zip holding only those dossiers, the e-mail (month in words) links to their
 * page, the download streams the zip. A colleague with exactly the same groupes shares the archive;
 * an instructeur of another groupe, of another démarche, the démarche's administrateur and anyone
 * signed out get 404 on the page, the POST and the file, and nothing changes. The démarche's
 * history lists the request and the generation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  archives,
  dossiers,
  events,
  groupeInstructeurMembers,
  groupesInstructeurs,
  mailboxMessages,
} from "../../../server/db/schema";
import { loadDemarcheHistory } from "../../../server/queries/admin/administrateurs";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { readZip } from "../exports/readers";
import { signedIn } from "../instructeur/helpers";

let server: TestServer;
let storageDir: string;
let demarcheId: number;
let administrateurId: number;
let adminEmail: string;
let mine: string;
let colleague: string;
let otherGroupe: string;
let otherDemarche: string;
let myDossier: number;
let theirDossier: number;

const page = () => `/procedures/${demarcheId}/archives`;

async function jobCount() {
  const { rows } = await server.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from graphile_worker._private_jobs`,
  );
  return rows[0]?.n;
}

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-archives-instructeur-"));
  server = await startTestServer({ storage: { backend: "local", dir: storageDir } });
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [{ type: "text", libelle: "Nom du projet" }],
    instructeurEmails: ["archives-a@exemple.fr", "archives-c@exemple.fr", "archives-b@exemple.fr"],
  });
  demarcheId = built.demarche.id;
  administrateurId = built.administrateurId;
  adminEmail = built.admin.email;
  [mine, colleague, otherGroupe] = built.instructeurs.map((i) => i.email) as [string, string, string];
  ({ dossierId: myDossier } = await buildDossier(db, { demarche: built.demarche, state: "accepte" }));
  ({ dossierId: theirDossier } = await buildDossier(db, { demarche: built.demarche, state: "refuse" }));
  await db
    .update(dossiers)
    .set({ processedAt: new Date("2026-03-10T10:00:00Z") })
    .where(eq(dossiers.demarcheId, demarcheId));
  // A second groupe: the third instructeur and the second dossier move there.
  const [groupe] = await db
    .insert(groupesInstructeurs)
    .values({ demarcheId, label: "Nord" })
    .returning({ id: groupesInstructeurs.id });
  const b = built.instructeurs[2]?.instructeurId as number;
  await db.delete(groupeInstructeurMembers).where(eq(groupeInstructeurMembers.instructeurId, b));
  await db.insert(groupeInstructeurMembers).values({ groupeInstructeurId: groupe?.id as number, instructeurId: b });
  await db
    .update(dossiers)
    .set({ groupeInstructeurId: groupe?.id as number })
    .where(eq(dossiers.id, theirDossier));
  otherDemarche = (await buildDemarche(db)).instructeurs[0]?.email as string;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

describe("instructeur archives over HTTP", () => {
  it("out of scope: 404 on the page and the POST, nothing written", async () => {
    for (const email of [otherDemarche, adminEmail]) {
      const browser = await signedIn(server, email);
      expect((await browser.get(page())).status).toBe(404);
      const jobsBefore = await jobCount();
      expect((await browser.post(page(), { month: "2026-03" })).status).toBe(404);
      expect(await jobCount()).toBe(jobsBefore);
    }
    expect(await server.database.db.select().from(archives)).toHaveLength(0);
  });

  it("asks for the month of its groupes' dossiers, downloads the zip; shared by the same groupes only", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, mine);
    const list = await browser.get(`/procedures/${demarcheId}`);
    expect(await list.text()).toContain(`href="/procedures/${demarcheId}/archives"`);
    const html = await (await browser.get(page())).text();
    expect(html).toContain("mars 2026");
    // One dossier of its groupe, not the other groupe's.
    expect(html).toContain("1 dossier<");
    expect(html).toContain('name="month" value="2026-03"');

    const bad = await browser.post(page(), { month: "2025-01" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Aucun dossier n’a été terminé ce mois-ci.");
    const malformed = await browser.post(page(), { month: "mars" });
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toContain("Ce mois n’est pas valide.");

    await browser.get(page());
    const asked = await browser.post(page(), { month: "2026-03" });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("location")).toBe(`${page()}?notice=requested#mois-2026-03`);
    const [row] = await db.select().from(archives);
    expect(row).toMatchObject({ groupeIds: expect.any(Array), requestedByAdministrateurId: null, totalCount: 1 });
    const archiveId = row?.id as number;
    const link = `/procedures/${demarcheId}/archives/${archiveId}/fichier`;

    // The colleague with the same groupes finds it (reused), the other groupe's instructeur cannot.
    const same = await signedIn(server, colleague);
    await same.get(page());
    const reused = await same.post(page(), { month: "2026-03" });
    expect(reused.headers.get("location")).toBe(`${page()}?notice=reused#mois-2026-03`);
    expect(await db.select().from(archives)).toHaveLength(1);

    await server.runJobs();
    await server.runJobs();
    const mails = await db.select().from(mailboxMessages).where(eq(mailboxMessages.to, mine));
    const ready = mails.find((m) => m.subject.includes("L’archive de mars 2026 est prête"));
    expect(ready?.text).toContain(`${page()}`);
    expect(ready?.text).not.toContain("/admin/");
    expect(await (await browser.get(page())).text()).toContain(`href="${link}"`);

    const file = await browser.get(link);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/zip");
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
    const entries = await readZip(bytes);
    expect([...entries.keys()]).toEqual([`dossier-${myDossier}/dossier.json`]);
    expect((await same.get(link)).status).toBe(200);

    // Another groupe, another démarche, the administrateur, anyone signed out: 404, no file.
    const other = await signedIn(server, otherGroupe);
    const otherPage = await (await other.get(page())).text();
    expect(otherPage).not.toContain(`href="${link}"`);
    expect(otherPage).toContain('name="month" value="2026-03"');
    for (const email of [otherGroupe, otherDemarche, adminEmail]) {
      const stolen = await (await signedIn(server, email)).get(link);
      expect(stolen.status).toBe(404);
      expect(stolen.headers.get("content-disposition")).toBeNull();
      expect(await stolen.text()).not.toContain('data-testid="archive-unavailable"');
    }
    // Nor through the administrateur's download path.
    const viaAdmin = await (await signedIn(server, adminEmail)).get(
      `/admin/procedures/${demarcheId}/archives/${archiveId}/fichier`,
    );
    expect(viaAdmin.status).toBe(404);
    expect(viaAdmin.headers.get("content-disposition")).toBeNull();
    const anonymous = await fetch(`${server.url}${link}`, { redirect: "manual" });
    expect(anonymous.headers.get("content-disposition")).toBeNull();

    // The other groupe's own archive holds only its dossier.
    await other.post(page(), { month: "2026-03" });
    await server.runJobs();
    const [theirs] = await db
      .select()
      .from(archives)
      .where(and(eq(archives.demarcheId, demarcheId), sql`${archives.id} <> ${archiveId}`));
    expect(theirs).toMatchObject({ state: "generated", totalCount: 1 });
    const theirFile = await other.get(`/procedures/${demarcheId}/archives/${theirs?.id}/fichier`);
    expect([...(await readZip(Buffer.from(await theirFile.arrayBuffer()))).keys()]).toEqual([
      `dossier-${theirDossier}/dossier.json`,
    ]);
    expect((await browser.get(`/procedures/${demarcheId}/archives/${theirs?.id}/fichier`)).status).toBe(404);
  });

  it("the démarche's history lists archive requests and generations, in words", async () => {
    const kinds = await server.database.db
      .select({ kind: events.kind, payload: events.payload })
      .from(events)
      .where(eq(events.demarcheId, demarcheId));
    expect(kinds.filter((e) => e.kind === "demarche.archive_demandee")).toHaveLength(2);
    const history = await loadDemarcheHistory(server.database.db, administrateurId, demarcheId, null);
    expect(history.entries.filter((e) => e.month === "2026-03").map((e) => [e.kind, e.change])).toEqual([
      ["demarche.archive_generee", "groupes"],
      ["demarche.archive_demandee", "groupes"],
      ["demarche.archive_generee", "groupes"],
      ["demarche.archive_demandee", "groupes"],
    ]);
    const admin = await signedIn(server, adminEmail);
    const html = await (await admin.get(`/admin/procedures/${demarcheId}/historique`)).text();
    expect(html).toContain("a demandé l’archive de mars 2026 des dossiers de ses groupes instructeurs");
    expect(html).toContain("a préparé l’archive de mars 2026");
    expect(html).toContain(mine);
  });
});
