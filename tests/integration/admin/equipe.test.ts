/**
 * Co-administrateurs and the démarche's history (issue 11, item 4), through the pages (no
 * JavaScript) and the operations: add by e-mail (existing account, or invitation), e-mailed;
 * remove (never the last, oneself allowed); events recorded and listed in « Historique »; another
 * administrateur gets 404 on every new page and form and changes nothing. Needs the build.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import { administrateurs, apiTokens, demarcheAdministrateurs, events, users } from "../../../server/db/schema";
import { addDemarcheAdministrateur } from "../../../server/operations/demarches/add-demarche-administrateur";
import { removeDemarcheAdministrateur } from "../../../server/operations/demarches/remove-demarche-administrateur";
import { setClosingDate } from "../../../server/operations/demarches/set-closing-date";
import { createGroupe } from "../../../server/operations/groupes/create-groupe";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, newAdministrateur, pageText, queuedMails } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

async function adminsOf(db: Db, demarcheId: number) {
  const rows = await db
    .select({ email: users.email })
    .from(demarcheAdministrateurs)
    .innerJoin(administrateurs, eq(administrateurs.id, demarcheAdministrateurs.administrateurId))
    .innerJoin(users, eq(users.id, administrateurs.userId))
    .where(eq(demarcheAdministrateurs.demarcheId, demarcheId))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}

/** What these pages could change. */
async function teamSnapshot(db: Db) {
  const [da, u, a, e, t, jobs] = await Promise.all([
    db
      .select()
      .from(demarcheAdministrateurs)
      .orderBy(asc(demarcheAdministrateurs.demarcheId), asc(demarcheAdministrateurs.administrateurId)),
    db.select({ id: users.id, email: users.email }).from(users).orderBy(asc(users.id)),
    db.select().from(administrateurs).orderBy(asc(administrateurs.id)),
    db.select({ id: events.id }).from(events).orderBy(asc(events.id)),
    db.select().from(apiTokens).orderBy(asc(apiTokens.id)),
    db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs`),
  ]);
  return { da, u, a, e, t, jobs: jobs.rows };
}

describe("co-administrateurs through the page", () => {
  it("adds an existing account and invites an unknown address, each e-mailed, and lists them", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email });
    const colleague = await buildUser(db, [], "collegue-admin@exemple.fr");
    const page = `/admin/procedures/${demarche.id}/administrateurs`;
    await browser.get(page);

    const added = await browser.post(page, { intent: "add", email: " Collegue-Admin@exemple.fr " });
    expect(location(added)).toBe(`${page}?notice=added&email=collegue-admin%40exemple.fr`);
    const invited = await browser.post(page, { intent: "add", email: "nouvelle-admin@exemple.fr" });
    expect(location(invited)).toBe(`${page}?notice=invited&email=nouvelle-admin%40exemple.fr`);
    expect(await adminsOf(db, demarche.id)).toEqual([admin.email, colleague.email, "nouvelle-admin@exemple.fr"].sort());

    const mails = (await queuedMails(db)).filter((m) => m.to === colleague.email || m.to === "nouvelle-admin@exemple.fr");
    expect(mails).toEqual([
      { template: "administrateur_added", to: colleague.email },
      { template: "administrateur_invitation", to: "nouvelle-admin@exemple.fr" },
    ]);

    await browser.get(page);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("collegue-admin@exemple.fr");
    expect(text).toContain("Invitation envoyée");

    // The co-administrateur now reaches the démarche's pages.
    const { signedIn } = await import("./helpers");
    const colleagueBrowser = await signedIn(server, colleague.email);
    expect((await colleagueBrowser.get(`/admin/procedures/${demarche.id}`)).status).toBe(200);
  });

  it("refuses a bad address and one already administrateur with a specific message, keeping what was typed", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email });
    const page = `/admin/procedures/${demarche.id}/administrateurs`;
    await browser.get(page);
    const before = await teamSnapshot(db);
    for (const [email, message] of [
      ["pas-une-adresse", "Saisissez une adresse électronique valide"],
      ["", "Saisissez l'adresse électronique de la personne à ajouter."],
      [admin.email, `${admin.email} est déjà administrateur de cette démarche.`],
    ] as const) {
      const response = await browser.post(page, { intent: "add", email });
      expect(response.status).toBe(422);
      expect(pageText(browser.lastHtml)).toContain(message);
      expect(browser.lastHtml).toMatch(
        new RegExp(
          `id="administrateur-email"[^>]*value="${email.replace(/\./g, "\\.")}"|value="${email.replace(/\./g, "\\.")}"[^>]*id="administrateur-email"`,
        ),
      );
      expect(browser.lastHtml).toContain('aria-describedby="administrateur-email-error"');
    }
    expect(await teamSnapshot(db)).toEqual(before);
  });

  it("never removes the last administrateur, and lets one remove oneself otherwise", async () => {
    const { db } = server.database;
    const { browser, admin, administrateurId } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email });
    const page = `/admin/procedures/${demarche.id}/administrateurs`;
    await browser.get(page);
    const before = await teamSnapshot(db);
    const refused = await browser.post(page, { intent: "remove", administrateurId: String(administrateurId) });
    expect(refused.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("Impossible de retirer le dernier administrateur");
    expect(await teamSnapshot(db)).toEqual(before);

    await browser.post(page, { intent: "add", email: "relais-admin@exemple.fr" });
    await browser.get(page);
    const self = await browser.post(page, { intent: "remove", administrateurId: String(administrateurId) });
    expect(location(self)).toBe("/admin/procedures");
    expect(await adminsOf(db, demarche.id)).toEqual(["relais-admin@exemple.fr"]);
    expect((await browser.get(page)).status).toBe(404);
  });
});

describe("co-administrateurs operations and history", () => {
  it("records who added and removed whom, and the publication, in the démarche's history", async () => {
    const { db } = server.database;
    const { browser, admin, administrateurId } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    const who = { administrateurId, userId: admin.userId };
    const publish = await browser.get(`/admin/procedures/${demarche.id}/publication`);
    expect(publish.status).toBe(200);
    const published = await browser.post(`/admin/procedures/${demarche.id}/publication`, {
      intent: "publish",
      path: `historique-${demarche.id}`,
      confirmTestDeletion: "on",
    });
    expect(published.status).toBe(302);
    const added = await addDemarcheAdministrateur(db, who, demarche.id, { email: "histoire@exemple.fr", locale: "fr" });
    expect(added).toEqual({ ok: true, email: "histoire@exemple.fr", invited: true });
    const [other] = await db
      .select({ id: administrateurs.id })
      .from(administrateurs)
      .innerJoin(users, eq(users.id, administrateurs.userId))
      .where(eq(users.email, "histoire@exemple.fr"));
    expect(await removeDemarcheAdministrateur(db, who, demarche.id, other?.id as number)).toEqual({ ok: true, self: false });

    const kinds = await db
      .select({ kind: events.kind, actorUserId: events.actorUserId, payload: events.payload })
      .from(events)
      .where(and(eq(events.demarcheId, demarche.id), ne(events.kind, "demarche.service_choisi")))
      .orderBy(asc(events.id));
    expect(kinds).toEqual([
      {
        kind: "demarche.publiee",
        actorUserId: admin.userId,
        payload: expect.objectContaining({ path: `historique-${demarche.id}`, republication: false }),
      },
      {
        kind: "demarche.administrateur_ajoute",
        actorUserId: admin.userId,
        payload: { administrateurId: other?.id, email: "histoire@exemple.fr", invited: true },
      },
      {
        kind: "demarche.administrateur_retire",
        actorUserId: admin.userId,
        payload: { administrateurId: other?.id, email: "histoire@exemple.fr" },
      },
    ]);

    expect((await browser.get(`/admin/procedures/${demarche.id}/historique`)).status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain(`a publié la démarche à l'adresse /commencer/historique-${demarche.id}`);
    expect(text).toContain("a ajouté l'administrateur histoire@exemple.fr");
    expect(text).toContain("a retiré l'administrateur histoire@exemple.fr");
    expect(text).toContain(admin.email);
  });

  it("tells the routing and closing-date changes in the démarche's history, each in its own words", async () => {
    const { db } = server.database;
    const { browser, admin, administrateurId } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email });
    const who = { administrateurId, userId: admin.userId };
    expect(await createGroupe(db, who, demarche.id, { label: "Bretagne" })).toMatchObject({ ok: true });
    expect(await setClosingDate(db, administrateurId, demarche.id, "2031-03-15", new Date("2026-12-07T10:00:00Z"))).toEqual({
      ok: true,
      day: "2031-03-15",
    });
    expect(await setClosingDate(db, administrateurId, demarche.id, "")).toEqual({ ok: true, day: null });

    expect((await browser.get(`/admin/procedures/${demarche.id}/historique`)).status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("a créé un groupe instructeur");
    expect(text).toContain("a fixé la date de fermeture au 15/03/2031");
    expect(text).toContain("a retiré la date de fermeture");
    expect(text).not.toContain("equipe.historique");
  });

  it("answers 404 to another administrateur on the new pages and forms, and changes nothing", async () => {
    const { db } = server.database;
    const owner = await buildDemarche(db, {});
    const { browser } = await newAdministrateur(server);
    const base = `/admin/procedures/${owner.demarche.id}`;
    await browser.get("/admin/procedures");
    const csrf = browser.csrf();
    const before = await teamSnapshot(db);
    for (const path of [`${base}/administrateurs`, `${base}/historique`]) {
      expect((await browser.get(path)).status, path).toBe(404);
      expect(browser.lastHtml).not.toContain(owner.demarche.libelle);
    }
    for (const [path, fields] of [
      [`${base}/administrateurs`, { intent: "add", email: "intrus@exemple.fr" }],
      [`${base}/administrateurs`, { intent: "remove", administrateurId: String(owner.administrateurId) }],
      [`${base}/historique`, {}],
    ] as const) {
      expect((await browser.post(path, fields, { csrf })).status, `POST ${path}`).toBe(404);
    }
    const who = { administrateurId: (await newAdministrateur(server)).administrateurId, userId: 0 };
    await expect(
      addDemarcheAdministrateur(db, who, owner.demarche.id, { email: "x@exemple.fr", locale: "fr" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(removeDemarcheAdministrateur(db, who, owner.demarche.id, owner.administrateurId)).rejects.toMatchObject({
      status: 404,
    });
    expect(await teamSnapshot(db)).toEqual({ ...before, u: expect.any(Array), a: expect.any(Array) });
    expect(await adminsOf(db, owner.demarche.id)).toEqual([owner.admin.email]);
  });
});

describe("the « Jetons d'API » pages", () => {
  it("creates a token (secret shown once), refuses bad input keeping it, renews and revokes", async () => {
    const { db } = server.database;
    const { browser, admin, administrateurId } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email });
    await browser.get("/admin/jetons/nouveau");
    const bad = await browser.post("/admin/jetons/nouveau", {
      name: "Mon logiciel",
      scope: "some",
      demarches: String(demarche.id),
      access: "write",
      expiry: "date",
      expires_on: "2020-01-01",
      networks: "10.0.0.0/8, 10.0.0/99",
    });
    expect(bad.status).toBe(422);
    let text = pageText(browser.lastHtml);
    expect(text).toContain("La date d'expiration doit être dans le futur.");
    expect(browser.lastHtml).toContain("10.0.0.0/8, 10.0.0/99");
    const badNetwork = await browser.post("/admin/jetons/nouveau", {
      name: "Mon logiciel",
      scope: "all",
      access: "read",
      expiry: "none",
      networks: "10.0.0.0/8, 10.0.0/99",
    });
    expect(badNetwork.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("Ces réseaux ne sont pas des plages CIDR valides : 10.0.0/99.");
    expect(await db.select().from(apiTokens).where(eq(apiTokens.administrateurId, administrateurId))).toEqual([]);

    const created = await browser.post("/admin/jetons/nouveau", {
      name: "Mon logiciel",
      scope: "some",
      demarches: String(demarche.id),
      access: "read",
      expiry: "none",
      networks: "",
    });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const bearer = browser.lastHtml.match(/id="token-secret"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="token-secret"/);
    const secret = bearer?.[1] ?? bearer?.[2] ?? "";
    expect(secret).toMatch(/^[A-Za-z0-9_-]+=*$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.administrateurId, administrateurId));
    expect(row).toMatchObject({ name: "Mon logiciel", allowedDemarcheIds: [demarche.id], writeAccess: false });

    await browser.get("/admin/jetons");
    text = pageText(browser.lastHtml);
    expect(text).toContain("Mon logiciel");
    expect(text).toContain(secret.slice(0, 5));
    expect(browser.lastHtml).not.toContain(secret);

    const renewed = await browser.post("/admin/jetons", { intent: "renew", tokenId: row?.id as string });
    expect(renewed.status).toBe(200);
    expect(browser.lastHtml).toContain('id="token-secret"');
    expect(browser.lastHtml).not.toContain(secret);

    await browser.get(`/admin/jetons/${row?.id}/revoquer`);
    const revoked = await browser.post(`/admin/jetons/${row?.id}/revoquer`, {});
    expect(location(revoked)).toBe("/admin/jetons?notice=revoked");
    const [after] = await db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, row?.id as string));
    expect(after?.revokedAt).not.toBeNull();
  });

  it("answers 404 to another administrateur renewing or revoking a token, and changes nothing", async () => {
    const { db } = server.database;
    const owner = await newAdministrateur(server);
    await buildDemarche(db, { administrateurEmail: owner.admin.email });
    await owner.browser.get("/admin/jetons/nouveau");
    await owner.browser.post("/admin/jetons/nouveau", { name: "À moi", scope: "all", access: "write", expiry: "none" });
    const [token] = await db.select().from(apiTokens).where(eq(apiTokens.administrateurId, owner.administrateurId));
    const { browser } = await newAdministrateur(server);
    await browser.get("/admin/jetons");
    expect(pageText(browser.lastHtml)).not.toContain("À moi");
    const csrf = browser.csrf();
    const before = await teamSnapshot(db);
    expect((await browser.get(`/admin/jetons/${token?.id}/revoquer`)).status).toBe(404);
    expect((await browser.post(`/admin/jetons/${token?.id}/revoquer`, {}, { csrf })).status).toBe(404);
    expect((await browser.post("/admin/jetons", { intent: "renew", tokenId: token?.id as string }, { csrf })).status).toBe(404);
    expect(await teamSnapshot(db)).toEqual(before);
    // Not an administrateur at all: 404 on the token pages.
    const usager = await buildUser(db);
    const { signedIn } = await import("./helpers");
    const usagerBrowser = await signedIn(server, usager.email);
    expect((await usagerBrowser.get("/admin/jetons")).status).toBe(404);
  });
});
