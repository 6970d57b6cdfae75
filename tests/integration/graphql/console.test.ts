/**
 * The administrateur's GraphQL console (/graphql) over HTTP, as a browser without JavaScript: the
 * page and its schema docs, a query run as the signed-in administrateur (their démarches only),
 * mutations refused until confirmed (the confirmation binds the exact text), run at once on a
 * démarche en test (the sandbox), another administrateur's démarche hidden, input errors by field,
 * anonymous visitors, other personas and forged forms refused.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, groupesInstructeurs } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { decodeHtml, pageText } from "../../support/html";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

const ADMIN = "admin-console@exemple.fr";
const OTHER_ADMIN = "autre-admin-console@exemple.fr";

let server: TestServer;
let admin: HttpSession;
let published: { id: number; libelle: string };
let brouillon: { id: number; libelle: string };
let foreign: { id: number; libelle: string };
let dossierNumber: number;
let instructeurId: number;

const CREER = `mutation creer($input: GroupeInstructeurCreerInput!) {
  groupeInstructeurCreer(input: $input) { groupeInstructeur { label } errors { message } }
}`;

function groupesNamed(demarcheId: number, label: string) {
  return server.database.db
    .select({ id: groupesInstructeurs.id })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, demarcheId), eq(groupesInstructeurs.label, label)));
}

/** The JSON answer rendered in the page's result block. */
function resultOf(html: string): { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> } {
  const match = html.match(/id="console-result"><code>([\s\S]*?)<\/code>/);
  if (!match?.[1]) throw new Error("no result on the page");
  return JSON.parse(decodeHtml(match[1]));
}

function confirmationOf(html: string): string | null {
  return html.match(/name="confirmation" value="([^"]+)"/)?.[1] ?? null;
}

async function run(fields: Record<string, string>) {
  await admin.get("/graphql");
  const response = await admin.post("/graphql", { variables: "", operationName: "", ...fields });
  return { response, html: await response.text() };
}

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { administrateurEmail: ADMIN, libelle: "Subvention console" });
  published = { id: built.demarche.id, libelle: "Subvention console" };
  instructeurId = (built.instructeurs[0] as { instructeurId: number }).instructeurId;
  dossierNumber = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  const draft = await buildDemarche(db, { administrateurEmail: ADMIN, libelle: "Démarche en test console", published: false });
  brouillon = { id: draft.demarche.id, libelle: "Démarche en test console" };
  const other = await buildDemarche(db, { administrateurEmail: OTHER_ADMIN, libelle: "Démarche d’une autre administration" });
  foreign = { id: other.demarche.id, libelle: "Démarche d’une autre administration" };
  admin = new HttpSession(server.url);
  await admin.signIn(ADMIN, FACTORY_PASSWORD);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("the console page", () => {
  it("renders the editor and the schema docs of Query, and of a type chosen by link", async () => {
    const response = await admin.get("/graphql");
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = pageText(html);
    expect(text).toContain("Console GraphQL");
    expect(html).toMatch(/<label class="fr-label" for="console-query">Requête GraphQL/);
    expect(html).toMatch(/<label class="fr-label" for="console-variables">Variables \(JSON\)/);
    expect(text).toContain("Exécuter");
    expect(text).toContain("Documentation du schéma");
    expect(html).toContain('href="/graphql?type=Dossier#schema-type"');
    expect(html).toMatch(/id="schema-type-title">Query/);
    expect(html).toMatch(/role="status" aria-live="polite"/);

    const dossier = await (await admin.get("/graphql?type=Dossier")).text();
    expect(dossier).toMatch(/id="schema-type-title">Dossier/);
    expect(dossier).toContain("<code>dateDepot</code>");
    const input = await (await admin.get("/graphql?type=GroupeInstructeurCreerInput")).text();
    expect(pageText(input)).toContain("Champs d’entrée");
    const unknown = await (await admin.get("/graphql?type=Nothing")).text();
    expect(pageText(unknown)).toContain("Le type « Nothing » n’existe pas dans le schéma.");
  });

  it("is linked from the API tokens page", async () => {
    const html = await (await admin.get("/admin/jetons")).text();
    expect(html).toContain('href="/graphql"');
  });

  it("sends an anonymous visitor to sign in and answers 404 to a user who is not an administrateur", async () => {
    const anonymous = new HttpSession(server.url);
    const response = await anonymous.get("/graphql");
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get("location")).toContain("/users/sign_in");

    const usager = await buildUser(server.database.db, ["usager"], "usager-console@exemple.fr");
    const session = new HttpSession(server.url);
    await session.signIn(usager.email, FACTORY_PASSWORD);
    expect((await session.get("/graphql")).status).toBe(404);
  });

  it("refuses an anonymous POST and a POST without the CSRF field: nothing runs", async () => {
    const input = JSON.stringify({ input: { demarche: { number: brouillon.id }, groupeInstructeur: { label: "Anonyme" } } });
    const anonymous = new HttpSession(server.url);
    await anonymous.get("/users/sign_in");
    const response = await anonymous.post("/graphql", { query: CREER, variables: input, operationName: "" });
    expect(response.status).not.toBe(200);
    await admin.get("/graphql");
    const forged = await admin.post("/graphql", { query: CREER, variables: input, operationName: "" }, { csrf: null });
    expect(forged.status).toBe(403);
    expect(await groupesNamed(brouillon.id, "Anonyme")).toEqual([]);
  });
});

