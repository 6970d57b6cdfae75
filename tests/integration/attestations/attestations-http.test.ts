/**
 * Attestations over HTTP, without JavaScript: the administrateur's page (bad tag named with the
 * typed text kept, save, activation, PDF preview), the decision e-mail refused without
 * `--lien attestation--`, and the downloads of the generated attestation by the usager, the
 * instructeurs and the API's signed link; anyone else gets the 404 page.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attestationTemplates } from "../../../server/db/schema";
import { storageFor } from "../../../server/integrations/storage";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { generateAttestation } from "../../../server/operations/attestations/generate-attestation";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { readPdf } from "../../support/pdf-text";
import { startTestServer, type TestServer } from "../../support/server";
import { signedInSession } from "../usager/support";
import { fieldValue, location, pageText, signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

async function sessionOf(user: { email: string }) {
  const session = await signedInSession(server.url, user);
  await session.get("/");
  return session;
}

function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toContain("text/html");
}

async function pdfText(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return (await readPdf(new Uint8Array(await response.arrayBuffer()))).text;
}

describe("the attestations page", () => {
  it("saves (bad tag named, text kept), activates, previews; the decision e-mail then needs the link; 404 for another administrateur", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { champs: [{ type: "text", libelle: "Nom du club" }] });
    const browser = await signedIn(server, built.admin.email);
    const base = `/admin/procedures/${built.demarche.id}/attestations`;
    expect((await browser.get(base)).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Attestation d’acceptation");
    expect(browser.lastHtml).toContain("<code>--Nom du club--</code>");

    const refused = await browser.post(base, {
      intent: "save",
      kind: "acceptation",
      title: "Attestation --numéro du dossier--",
      body: "Club --Nom du club-- --tag inconnu--",
      footer: "",
      officialLayout: "on",
    });
    expect(refused.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("La balise --tag inconnu-- n’existe pas");
    expect(fieldValue(browser.lastHtml, "acceptation-body")).toBe("Club --Nom du club-- --tag inconnu--");
    expect(await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, built.demarche.id))).toEqual(
      [],
    );

    const saved = await browser.post(base, {
      intent: "save",
      kind: "acceptation",
      title: "Attestation --numéro du dossier--",
      body: "Le club --Nom du club-- est agréé.",
      footer: "Mairie de Tulle",
      officialLayout: "on",
    });
    expect(location(saved)).toBe(`${base}?notice=saved&kind=acceptation#acceptation`);
    await browser.get(base);
    expect(location(await browser.post(base, { intent: "activate", kind: "acceptation" }))).toBe(
      `${base}?notice=activated&kind=acceptation#acceptation`,
    );
    const [row] = await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, built.demarche.id));
    expect(row).toMatchObject({ activated: true, officialLayout: true, footer: "Mairie de Tulle" });

    const preview = await pdfText(await browser.get(`${base}/acceptation/apercu?dossier=exemple`));
    expect(preview).toContain("Le club");
    expect(preview).toContain("est agréé.");
    expect(preview).toContain("RÉPUBLIQUE");

    // The acceptance e-mail must now carry the attestation's link.
    const emails = `/admin/procedures/${built.demarche.id}/emails/closed`;
    await browser.get(emails);
    expect((await browser.post(emails, { intent: "save", subject: "Accepté", body: "Votre dossier est accepté." })).status).toBe(
      422,
    );
    expect(pageText(browser.lastHtml)).toContain("ajoutez la balise --lien attestation--");
    expect(
      location(await browser.post(emails, { intent: "save", subject: "Accepté", body: "Attestation : --lien attestation--" })),
    ).toBe(`${emails}?notice=saved`);

    const other = await buildDemarche(db);
    const stranger = await signedIn(server, other.admin.email);
    expectNotFound(await stranger.get(base));
    // A resource route: its 404 carries no page.
    expect((await stranger.get(`${base}/acceptation/apercu?dossier=exemple`)).status).toBe(404);
    await stranger.get(`/admin/procedures/${other.demarche.id}`);
    expect((await stranger.post(base, { intent: "deactivate", kind: "acceptation" })).status).toBe(404);
    const [after] = await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, built.demarche.id));
    expect(after?.activated).toBe(true);
  });
});

describe("downloading the attestation", () => {
  it("is served to the usager, the instructeurs and a signed API link; the 404 page for anyone else", async () => {
    const { db, config } = server.database;
    const administrateurEmail = `admin-att-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
    const built = await buildDemarche(db, { administrateurEmail, champs: [{ type: "text", libelle: "Nom du club" }] });
    await db.insert(attestationTemplates).values({
      demarcheId: built.demarche.id,
      kind: "acceptation",
      title: "Attestation n° --numéro du dossier--",
      body: "Le club --Nom du club-- est agréé.",
      activated: true,
    });
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, {
      demarche: built.demarche,
      usager,
      state: "en_construction",
      values: { "Nom du club": "Stade tulliste" },
    });
    const i = built.instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const actor = { userId: i.userId, instructeurId: i.instructeurId, email: i.email };
    await passerEnInstruction(db, actor, dossierId);
    const owner = await sessionOf(usager);
    // Not generated yet: no link, and the URL is the 404 page.
    await owner.get(`/dossiers/${dossierId}`);
    expect(owner.lastHtml).not.toContain("telecharger-attestation");
    await accepterDossier(db, actor, dossierId);
    expectNotFound(await owner.get(`/dossiers/${dossierId}/attestation`));
    expect(await generateAttestation(db, storageFor(config), { dossierId, appUrl: config.appUrl })).toBe("generated");

    expect((await owner.get(`/dossiers/${dossierId}`)).status).toBe(200);
    expect(owner.lastHtml).toContain(`href="/dossiers/${dossierId}/attestation"`);
    const response = await owner.get(`/dossiers/${dossierId}/attestation`);
    expect(response.headers.get("content-disposition")).toContain(`attestation-dossier-${dossierId}.pdf`);
    expect(await pdfText(response)).toContain("Le club Stade tulliste est agréé.");

    const instructeur = await sessionOf(i);
    const instructeurUrl = `/procedures/${built.demarche.id}/dossiers/${dossierId}/attestation`;
    await instructeur.get(`/procedures/${built.demarche.id}/dossiers/${dossierId}`);
    expect(instructeur.lastHtml).toContain(`href="${instructeurUrl}"`);
    expect(await pdfText(await instructeur.get(instructeurUrl))).toContain(`Attestation n° ${dossierId}`);

    const elsewhere = await buildDemarche(db);
    const strangerInstructeur = await sessionOf(elsewhere.instructeurs[0] as { email: string });
    const otherUsager = await sessionOf(await buildUser(db));
    for (const session of [otherUsager, new HttpSession(server.url), instructeur]) {
      expectNotFound(await session.get(`/dossiers/${dossierId}/attestation`));
    }
    expectNotFound(await strangerInstructeur.get(instructeurUrl));
    expectNotFound(await owner.get(instructeurUrl));

    const created = await createApiToken(db, { administrateurEmail, name: "Attestations" });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    const api = await fetch(`${server.url}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${created.bearer}` },
      body: JSON.stringify({
        query: "query($n: Int!) { dossier(number: $n) { attestation { filename contentType byteSize url } } }",
        variables: { n: dossierId },
      }),
    });
    const body = (await api.json()) as {
      data: { dossier: { attestation: { filename: string; byteSize: number; url: string } } };
    };
    expect(body.data.dossier.attestation.filename).toBe(`attestation-dossier-${dossierId}.pdf`);
    expect(body.data.dossier.attestation.byteSize).toBeGreaterThan(1000);
    const url = new URL(body.data.dossier.attestation.url);
    expect(url.pathname).toBe(`/api/v2/dossiers/${dossierId}/attestation`);
    expect(await pdfText(await new HttpSession(server.url).get(`${url.pathname}${url.search}`))).toContain("Stade tulliste");
    expectNotFound(await new HttpSession(server.url).get(`/api/v2/dossiers/${dossierId}/attestation`));
  });
});
