/**
 * Prefill through HTTP, as a browser without JavaScript and an integrator's program would use it:
 * prefill links on /commencer, claim at sign-in, the REST API, the /preremplir page and its schema.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champs, dossiers, rateLimits } from "../../../server/db/schema";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { prefillKeyOf } from "../../../server/domain/prefill/params";
import { toGlobalId } from "../../../server/graphql/ids";
import { champId } from "../../../server/domain/form/champ-id";
import { closeDemarche } from "../../../server/operations/demarches/close-demarche";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { claimPrefilledDossier } from "../../../server/operations/prefill/claim-prefilled-dossier";
import { PREFILL_CREATE_LIMIT, prefillCreateRule } from "../../../server/operations/prefill/limits";
import { windowStart } from "../../../server/security/rate-limit";
import { buildDemarche, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { linkIn, mailsTo } from "../accounts/helpers";
import { decodeHtml, pageText, signedInSession } from "../usager/support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function prefillDemarche(options: { published?: boolean } = {}) {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    published: options.published,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Nombre de participants", mandatory: false },
      { type: "drop_down_list", libelle: "Transport", options: { options: ["Vélo", "Train"] }, mandatory: false },
    ],
  });
  const revisionId = (built.demarche.publishedRevisionId ?? built.demarche.draftRevisionId) as number;
  const fields = await loadRevisionChamps(db, revisionId);
  const stableId = (libelle: string) => fields.find((f) => f.libelle === libelle)?.stableId as number;
  const key = (libelle: string) => prefillKeyOf(champId(stableId(libelle)));
  return { ...built, path: built.demarche.path as string, fields, stableId, key };
}

async function prefilledOf(demarcheId: number) {
  return server.database.db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.prefilled, true)));
}

async function valuesOf(dossierId: number) {
  const rows = await server.database.db.select().from(champs).where(eq(champs.dossierId, dossierId));
  return Object.fromEntries(rows.map((r) => [r.stableId, r.value]));
}

function hrefs(html: string, prefix: string) {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeHtml(m[1] ?? "")).filter((h) => h.startsWith(prefix));
}

const api = (path: string) => new URL(path, server.url).toString();

function postJson(path: string, body: string, contentType: string | null = "application/json") {
  return fetch(api(path), { method: "POST", headers: contentType ? { "content-type": contentType } : {}, body });
}

describe("prefill link on /commencer", () => {
  it("creates one orphan dossier at the first visit (a reload reuses it), then the usager signs in and lands on it", async () => {
    const { demarche, path, key, stableId } = await prefillDemarche();
    const query = new URLSearchParams({
      [key("Nom du projet")]: "Jardin partagé",
      [key("Nombre de participants")]: "douze",
      [key("Transport")]: "Vélo",
      identite_nom: "Dupont",
      identite_prenom: "Camille",
      identite_genre: "Mme",
      utm_source: "courriel",
    });
    const link = `/commencer/${path}?${query}`;
    const session = new HttpSession(server.url);
    const first = await session.get(link);
    expect(first.status).toBe(200);
    expect(pageText(session.lastHtml)).toContain("Un dossier prérempli vous attend");

    const [dossier, ...others] = await prefilledOf(demarche.id);
    expect(others).toHaveLength(0);
    expect(dossier).toMatchObject({ userId: null, state: "brouillon", nom: "Dupont", prenom: "Camille", civilite: "Mme" });
    const id = dossier?.id as number;
    expect(await valuesOf(id)).toEqual({ [stableId("Nom du projet")]: "Jardin partagé", [stableId("Transport")]: "Vélo" });

    // A reload (same parameters, same browser) finds the same dossier.
    expect((await session.get(link)).status).toBe(200);
    expect(await prefilledOf(demarche.id)).toHaveLength(1);

    const token = dossier?.prefillToken as string;
    const back = `/commencer/${path}?prefill_token=${token}`;
    const [signInHref] = hrefs(session.lastHtml, "/users/sign_in?");
    expect(signInHref).toBe(`/users/sign_in?redirect_to=${encodeURIComponent(back)}`);
    expect(hrefs(session.lastHtml, "/users/sign_up?")).toEqual([`/users/sign_up?redirect_to=${encodeURIComponent(back)}`]);

    const usager = await buildUser(server.database.db);
    await session.get(signInHref as string);
    const signedIn = await session.post("/users/sign_in", { email: usager.email, password: FACTORY_PASSWORD, redirect_to: back });
    expect(signedIn.headers.get("location")).toBe(back);
    const landing = await session.get(back);
    expect(landing.status).toBe(302);
    expect(landing.headers.get("location")).toBe(`/dossiers/${id}/brouillon`);
    expect((await session.get(`/dossiers/${id}/brouillon`)).status).toBe(200);
    expect((await prefilledOf(demarche.id))[0]?.userId).toBe(usager.userId);

    // The link opened again, signed in: the same dossier, not a new one.
    const again = await session.get(link);
    expect(again.headers.get("location")).toBe(`/dossiers/${id}/brouillon`);
    expect(await prefilledOf(demarche.id)).toHaveLength(1);
  });

  it("attaches the dossier at a sign-in started elsewhere (remembered by the browser), identity first when missing", async () => {
    const { demarche, path, key } = await prefillDemarche();
    const session = new HttpSession(server.url);
    await session.get(`/commencer/${path}?${key("Nom du projet")}=Potager`);
    const [dossier] = await prefilledOf(demarche.id);
    const usager = await buildUser(server.database.db);
    const response = await session.signIn(usager.email, FACTORY_PASSWORD);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossier?.id}/identite`);
    expect((await prefilledOf(demarche.id))[0]?.userId).toBe(usager.userId);

    // Signing in again later does not go back to it.
    await session.get("/");
    await session.post("/users/sign_out", {});
    const later = await session.signIn(usager.email, FACTORY_PASSWORD);
    expect(later.headers.get("location")).toBe("/dossiers");
  });

  it("keeps the dossier through sign-up: the confirmation link, even opened elsewhere, leads to it", async () => {
    const { demarche, path, key } = await prefillDemarche();
    const session = new HttpSession(server.url);
    await session.get(`/commencer/${path}?${key("Nom du projet")}=Compost`);
    const [signUpHref] = hrefs(session.lastHtml, "/users/sign_up?");
    await session.get(signUpHref as string);
    const redirectTo = new URL(signUpHref as string, server.url).searchParams.get("redirect_to") as string;
    const email = `prefill-${Date.now()}@exemple.fr`;
    await session.post("/users/sign_up", { email, password: "correct horse battery staple", redirect_to: redirectTo });
    await server.runJobs();
    const [mail] = await mailsTo(server.database.db, email);
    const link = linkIn(mail?.text ?? "", "/users/confirmation");

    const otherBrowser = new HttpSession(server.url);
    const confirmed = await otherBrowser.get(link);
    expect(confirmed.headers.get("location")).toBe(redirectTo);
    const [dossier] = await prefilledOf(demarche.id);
    const landing = await otherBrowser.get(redirectTo);
    expect(landing.headers.get("location")).toBe(`/dossiers/${dossier?.id}/identite`);
    const [owner] = await server.database.db
      .select({ userId: dossiers.userId })
      .from(dossiers)
      .where(eq(dossiers.id, dossier?.id as number));
    expect(owner?.userId).not.toBeNull();
  });

  it("gives a signed-in usager the dossier at once; other parameters make another dossier", async () => {
    const { demarche, path, key } = await prefillDemarche();
    const usager = await buildUser(server.database.db);
    const session = await signedInSession(server.url, usager);
    const response = await session.get(
      `/commencer/${path}?${key("Nom du projet")}=Verger&identite_nom=Martin&identite_prenom=Léa&identite_civilite=M.`,
    );
    const [dossier] = await prefilledOf(demarche.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossier?.id}/brouillon`);
    expect(dossier).toMatchObject({ userId: usager.userId, nom: "Martin", prenom: "Léa", civilite: "M." });

    await session.get(`/commencer/${path}?${key("Nom du projet")}=Rucher`);
    expect(await prefilledOf(demarche.id)).toHaveLength(2);
  });

  it("answers 404 for someone else's dossier or an unknown token, and changes nothing", async () => {
    const { demarche, path, key } = await prefillDemarche();
    const owner = await buildUser(server.database.db);
    const ownerSession = await signedInSession(server.url, owner);
    await ownerSession.get(`/commencer/${path}?${key("Nom du projet")}=Mare`);
    const [dossier] = await prefilledOf(demarche.id);
    const before = JSON.stringify(dossier);

    const intruder = await signedInSession(server.url, await buildUser(server.database.db));
    expect((await intruder.get(`/commencer/${path}?prefill_token=${dossier?.prefillToken}`)).status).toBe(404);
    expect((await intruder.get(`/commencer/${path}?prefill_token=${"x".repeat(32)}`)).status).toBe(404);
    expect((await new HttpSession(server.url).get(`/commencer/${path}?prefill_token=inconnu`)).status).toBe(404);
    expect(JSON.stringify((await prefilledOf(demarche.id))[0])).toBe(before);
  });

  it("prefills a test dossier on the draft through the test link", async () => {
    const { demarche, path, key } = await prefillDemarche({ published: false });
    const session = new HttpSession(server.url);
    expect((await session.get(`/commencer/test/${path}?${key("Nom du projet")}=Essai`)).status).toBe(200);
    const [dossier] = await prefilledOf(demarche.id);
    expect(dossier).toMatchObject({ forTest: true, revisionId: demarche.draftRevisionId, userId: null });
    expect(hrefs(session.lastHtml, "/users/sign_in?")[0]).toContain(
      encodeURIComponent(`/commencer/test/${path}?prefill_token=${dossier?.prefillToken}`),
    );
  });
});

describe("prefill API", () => {
  it("creates an orphan prefilled dossier (201) and reports it by token, then its state once claimed and submitted", async () => {
    const { demarche, path, key, stableId } = await prefillDemarche();
    const response = await postJson(
      `/api/public/v1/demarches/${demarche.id}/dossiers`,
      JSON.stringify({
        [key("Nom du projet")]: "Jardin",
        [key("Nombre de participants")]: 12,
        [key("Transport")]: "Avion",
        identite_nom: "Durand",
        identite_prenom: "Alex",
        identite_genre: "M.",
        inconnu: "ignoré",
      }),
      "application/json; charset=utf-8",
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    const [dossier] = await prefilledOf(demarche.id);
    const id = dossier?.id as number;
    const token = dossier?.prefillToken as string;
    expect(body).toEqual({
      dossier_url: `${server.database.config.appUrl}/commencer/${path}?prefill_token=${token}`,
      state: "prefilled",
      dossier_id: toGlobalId("Dossier", id),
      dossier_number: id,
      dossier_prefill_token: token,
    });
    expect(dossier).toMatchObject({ userId: null, nom: "Durand", prenom: "Alex", civilite: "M." });
    expect(await valuesOf(id)).toEqual({ [stableId("Nom du projet")]: "Jardin", [stableId("Nombre de participants")]: "12" });

    const statusUrl = `/api/public/v1/demarches/${demarche.id}/dossiers?prefill_token=${token},inconnu-${"y".repeat(20)}`;
    const orphan = await fetch(api(statusUrl));
    expect(orphan.status).toBe(200);
    expect(await orphan.json()).toEqual([body]);

    const usager = await buildUser(server.database.db);
    await claimPrefilledDossier(server.database.db, usager.userId, { token });
    const submitted = await submitDossier(server.database.db, usager.userId, id);
    expect(submitted.ok).toBe(true);
    const claimed = (await (await fetch(api(statusUrl))).json()) as Array<Record<string, unknown>>;
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toEqual({
      state: "en_construction",
      submitted_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      dossier_id: toGlobalId("Dossier", id),
      dossier_number: id,
      dossier_prefill_token: token,
    });
    expect(
      await (await fetch(api(`/api/public/v1/demarches/${demarche.id}/dossiers?prefill_token=${"z".repeat(32)}`))).json(),
    ).toEqual([]);
  });

  it("answers the reference's errors: content type, unknown or closed démarche, bad or oversized bodies", async () => {
    const { demarche, administrateurId } = await prefillDemarche();
    const url = `/api/public/v1/demarches/${demarche.id}/dossiers`;
    const expectError = async (response: Response, status: number, error: string) => {
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error });
    };
    await expectError(await postJson(url, "{}", "text/plain"), 400, "Content-Type should be json");
    await expectError(await postJson(url, "champ_x=1", "application/x-www-form-urlencoded"), 400, "Content-Type should be json");
    await expectError(await postJson(url, "{", "application/json"), 400, "The request body is not valid JSON");
    await expectError(await postJson(url, "[1, 2]", "application/json"), 400, "The request body must be a JSON object");
    await expectError(
      await postJson(url, JSON.stringify({ champ_x: "a".repeat(1_100_000) })),
      413,
      "The request body is larger than 1000000 bytes",
    );
    await expectError(await postJson("/api/public/v1/demarches/999999/dossiers", "{}"), 404, "procedure 999999 is not found");
    await expectError(await postJson("/api/public/v1/demarches/abc/dossiers", "{}"), 404, "procedure abc is not found");
    await expectError(
      await fetch(api("/api/public/v1/demarches/999999/dossiers?prefill_token=a")),
      404,
      "procedure 999999 is not found",
    );
    expect(await prefilledOf(demarche.id)).toHaveLength(0);

    await closeDemarche(server.database.db, administrateurId, demarche.id);
    await expectError(await postJson(url, "{}"), 404, `procedure ${demarche.id} is not found`);
    await expectError(await fetch(api(url), { method: "DELETE" }), 405, "DELETE is not allowed");
  });

  it("refuses creations beyond the address's budget (429), through the API and through links", async () => {
    const { db } = server.database;
    const { demarche, path, key } = await prefillDemarche();
    const rule = prefillCreateRule("127.0.0.1");
    const now = Date.now();
    const starts = [now, now + rule.windowSeconds * 1000].map((at) => windowStart(new Date(at), rule.windowSeconds));
    for (const start of starts) {
      await db
        .insert(rateLimits)
        .values({ key: rule.key, windowStart: start, count: PREFILL_CREATE_LIMIT.limit })
        .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: PREFILL_CREATE_LIMIT.limit } });
    }
    try {
      const response = await postJson(`/api/public/v1/demarches/${demarche.id}/dossiers`, "{}");
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(response.headers.get("ratelimit-limit")).toBe(String(PREFILL_CREATE_LIMIT.limit));
      expect(await response.json()).toEqual({ error: "Too many requests: retry later" });

      const session = new HttpSession(server.url);
      const page = await session.get(`/commencer/${path}?${key("Nom du projet")}=Trop`);
      expect(page.status).toBe(429);
      expect(pageText(session.lastHtml)).toContain("Trop de dossiers préremplis ont été créés depuis votre adresse");
      expect(await prefilledOf(demarche.id)).toHaveLength(0);
    } finally {
      await db.delete(rateLimits).where(eq(rateLimits.key, rule.key));
    }
  });
});

describe("repetition blocks", () => {
  it("prefills one row per object, from a JSON body and from a link", async () => {
    const { db } = server.database;
    const { demarche, path } = await buildDemarche(db, {
      champs: [
        {
          type: "repetition",
          libelle: "Participants",
          children: [
            { type: "text", libelle: "Nom" },
            { type: "integer_number", libelle: "Âge", mandatory: false },
          ],
        },
      ],
    });
    const fields = await loadRevisionChamps(db, demarche.publishedRevisionId as number);
    const id = (libelle: string) => fields.find((f) => f.libelle === libelle)?.stableId as number;
    const key = (libelle: string) => prefillKeyOf(champId(id(libelle)));
    const rowsOf = async (dossierId: number) => {
      const rows = await db.select().from(champs).where(eq(champs.dossierId, dossierId));
      const block = rows.find((r) => r.stableId === id("Participants"))?.value as string[];
      return block.map((rowId) =>
        Object.fromEntries(rows.filter((r) => r.rowId === rowId).map((r) => [r.stableId === id("Nom") ? "nom" : "age", r.value])),
      );
    };

    const response = await postJson(
      `/api/public/v1/demarches/${demarche.id}/dossiers`,
      JSON.stringify({
        [key("Participants")]: [
          { [key("Nom")]: "Camille", [key("Âge")]: "34" },
          { [key("Nom")]: "Léa", [key("Âge")]: "trente" },
        ],
        [key("Nom")]: "hors du bloc",
      }),
    );
    expect(response.status).toBe(201);
    const { dossier_number } = (await response.json()) as { dossier_number: number };
    expect(await rowsOf(dossier_number)).toEqual([{ nom: "Camille", age: "34" }, { nom: "Léa" }]);

    const session = new HttpSession(server.url);
    const query = [
      [`${key("Participants")}[][${key("Nom")}]`, "Alex"],
      [`${key("Participants")}[][${key("Âge")}]`, "7"],
      [`${key("Participants")}[][${key("Nom")}]`, "Sam"],
    ]
      .map(([k, v]) => `${encodeURIComponent(k as string)}=${encodeURIComponent(v as string)}`)
      .join("&");
    expect((await session.get(`/commencer/${path}?${query}`)).status).toBe(200);
    const [fromLink] = (await prefilledOf(demarche.id)).filter((d) => d.id !== dossier_number);
    expect(await rowsOf(fromLink?.id as number)).toEqual([{ nom: "Alex", age: "7" }, { nom: "Sam" }]);

    // The page documents the block and its fields.
    await session.get(`/preremplir/${path}`);
    const text = pageText(session.lastHtml);
    expect(text).toContain(key("Participants"));
    expect(text).toContain(`Participants › Nom`);
    expect(text).toContain(key("Âge"));
  });
});

describe("/preremplir/:path", () => {
  it("lists the fields with their prefill keys, formats and examples, an example link, API calls and the schema", async () => {
    const { demarche, path, key } = await prefillDemarche();
    const session = new HttpSession(server.url);
    const response = await session.get(`/preremplir/${path}`);
    expect(response.status).toBe(200);
    const html = session.lastHtml;
    const text = pageText(html);
    expect(text).toContain(`Préremplir un dossier de la démarche « ${demarche.libelle} »`);
    for (const libelle of ["Nom du projet", "Nombre de participants", "Transport"]) expect(text).toContain(key(libelle));
    expect(text).toContain("Nombre entier, sans espace");
    expect(text).toContain("Valeurs possibles (2)");
    expect(text).toContain("identite_prenom");
    const appUrl = server.database.config.appUrl;
    const link = `${appUrl}/commencer/${path}?${new URLSearchParams({
      [key("Nom du projet")]: "Texte court d’exemple",
      [key("Nombre de participants")]: "42",
      [key("Transport")]: "Vélo",
      identite_prenom: "Camille",
      identite_nom: "Dupont",
      identite_genre: "M.",
    })}`;
    expect(decodeHtml(html)).toContain(link);
    expect(text).not.toContain("Ce lien est trop long");
    expect(decodeHtml(html)).toContain(`curl --request POST '${appUrl}/api/public/v1/demarches/${demarche.id}/dossiers'`);
    expect(html).toContain(`href="${appUrl}/preremplir/${path}/schema"`);

    // The example link works: it creates the prefilled dossier.
    const visitor = new HttpSession(server.url);
    expect((await visitor.get(link.slice(appUrl.length))).status).toBe(200);
    const [dossier] = await prefilledOf(demarche.id);
    expect(dossier).toMatchObject({ nom: "Dupont", prenom: "Camille", civilite: "M." });

    // Only the fields ticked in the page's form go in the examples.
    await session.get(`/preremplir/${path}?examples=1&champ=identite`);
    expect(decodeHtml(session.lastHtml)).toContain(
      `${appUrl}/commencer/${path}?identite_prenom=Camille&identite_nom=Dupont&identite_genre=M.`,
    );
  });

  it("warns when the example link is longer than 2,000 characters", async () => {
    const { path } = await buildDemarche(server.database.db, {
      champs: [{ type: "drop_down_list", libelle: "Choix", options: { options: ["x".repeat(2100), "court"] } }],
    });
    const session = new HttpSession(server.url);
    await session.get(`/preremplir/${path}`);
    expect(pageText(session.lastHtml)).toContain("Ce lien est trop long");
  });

  it("is 404 for an unknown or closed démarche", async () => {
    const { demarche, path, administrateurId } = await prefillDemarche();
    await closeDemarche(server.database.db, administrateurId, demarche.id);
    expect((await new HttpSession(server.url).get(`/preremplir/${path}`)).status).toBe(404);
    expect((await new HttpSession(server.url).get("/preremplir/inconnue")).status).toBe(404);
    const schema = await fetch(api(`/preremplir/${path}/schema`));
    expect(schema.status).toBe(404);
    expect(await schema.json()).toEqual({ error: `procedure ${path} is not found` });
  });

  it("serves the démarche descriptor as JSON (GraphQL demarcheDescriptor shape)", async () => {
    const { demarche, path, fields } = await prefillDemarche();
    const response = await fetch(api(`/preremplir/${path.toUpperCase()}/schema`));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & {
      revision: { champDescriptors: Array<Record<string, unknown>> };
    };
    expect(Object.keys(body)).toEqual([
      "id",
      "number",
      "title",
      "description",
      "state",
      "declarative",
      "dateCreation",
      "datePublication",
      "dateDerniereModification",
      "dateDepublication",
      "dateFermeture",
      "notice",
      "deliberation",
      "demarcheURL",
      "cadreJuridiqueURL",
      "revision",
    ]);
    expect(body).toMatchObject({
      id: toGlobalId("Procedure", demarche.id),
      number: demarche.id,
      title: demarche.libelle,
      state: "publiee",
      demarcheURL: `${server.database.config.appUrl}/commencer/${path}`,
      cadreJuridiqueURL: "https://www.legifrance.gouv.fr/",
      revision: { id: toGlobalId("ProcedureRevision", demarche.publishedRevisionId as number) },
    });
    expect(body.revision.champDescriptors).toEqual(
      fields.map((f) => expect.objectContaining({ id: champId(f.stableId), label: f.libelle, required: f.mandatory })),
    );
    expect(body.revision.champDescriptors[2]).toMatchObject({
      __typename: "DropDownListChampDescriptor",
      options: ["Vélo", "Train"],
      otherOption: false,
    });
    expect(body.revision).not.toHaveProperty("annotationDescriptors");
  });
});