describe("queries", () => {
  it("runs as the signed-in administrateur on their démarche", async () => {
    const { response, html } = await run({
      query: "query q($number: Int!) { demarche(number: $number) { number title state } }",
      variables: JSON.stringify({ number: published.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(resultOf(html)).toEqual({ data: { demarche: { number: published.id, title: published.libelle, state: "publiee" } } });
    expect(pageText(html)).toContain("Requête exécutée : réponse sans erreur.");
  });

  it("does not show another administrateur's démarche", async () => {
    const { html } = await run({ query: `{ demarche(number: ${foreign.id}) { title } }` });
    const result = resultOf(html);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("unauthorized");
    expect(html).not.toContain(foreign.libelle);
  });

  it("answers a syntax error as the API does, and refuses variables that are not a JSON object by field, keeping the text", async () => {
    const syntax = await run({ query: "{ demarche(" });
    expect(resultOf(syntax.html).errors?.[0]?.extensions?.code).toBe("graphql_parse_failed");

    const { response, html } = await run({ query: "{ demarche(number: 1) { id } }", variables: "{ pas du json" });
    expect(response.status).toBe(422);
    expect(pageText(html)).toContain("Les variables ne sont pas du JSON valide.");
    expect(html).toMatch(/aria-describedby="console-variables-hint console-variables-error"/);
    expect(html).toContain("{ pas du json</textarea>");
    const array = await run({ query: "{ demarche(number: 1) { id } }", variables: "[1]" });
    expect(pageText(array.html)).toContain("Les variables doivent être un objet JSON, entre accolades.");
    const empty = await run({ query: "  " });
    expect(pageText(empty.html)).toContain("Saisissez une requête GraphQL.");
  });
});

describe("mutations", () => {
  it("asks for a confirmation on a published démarche, runs nothing until it is given, then runs exactly the confirmed text", async () => {
    const variables = JSON.stringify({ input: { demarche: { number: published.id }, groupeInstructeur: { label: "Sud" } } });
    const first = await run({ query: CREER, variables });
    expect(first.response.status).toBe(200);
    const text = pageText(first.html);
    expect(text).toContain("Confirmer la mutation");
    expect(text).toContain(`groupeInstructeurCreer : démarche n° ${published.id} « ${published.libelle} » (Publiée)`);
    expect(first.html).not.toContain('id="console-result"');
    expect(await groupesNamed(published.id, "Sud")).toEqual([]);
    const digest = confirmationOf(first.html);
    expect(digest).toBeTruthy();

    // A confirmation given for another text does not run the edited one.
    const edited = JSON.stringify({ input: { demarche: { number: published.id }, groupeInstructeur: { label: "Est" } } });
    const tampered = await run({ query: CREER, variables: edited, confirmation: digest as string });
    expect(pageText(tampered.html)).toContain("Confirmer la mutation");
    expect(await groupesNamed(published.id, "Est")).toEqual([]);

    const confirmed = await run({ query: CREER, variables, confirmation: digest as string });
    expect(resultOf(confirmed.html)).toEqual({
      data: { groupeInstructeurCreer: { groupeInstructeur: { label: "Sud" }, errors: null } },
    });
    expect(pageText(confirmed.html)).toContain("Mutation exécutée après confirmation.");
    expect(await groupesNamed(published.id, "Sud")).toHaveLength(1);
  });

  it("names the dossier a dossier mutation changes, and changes it once confirmed", async () => {
    const query = `mutation p($input: DossierPasserEnInstructionInput!) {
  dossierPasserEnInstruction(input: $input) { dossier { state } errors { message } }
}`;
    const variables = JSON.stringify({
      input: { dossierId: toGlobalId("Dossier", dossierNumber), instructeurId: toGlobalId("Instructeur", instructeurId) },
    });
    const first = await run({ query, variables });
    expect(pageText(first.html)).toContain(
      `dossierPasserEnInstruction : dossier n° ${dossierNumber}, démarche n° ${published.id}`,
    );
    const [before] = await server.database.db
      .select({ state: dossiers.state })
      .from(dossiers)
      .where(eq(dossiers.id, dossierNumber));
    expect(before?.state).toBe("en_construction");
    const confirmed = await run({ query, variables, confirmation: confirmationOf(first.html) as string });
    expect(resultOf(confirmed.html)).toEqual({
      data: { dossierPasserEnInstruction: { dossier: { state: "en_instruction" }, errors: null } },
    });
  });

  it("runs at once on a démarche en test (the sandbox)", async () => {
    const variables = JSON.stringify({
      input: { demarche: { number: brouillon.id }, groupeInstructeur: { label: "Bac à sable" } },
    });
    const { html } = await run({ query: CREER, variables });
    expect(confirmationOf(html)).toBeNull();
    expect(resultOf(html)).toEqual({
      data: { groupeInstructeurCreer: { groupeInstructeur: { label: "Bac à sable" }, errors: null } },
    });
    expect(pageText(html)).toContain("Mutation exécutée dans le bac à sable (démarche en test).");
    expect(await groupesNamed(brouillon.id, "Bac à sable")).toHaveLength(1);
  });

  it("asks for a confirmation when one of several mutations leaves the sandbox", async () => {
    const query = `mutation deux($a: GroupeInstructeurCreerInput!, $b: GroupeInstructeurCreerInput!) {
  a: groupeInstructeurCreer(input: $a) { errors { message } }
  b: groupeInstructeurCreer(input: $b) { errors { message } }
}`;
    const variables = JSON.stringify({
      a: { demarche: { number: brouillon.id }, groupeInstructeur: { label: "Mixte A" } },
      b: { demarche: { number: published.id }, groupeInstructeur: { label: "Mixte B" } },
    });
    const { html } = await run({ query, variables });
    expect(pageText(html)).toContain("Confirmer la mutation");
    expect(await groupesNamed(brouillon.id, "Mixte A")).toEqual([]);
  });

  it("never reveals another administrateur's démarche, and changes nothing there even once confirmed", async () => {
    const variables = JSON.stringify({ input: { demarche: { number: foreign.id }, groupeInstructeur: { label: "Intrus" } } });
    const first = await run({ query: CREER, variables });
    const text = pageText(first.html);
    expect(text).toContain("groupeInstructeurCreer : objet introuvable parmi vos démarches");
    expect(text).not.toContain(foreign.libelle);
    const confirmed = await run({ query: CREER, variables, confirmation: confirmationOf(first.html) as string });
    expect(resultOf(confirmed.html).errors?.[0]?.extensions?.code).toBe("unauthorized");
    expect(await groupesNamed(foreign.id, "Intrus")).toEqual([]);
  });
});
