/**
 * « Mes dossiers » search and filter (GET, no JavaScript, kept across tabs, empty state) and the
 * « Brouillons expirant bientôt » tab with its count and « Conserver plus longtemps » (issue 13
 * item 6); another usager gets 404 on the extension and nothing changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../../server/db/schema";
import { listUsagerDossiers } from "../../../server/queries/usager/list-dossiers";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { pageText } from "../../support/html";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const DAY = 86_400_000;

async function html(session: HttpSession, path: string) {
  const response = await session.get(path);
  expect(response.status).toBe(200);
  return response.text();
}

async function signedIn(email: string) {
  const session = new HttpSession(app.url);
  await session.signIn(email, FACTORY_PASSWORD);
  return session;
}

const rowLinks = (page: string) => [...page.matchAll(/href="\/dossiers\/(\d+)(?:\/brouillon)?"/g)].map((m) => Number(m[1]));

describe("search and filter in « Mes dossiers » (HTTP)", () => {
  it("searches by number or démarche libellé, filters by démarche, keeps both across tabs", async () => {
    const { db } = app.database;
    const { demarche: permis } = await buildDemarche(db, { libelle: "Permis de pêche lacustre" });
    const { demarche: subvention } = await buildDemarche(db, { libelle: "Subvention aux associations" });
    const { dossierId: a, usager } = await buildDossier(db, { demarche: permis, state: "en_construction" });
    const { dossierId: b } = await buildDossier(db, { demarche: subvention, usager, state: "en_construction" });
    const { dossierId: c } = await buildDossier(db, { demarche: subvention, usager });
    const owner = await signedIn(usager.email);

    const all = await html(owner, "/dossiers");
    expect(rowLinks(all).sort()).toEqual([a, b, c].sort());
    // The select lists the usager's démarches.
    expect(pageText(all)).toContain("Permis de pêche lacustre");
    expect(all).toContain(`<option value="${subvention.id}">Subvention aux associations</option>`);

    expect(rowLinks(await html(owner, "/dossiers?q=p%C3%AAche"))).toEqual([a]);
    expect(rowLinks(await html(owner, `/dossiers?q=${b}`))).toEqual([b]);
    const filtered = await html(owner, `/dossiers?demarche=${subvention.id}`);
    expect(rowLinks(filtered).sort()).toEqual([b, c].sort());
    // Kept in the tabs' links.
    expect(filtered).toContain(`href="/dossiers/supprimes?demarche=${subvention.id}"`);
    expect(filtered).toContain(`href="/dossiers/expirants?demarche=${subvention.id}"`);

    const none = await html(owner, "/dossiers?q=introuvable&demarche=abc");
    expect(rowLinks(none)).toEqual([]);
    expect(pageText(none)).toContain("Aucun dossier ne correspond à votre recherche.");
    // Wild characters are searched literally.
    expect(rowLinks(await html(owner, "/dossiers?q=%25"))).toEqual([]);
    // Too long: cut, said, never a 500.
    expect(pageText(await html(owner, `/dossiers?q=${"x".repeat(500)}`))).toContain("limitée à 200 caractères");

    // Another usager's dossiers never match, even by number.
    const other = await signedIn((await buildUser(db)).email);
    expect(rowLinks(await html(other, `/dossiers?q=${a}`))).toEqual([]);
  });

  it("pages through 1,000 dossiers with the search kept", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db, { libelle: "Démarche volumineuse" });
    const { dossierId, usager } = await buildDossier(db, { demarche });
    const [source] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!source) throw new Error("no dossier");
    const rows = Array.from({ length: 999 }, (_, i) => ({
      demarcheId: source.demarcheId,
      revisionId: source.revisionId,
      userId: usager.userId,
      updatedAt: new Date(Date.now() - i * 1000),
    }));
    await db.insert(dossiers).values(rows);
    const seen = new Set<number>();
    let cursor = null;
    for (let page = 0; page < 50; page++) {
      const result: Awaited<ReturnType<typeof listUsagerDossiers>> = await listUsagerDossiers(db, usager.userId, {
        cursor,
        filter: { q: "volumineuse", demarcheId: demarche.id },
        limit: 100,
      });
      for (const d of result.dossiers) seen.add(d.id);
      if (!result.nextCursor) break;
      const { decodeCursor } = await import("../../../server/queries/usager/cursor");
      cursor = decodeCursor(result.nextCursor);
    }
    expect(seen.size).toBe(1000);
    const owner = await signedIn(usager.email);
    const first = await html(owner, `/dossiers?q=volumineuse&demarche=${demarche.id}`);
    expect(rowLinks(first)).toHaveLength(25);
    expect(first).toMatch(new RegExp(`href="/dossiers\\?q=volumineuse&amp;demarche=${demarche.id}&amp;cursor=`));
  });
});

describe("« Brouillons expirant bientôt » (HTTP)", () => {
  it("lists the brouillons expiring within 2 weeks with their count, and keeps one longer; owner-only", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId: expiring, usager } = await buildDossier(db, { demarche });
    const { dossierId: fresh } = await buildDossier(db, { demarche, usager });
    const old = new Date(Date.now() - 85 * DAY);
    await db
      .update(dossiers)
      .set({ lastChampUpdatedAt: old, identityUpdatedAt: old, updatedAt: old })
      .where(eq(dossiers.id, expiring));
    const owner = await signedIn(usager.email);
    const list = await html(owner, "/dossiers");
    expect(pageText(list)).toContain("Brouillons expirant bientôt (1)");
    const page = await html(owner, "/dossiers/expirants");
    expect(page).toContain(`name="dossier" value="${expiring}"`);
    expect(page).not.toContain(`name="dossier" value="${fresh}"`);

    const intruder = await signedIn((await buildUser(db)).email);
    await intruder.get("/dossiers/expirants");
    expect(pageText(intruder.lastHtml)).toContain("Brouillons expirant bientôt (0)");
    expect((await intruder.post("/dossiers/expirants", { dossier: String(expiring) })).status).toBe(404);
    const [untouched] = await db.select().from(dossiers).where(eq(dossiers.id, expiring));
    expect(untouched?.conservationExtension).toBe(0);

    // Far from expiry: a specific refusal.
    await owner.get("/dossiers/expirants");
    const refused = await owner.post("/dossiers/expirants", { dossier: String(fresh) });
    expect(refused.status).toBe(422);
    expect(pageText(await refused.text())).toContain("n’arrive pas encore à la fin de sa durée de conservation");

    const done = await owner.post("/dossiers/expirants", { dossier: String(expiring) });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/dossiers/expirants?conserve=${expiring}`);
    const [extended] = await db.select().from(dossiers).where(eq(dossiers.id, expiring));
    expect(extended?.conservationExtension).toBeGreaterThan(0);
    const after = await html(owner, `/dossiers/expirants?conserve=${expiring}`);
    expect(after).not.toContain(`name="dossier" value="${expiring}"`);
    expect(pageText(after)).toContain("Brouillons expirant bientôt (0)");
  });
});
