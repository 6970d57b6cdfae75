/**
 * « Télécharger le dossier »: `/dossiers/:id/pdf` for the usager, `/procedures/:d/dossiers/:id/pdf`
 * for the instructeurs who may see it, and the API's `Dossier.pdf` signed link. Anyone else (another
 * usager, a visitor, an instructeur of another démarche or with another démarche in the URL, a
 * forged or expired link) gets the site's 404 page. The PDF holds what the dossier page shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champValue, constant, eq } from "../../../server/domain/conditions/ast";
import { signedDossierPdfUrl } from "../../../server/http/documents/signed-document-url";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { readPdf } from "../../support/pdf-text";
import { startTestServer, type TestServer } from "../../support/server";
import { signedInSession } from "../usager/support";

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

async function setup(state: "brouillon" | "en_construction" = "en_construction") {
  const { db } = server.database;
  const administrateurEmail = `admin-pdf-${Math.random().toString(36).slice(2, 8)}@exemple.fr`;
  const built = await buildDemarche(db, {
    administrateurEmail,
    libelle: "Subvention aux associations sportives",
    champs: [
      { type: "header_section", libelle: "L’association", options: { level: 1 } },
      { type: "text", libelle: "Nom de l’association" },
      { type: "yes_no", libelle: "Recevez-vous d’autres aides ?" },
      {
        type: "text",
        libelle: "Montant des autres aides",
        condition: (idOf) => eq(champValue(idOf("Recevez-vous d’autres aides ?")), constant(true)),
      },
      { type: "repetition", libelle: "Équipes", children: [{ type: "text", libelle: "Nom de l’équipe" }] },
    ],
  });
  const usager = await buildUser(db);
  const { dossierId } = await buildDossier(db, {
    demarche: built.demarche,
    usager,
    state,
    identity: { civilite: "Mme", nom: "Berthier", prenom: "Louise" },
    values: {
      "Nom de l’association": "Union sportive de Brive",
      "Recevez-vous d’autres aides ?": "false",
      "Montant des autres aides": "Montant caché",
      "Nom de l’équipe": "Minimes",
    },
  });
  return { ...built, administrateurEmail, usager, dossierId };
}

async function pdfOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  return readPdf(new Uint8Array(await response.arrayBuffer()));
}

function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toContain("text/html");
}

describe("the usager's dossier PDF", () => {
  it("holds the identity and the visible fields in order, the hidden one left out", async () => {
    const { usager, dossierId } = await setup();
    const owner = await sessionOf(usager);
    const response = await owner.get(`/dossiers/${dossierId}/pdf`);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="dossier-${dossierId}.pdf"; filename*=UTF-8''dossier-${dossierId}.pdf`,
    );
    const pdf = await pdfOf(response);
    const expected = [
      `Dossier n° ${dossierId}`,
      "Subvention aux associations sportives",
      "Berthier",
      "Louise",
      "Déposé le",
      "L’association",
      "Nom de l’association Union sportive de Brive",
      "Recevez-vous d’autres aides ? Non",
      "Équipes – ligne 1",
      "Nom de l’équipe Minimes",
    ];
    for (const text of expected) expect(pdf.text).toContain(text);
    expect(pdf.text.indexOf("Nom de l’association")).toBeLessThan(pdf.text.indexOf("Équipes – ligne 1"));
    expect(pdf.text).not.toContain("Montant des autres aides");
    expect(pdf.text).not.toContain("Montant caché");
  });

  it("is the 404 page for another usager, a visitor and an instructeur on the usager's URL", async () => {
    const { dossierId, instructeurs } = await setup();
    const other = await sessionOf(await buildUser(server.database.db));
    const instructeur = await sessionOf(instructeurs[0] as { email: string });
    for (const session of [other, new HttpSession(server.url), instructeur]) {
      expectNotFound(await session.get(`/dossiers/${dossierId}/pdf`));
    }
  });
});

describe("the instructeur's dossier PDF", () => {
  it("is served to the démarche's instructeurs", async () => {
    const { demarche, dossierId, instructeurs } = await setup();
    const instructeur = await sessionOf(instructeurs[0] as { email: string });
    const pdf = await pdfOf(await instructeur.get(`/procedures/${demarche.id}/dossiers/${dossierId}/pdf`));
    expect(pdf.text).toContain(`Dossier n° ${dossierId}`);
    expect(pdf.text).toContain("Union sportive de Brive");
    expect(pdf.text).not.toContain("Montant caché");
  });

  it("is the 404 page for an instructeur of another démarche, another démarche in the URL, the usager, and a brouillon", async () => {
    const { db } = server.database;
    const { demarche, dossierId, instructeurs, usager } = await setup();
    const elsewhere = await buildDemarche(db);
    const stranger = await sessionOf(elsewhere.instructeurs[0] as { email: string });
    expectNotFound(await stranger.get(`/procedures/${demarche.id}/dossiers/${dossierId}/pdf`));
    expectNotFound(await stranger.get(`/procedures/${elsewhere.demarche.id}/dossiers/${dossierId}/pdf`));
    const instructeur = await sessionOf(instructeurs[0] as { email: string });
    expectNotFound(await instructeur.get(`/procedures/${elsewhere.demarche.id}/dossiers/${dossierId}/pdf`));
    expectNotFound(await (await sessionOf(usager)).get(`/procedures/${demarche.id}/dossiers/${dossierId}/pdf`));
    const draft = await setup("brouillon");
    const draftInstructeur = await sessionOf(draft.instructeurs[0] as { email: string });
    expectNotFound(await draftInstructeur.get(`/procedures/${draft.demarche.id}/dossiers/${draft.dossierId}/pdf`));
  });
});

describe("Dossier.pdf in the API", () => {
  it("gives a signed link that works without a session; a forged, expired or other dossier's link is the 404 page", async () => {
    const { db, config } = server.database;
    const { dossierId, administrateurEmail } = await setup();
    const created = await createApiToken(db, { administrateurEmail, name: "PDF" });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    const response = await fetch(`${server.url}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${created.bearer}` },
      body: JSON.stringify({
        query: "query($n: Int!) { dossier(number: $n) { pdf { filename contentType byteSize checksum url } } }",
        variables: { n: dossierId },
      }),
    });
    const body = (await response.json()) as {
      data: { dossier: { pdf: { filename: string; contentType: string; url: string } } };
    };
    const file = body.data.dossier.pdf;
    expect(file).toMatchObject({
      filename: `dossier-${dossierId}.pdf`,
      contentType: "application/pdf",
      byteSize: 0,
      checksum: "",
    });
    const url = new URL(file.url);
    expect(url.pathname).toBe(`/api/v2/dossiers/${dossierId}/pdf`);
    const visitor = new HttpSession(server.url);
    const pdf = await pdfOf(await visitor.get(`${url.pathname}${url.search}`));
    expect(pdf.text).toContain("Union sportive de Brive");

    const forged = new URL(url);
    forged.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expectNotFound(await visitor.get(`${forged.pathname}${forged.search}`));
    const expired = new URL(signedDossierPdfUrl(config, dossierId, Date.now() - 2 * 3600 * 1000).url);
    expectNotFound(await visitor.get(`${expired.pathname}${expired.search}`));
    expectNotFound(await visitor.get(`/api/v2/dossiers/${dossierId + 1}/pdf${url.search}`));
    expectNotFound(await visitor.get(`/api/v2/dossiers/${dossierId}/pdf`));
  });
});
