/**
 * The statistics over HTTP: the public JSON API (opendata on/off, unknown démarche, cache headers),
 * the public pages, and who may open the instructeur's and administrateur's pages (others: 404).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { pageText } from "../../support/html";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
let open: Awaited<ReturnType<typeof buildDemarche>>;
let closed: Awaited<ReturnType<typeof buildDemarche>>;
let draft: Awaited<ReturnType<typeof buildDemarche>>;

async function signedIn(email: string) {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, FACTORY_PASSWORD);
  return browser;
}

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  open = await buildDemarche(db, { libelle: "Démarche ouverte", path: "demarche-ouverte" });
  for (const state of ["en_construction", "accepte", "accepte", "refuse"] as const) {
    await buildDossier(db, { demarche: open.demarche, state });
  }
  closed = await buildDemarche(db, { libelle: "Démarche fermée", path: "demarche-fermee" });
  await db.update(demarches).set({ opendata: false }).where(eq(demarches.id, closed.demarche.id));
  draft = await buildDemarche(db, { libelle: "Démarche en test", published: false });
}, 120_000);
afterAll(() => server?.stop());

describe("GET /api/public/v1/demarches/:id/stats", () => {
  it("answers an opendata démarche's statistics in the reference's shape, cacheable", async () => {
    const response = await fetch(`${server.url}/api/public/v1/demarches/${open.demarche.id}/stats`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const body = await response.json();
    expect(Object.keys(body)).toEqual([
      "funnel",
      "processed",
      "processed_by_week",
      "processing_time",
      "processing_time_by_month",
    ]);
    expect(body.funnel).toEqual([
      ["Tous (dont brouillon)", 4],
      ["Déposés", 4],
      ["Instruction débutée", 3],
      ["Traités", 3],
    ]);
    expect(body.processed).toEqual([
      ["Acceptés", 66.7],
      ["Refusés", 33.3],
      ["Classés sans suite", 0],
    ]);
    expect(body.processed_by_week.map((s: { name: string }) => s.name)).toEqual(["accepte", "refuse"]);
    // Decided just now: three durations of a few seconds.
    expect(body.processing_time).toHaveLength(3);
  });

  it("is a 404 JSON error for a non-opendata, unpublished, unknown or malformed démarche", async () => {
    for (const id of [String(closed.demarche.id), String(draft.demarche.id), "999999", "abc", "1e3"]) {
      const response = await fetch(`${server.url}/api/public/v1/demarches/${id}/stats`);
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({ error: `procedure ${id} is not found` });
    }
  });
});

describe("public pages", () => {
  it("shows an opendata démarche's charts with their tables at /statistiques/:path", async () => {
    const response = await fetch(`${server.url}/statistiques/demarche-ouverte`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="[^"]+">Avancement des dossiers<\/title>/);
    expect(html).toContain("<caption>Taux d’acceptation</caption>");
    expect(pageText(html)).toContain("Acceptés 2 66,7 %");
  });

  it("is a 404 for a démarche that is not opendata or not published", async () => {
    expect((await fetch(`${server.url}/statistiques/demarche-fermee`)).status).toBe(404);
    expect((await fetch(`${server.url}/statistiques/inconnue`)).status).toBe(404);
  });

  it("shows the platform's figures at /stats", async () => {
    const response = await fetch(`${server.url}/stats`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/data-figure="demarches">2</);
    expect(html).toMatch(/data-figure="deposes">4</);
    expect(html).toMatch(/data-figure="traites">3</);
  });
});

describe("instructeur and administrateur pages", () => {
  it("shows the statistics to the démarche's instructeur, and a 404 to another démarche's", async () => {
    const instructeur = await signedIn(open.instructeurs[0]?.email as string);
    const ok = await instructeur.get(`/procedures/${open.demarche.id}/statistiques`);
    expect(ok.status).toBe(200);
    expect(instructeur.lastHtml).toContain("<caption>Avancement des dossiers</caption>");
    const list = await instructeur.get(`/procedures/${open.demarche.id}`);
    expect(list.status).toBe(200);
    expect(instructeur.lastHtml).toContain(`href="/procedures/${open.demarche.id}/statistiques"`);

    const outsider = await signedIn(closed.instructeurs[0]?.email as string);
    expect((await outsider.get(`/procedures/${open.demarche.id}/statistiques`)).status).toBe(404);
    expect((await outsider.get(`/procedures/${closed.demarche.id}/statistiques`)).status).toBe(200);
  });

  it("shows the statistics to the démarche's administrateur, and a 404 to another administrateur", async () => {
    const admin = await signedIn(open.admin.email);
    expect((await admin.get(`/admin/procedures/${open.demarche.id}/statistiques`)).status).toBe(200);
    expect(admin.lastHtml).toContain(`/api/public/v1/demarches/${open.demarche.id}/stats`);
    const other = await buildUser(server.database.db, ["administrateur"]);
    const otherBrowser = await signedIn(other.email);
    expect((await otherBrowser.get(`/admin/procedures/${open.demarche.id}/statistiques`)).status).toBe(404);
  });

  it("lets the administrateur turn opendata off on the presentation form, and the API then answers 404", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { libelle: "À fermer", path: "a-fermer" });
    const admin = await signedIn(built.admin.email);
    await admin.get(`/admin/procedures/${built.demarche.id}/edit`);
    expect(admin.lastHtml).toMatch(/<input[^>]*id="opendata"[^>]*checked/);
    const response = await admin.post(`/admin/procedures/${built.demarche.id}/edit`, {
      libelle: "À fermer",
      description: "Une démarche de test.",
      cadreJuridique: "https://www.legifrance.gouv.fr/",
      lienDpo: "dpo@exemple.fr",
      dureeConservation: "12",
    });
    expect(response.status).toBe(302);
    const [row] = await db.select({ opendata: demarches.opendata }).from(demarches).where(eq(demarches.id, built.demarche.id));
    expect(row?.opendata).toBe(false);
    expect((await fetch(`${server.url}/api/public/v1/demarches/${built.demarche.id}/stats`)).status).toBe(404);
  });
});
