/**
 * Files in the annotations privées, through HTTP: an instructeur of the dossier's groupe adds and
 * removes them on the dossier page, with JavaScript (JSON endpoint) and without (the annotations
 * form is multipart), with the usager's format and size rules; the files are listed on the page,
 * downloaded by the instructeurs and served by the API. The usager can neither upload to an
 * annotation nor download its files, and nor can an instructeur of another groupe: 404, nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES, TEXT_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { attribute, dossierSnapshot, pageText, tagWithId } from "../usager/support";
import {
  TEST_UPLOAD_MAX_BYTES,
  attachmentRows,
  champValue,
  fileForm,
  startFileServer,
  storedObjects,
  uploadJson,
} from "./support";

let server: TestServer & { storageDir: string };
let demarcheId: number;
let demarchePath: string;
let adminEmail: string;
let rapport: number;
let note: number;
let usagerField: number;
let usager: { userId: number; email: string };
const titulaire = "titulaire-fichiers-annotations@exemple.fr";
const autreGroupe = "autre-demarche-fichiers-annotations@exemple.fr";
let otherDemarcheId: number;

beforeAll(async () => {
  server = await startFileServer();
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [{ type: "piece_justificative", libelle: "Justificatif de l’usager", mandatory: false }],
    annotations: [
      {
        type: "piece_justificative",
        libelle: "Rapport de visite",
        mandatory: true,
        options: { formatFamilies: ["document_texte", "image_scan"] },
      },
      { type: "integer_number", libelle: "Note", mandatory: false },
    ],
    instructeurEmails: [titulaire],
    path: `annotations-fichiers-${Date.now().toString(36)}`,
  });
  demarcheId = built.demarche.id;
  demarchePath = built.path as string;
  adminEmail = built.admin.email;
  const revisionId = built.demarche.publishedRevisionId as number;
  const annotations = await loadRevisionChamps(db, revisionId, { private: true });
  rapport = annotations.find((f) => f.libelle === "Rapport de visite")?.stableId as number;
  note = annotations.find((f) => f.libelle === "Note")?.stableId as number;
  usagerField = (await loadRevisionChamps(db, revisionId))[0]?.stableId as number;
  usager = await buildUser(db, [], "usager-fichiers-annotations@exemple.fr");
  const other = await buildDemarche(db, { instructeurEmails: [autreGroupe] });
  otherDemarcheId = other.demarche.id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function signedIn(email: string, page: string) {
  const session = new HttpSession(server.url);
  await session.signIn(email, FACTORY_PASSWORD);
  await session.get(page);
  return session;
}

const dossierPage = (dossierId: number) => `/procedures/${demarcheId}/dossiers/${dossierId}`;

async function submittedDossier(state: "en_construction" | "en_instruction" = "en_instruction") {
  const { db } = server.database;
  const { dossierId } = await buildDossier(db, { demarche: { id: demarcheId, path: demarchePath }, usager, state });
  return dossierId;
}

async function nothingStoredBy(action: () => Promise<void>, dossierId: number) {
  const { db } = server.database;
  const before = {
    objects: await storedObjects(server.storageDir),
    rows: (await attachmentRows(db)).length,
    dossier: await dossierSnapshot(db, dossierId),
  };
  await action();
  expect(await storedObjects(server.storageDir)).toEqual(before.objects);
  expect((await attachmentRows(db)).length).toBe(before.rows);
  expect(await dossierSnapshot(db, dossierId)).toEqual(before.dossier);
}

const filenames = async (dossierId: number) =>
  (((await champValue(server.database.db, dossierId, rapport)) as Array<{ filename: string }> | null) ?? []).map(
    (f) => f.filename,
  );

describe("an instructeur of the dossier's groupe, with JavaScript", () => {
  it("adds a file to an annotation, sees it listed, downloads it, removes it; the usager's date does not move", async () => {
    const { db } = server.database;
    const dossierId = await submittedDossier();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const before = await dossierSnapshot(db, dossierId);

    const uploaded = await uploadJson(browser, dossierId, rapport, "rapport de visite.pdf", PDF_BYTES, { base: page });
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body?.file?.id as string;
    expect(uploaded.body?.file).toMatchObject({
      filename: "rapport de visite.pdf",
      contentType: "application/pdf",
      url: `/pieces-jointes/${fileId}`,
    });
    expect((await attachmentRows(db)).find((row) => row.id === fileId)).toMatchObject({
      purpose: "champ",
      dossierId,
      stableId: rapport,
      rowId: "",
    });
    expect(await filenames(dossierId)).toEqual(["rapport de visite.pdf"]);
    const after = (await dossierSnapshot(db, dossierId)) as { dossier: { lastChampUpdatedAt: string; lockVersion: number } };
    const initial = before as typeof after;
    expect(after.dossier.lastChampUpdatedAt).toBe(initial.dossier.lastChampUpdatedAt);
    expect(after.dossier.lockVersion).toBe(initial.dossier.lockVersion + 1);

    // Listed in the annotations form, with its download link; the download serves the bytes.
    await browser.get(page);
    expect(browser.lastHtml).toContain(`href="/pieces-jointes/${fileId}"`);
    expect(browser.lastHtml).toContain(`aria-label="Fichiers ajoutés au champ « Rapport de visite »"`);
    const download = await browser.get(`/pieces-jointes/${fileId}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true);

    // A mandatory annotation's last file may go: annotations are required only before a decision.
    await browser.get(page);
    const removed = await browser.post(`${page}/pieces-jointes/${rapport}/${fileId}/supprimer`, {});
    expect(removed.status).toBe(200);
    expect(await champValue(db, dossierId, rapport)).toBeNull();
  });

  it.each([
    ["too large", "rapport.pdf", Buffer.concat([PDF_BYTES, Buffer.alloc(TEST_UPLOAD_MAX_BYTES)]), 413, "file_too_large"],
    ["a .png that is really text", "photo.png", TEXT_BYTES, 415, "file_format_not_accepted"],
  ] as const)("refuses a file %s with the field's message, and stores nothing", async (_label, filename, bytes, status, code) => {
    const dossierId = await submittedDossier();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    await nothingStoredBy(async () => {
      const response = await uploadJson(browser, dossierId, rapport, filename, bytes, { base: page });
      expect(response.status).toBe(status);
      expect(response.body?.error?.code).toBe(code);
      expect(response.body?.error?.message).toContain("Rapport de visite");
    }, dossierId);
  });

  it("answers 404 for a field that takes no file, a usager's field, or the other démarche in the path", async () => {
    const dossierId = await submittedDossier();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    await nothingStoredBy(async () => {
      expect((await uploadJson(browser, dossierId, note, "a.pdf", PDF_BYTES, { base: page })).status).toBe(404);
      expect((await uploadJson(browser, dossierId, usagerField, "a.pdf", PDF_BYTES, { base: page })).status).toBe(404);
      const elsewhere = `/procedures/${otherDemarcheId}/dossiers/${dossierId}`;
      expect((await uploadJson(browser, dossierId, rapport, "a.pdf", PDF_BYTES, { base: elsewhere })).status).toBe(404);
      // Nor through the usager's endpoint.
      expect((await uploadJson(browser, dossierId, rapport, "a.pdf", PDF_BYTES)).status).toBe(404);
    }, dossierId);
  });
});

describe("an instructeur of the dossier's groupe, without JavaScript", () => {
  it("has a multipart annotations form with the file input", async () => {
    const dossierId = await submittedDossier();
    const browser = await signedIn(titulaire, dossierPage(dossierId));
    expect(attribute(tagWithId(browser.lastHtml, "formulaire-annotations"), "enctype")).toBe("multipart/form-data");
    expect(browser.lastHtml).toContain(`name="champ_${rapport}"`);
    expect(browser.lastHtml).toContain(`type="file"`);
  });

  it("stores the chosen file with the other annotations, and removes a file whose box is ticked", async () => {
    const { db } = server.database;
    const dossierId = await submittedDossier("en_construction");
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const form = fileForm(`champ_${rapport}`, "plan.png", PNG_BYTES);
    form.append(`champ_${note}`, "14");
    form.append("intent", "annotations");
    const saved = await browser.postFormData(page, form);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${page}?notice=annotations#annotations`);
    expect(await filenames(dossierId)).toEqual(["plan.png"]);
    expect(await champValue(db, dossierId, note)).toBe("14");
    const [file] = (await attachmentRows(db)).filter((row) => row.dossierId === dossierId);

    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("plan.png");
    expect(browser.lastHtml).toContain(`value="${rapport}/${file?.id}"`);
    const removal = new FormData();
    removal.append("intent", "annotations");
    removal.append(`champ_${note}`, "14");
    removal.append("_delete_file", `${rapport}/${file?.id}`);
    expect((await browser.postFormData(page, removal)).status).toBe(302);
    expect(await champValue(db, dossierId, rapport)).toBeNull();
  });

  it("keeps the file when another annotation is invalid, and shows a refused file's error on its field", async () => {
    const { db } = server.database;
    const dossierId = await submittedDossier();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const form = fileForm(`champ_${rapport}`, "rapport.pdf", PDF_BYTES);
    form.append(`champ_${rapport}`, new Blob([new Uint8Array(TEXT_BYTES)]), "scan.jpg");
    form.append(`champ_${note}`, "quatorze");
    form.append("intent", "annotations");
    const refused = await browser.postFormData(page, form);
    expect(refused.status).toBe(422);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Le fichier « scan.jpg » du champ « Rapport de visite » n’est pas d’un format accepté");
    expect(browser.lastHtml).toContain(`href="#champ-${note}"`);
    // What was typed is shown again; the accepted file is kept and listed.
    expect(browser.lastHtml).toContain(`value="quatorze"`);
    expect(text).toContain("rapport.pdf");
    expect(await filenames(dossierId)).toEqual(["rapport.pdf"]);
    expect(await champValue(db, dossierId, note)).toBeNull();

    // A JPEG is accepted (image_scan), after the PDF.
    const jpeg = fileForm(`champ_${rapport}`, "photo.jpg", JPEG_BYTES);
    jpeg.append("intent", "annotations");
    expect((await browser.postFormData(page, jpeg)).status).toBe(302);
    expect(await filenames(dossierId)).toEqual(["rapport.pdf", "photo.jpg"]);
  });
});

describe("the usager and other instructeurs", () => {
  it("the usager cannot upload to an annotation (404, nothing stored) nor download its files", async () => {
    const { db } = server.database;
    const dossierId = await submittedDossier("en_construction");
    const instructeur = await signedIn(titulaire, dossierPage(dossierId));
    const uploaded = await uploadJson(instructeur, dossierId, rapport, "rapport.pdf", PDF_BYTES, {
      base: dossierPage(dossierId),
    });
    const fileId = uploaded.body?.file?.id as string;
    expect(uploaded.status).toBe(201);

    const owner = await signedIn(usager.email, `/dossiers/${dossierId}/modifier`);
    await nothingStoredBy(async () => {
      // Their own endpoint knows only their form; the instructeurs' one is not theirs.
      expect((await uploadJson(owner, dossierId, rapport, "a.pdf", PDF_BYTES)).status).toBe(404);
      expect((await uploadJson(owner, dossierId, rapport, "a.pdf", PDF_BYTES, { base: dossierPage(dossierId) })).status).toBe(
        404,
      );
      const multipart = fileForm(`champ_${rapport}`, "a.pdf", PDF_BYTES);
      multipart.append("intent", "save");
      await owner.postFormData(`/dossiers/${dossierId}/modifier`, multipart);
      const viaPage = fileForm(`champ_${rapport}`, "a.pdf", PDF_BYTES);
      viaPage.append("intent", "annotations");
      expect((await owner.postFormData(dossierPage(dossierId), viaPage)).status).toBe(404);
      await owner.get(`/dossiers/${dossierId}`); // a refused post's 404 page carries no form to take a token from
      expect((await owner.post(`/dossiers/${dossierId}/pieces-jointes/${rapport}/${fileId}/supprimer`, {})).status).toBe(404);
    }, dossierId);
    expect((await owner.get(`/pieces-jointes/${fileId}`)).status).toBe(404);
    expect(await filenames(dossierId)).toEqual(["rapport.pdf"]);

    // Their own files still download (the rule is about annotations only).
    const own = await uploadJson(owner, dossierId, usagerField, "justificatif.pdf", PDF_BYTES);
    expect(own.status).toBe(201);
    expect((await owner.get(`/pieces-jointes/${own.body?.file?.id}`)).status).toBe(200);
    expect((await attachmentRows(db)).filter((row) => row.dossierId === dossierId)).toHaveLength(2);
  });

  it("an instructeur of another démarche gets 404 for upload, removal and download, and nothing changes", async () => {
    const dossierId = await submittedDossier();
    const page = dossierPage(dossierId);
    const instructeur = await signedIn(titulaire, page);
    const fileId = (await uploadJson(instructeur, dossierId, rapport, "rapport.pdf", PDF_BYTES, { base: page })).body?.file
      ?.id as string;
    const outsider = await signedIn(autreGroupe, `/procedures/${otherDemarcheId}`);
    await nothingStoredBy(async () => {
      expect((await uploadJson(outsider, dossierId, rapport, "a.pdf", PDF_BYTES, { base: page })).status).toBe(404);
      const multipart = fileForm(`champ_${rapport}`, "a.pdf", PDF_BYTES);
      multipart.append("intent", "annotations");
      expect((await outsider.postFormData(page, multipart)).status).toBe(404);
      expect((await outsider.post(`${page}/pieces-jointes/${rapport}/${fileId}/supprimer`, {})).status).toBe(404);
    }, dossierId);
    expect((await outsider.get(`/pieces-jointes/${fileId}`)).status).toBe(404);
  });
});

describe("GraphQL", () => {
  it("serves an annotation's files with signed links", async () => {
    const dossierId = await submittedDossier();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    expect((await uploadJson(browser, dossierId, rapport, "rapport.pdf", PDF_BYTES, { base: page })).status).toBe(201);
    const created = await createApiToken(server.database.db, { administrateurEmail: adminEmail, name: "Annotations" });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    const response = await fetch(`${server.url}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${created.bearer}` },
      body: JSON.stringify({
        query: `query($n: Int!) { dossier(number: $n) { annotations { __typename label ... on PieceJustificativeChamp { files { filename url } } } } }`,
        variables: { n: dossierId },
      }),
    });
    const json = (await response.json()) as {
      data: {
        dossier: { annotations: Array<{ __typename: string; label: string; files?: Array<{ filename: string; url: string }> }> };
      };
    };
    const champ = json.data.dossier.annotations.find((a) => a.label === "Rapport de visite");
    expect(champ?.__typename).toBe("PieceJustificativeChamp");
    expect(champ?.files?.map((f) => f.filename)).toEqual(["rapport.pdf"]);
    const signed = new URL(champ?.files?.[0]?.url as string);
    const anonymous = await fetch(`${server.url}${signed.pathname}${signed.search}`);
    expect(anonymous.status).toBe(200);
  });
});
