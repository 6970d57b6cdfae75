/**
 * File fields through HTTP: the JSON endpoint used with JavaScript (upload, refusals, deletion),
 * the dossier form without JavaScript (multipart: files, removals, and typed values kept), and
 * who may upload — the dossier's usager only, anyone else gets 404 and nothing is stored.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES, TEXT_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { attribute, dossierSnapshot, pageText, signedInSession, tagWithId } from "../usager/support";
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
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(async () => {
  await server?.stop();
});

async function fileDemarche() {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Montant" },
      {
        type: "piece_justificative",
        libelle: "Devis",
        mandatory: false,
        options: { formatFamilies: ["document_texte", "image_scan"] },
      },
      { type: "titre_identite", libelle: "Pièce d’identité", mandatory: false },
    ],
  });
  const champs = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const id = (libelle: string) => champs.find((c) => c.libelle === libelle)?.stableId as number;
  return {
    ...built,
    ids: { projet: id("Nom du projet"), montant: id("Montant"), devis: id("Devis"), identite: id("Pièce d’identité") },
  };
}

async function usagerWithDossier() {
  const { db } = server.database;
  const demarche = await fileDemarche();
  const usager = await buildUser(db);
  const { dossierId } = await buildDossier(db, { demarche: { id: demarche.demarche.id, path: demarche.path }, usager });
  const session = await signedInSession(server.url, usager);
  await session.get(`/dossiers/${dossierId}/brouillon`);
  return { demarche, usager, dossierId, session, ids: demarche.ids };
}

describe("JSON upload endpoint", () => {
  it("stores the file, records it in the field and answers with its download path", async () => {
    const { db } = server.database;
    const { dossierId, session, ids } = await usagerWithDossier();
    const before = await storedObjects(server.storageDir);

    const { status, body } = await uploadJson(session, dossierId, ids.devis, "devis signé.pdf", PDF_BYTES);
    expect(status).toBe(201);
    expect(body?.file).toMatchObject({ filename: "devis signé.pdf", contentType: "application/pdf", byteSize: PDF_BYTES.length });
    expect(body?.file?.url).toBe(`/pieces-jointes/${body?.file?.id}`);

    const row = (await attachmentRows(db)).find((r) => r.id === body?.file?.id);
    expect(row).toMatchObject({
      purpose: "champ",
      dossierId,
      stableId: ids.devis,
      rowId: "",
      checksum: createHash("sha256").update(PDF_BYTES).digest("hex"),
    });
    expect(await champValue(db, dossierId, ids.devis)).toEqual([
      { id: body?.file?.id, filename: "devis signé.pdf", contentType: "application/pdf", byteSize: PDF_BYTES.length },
    ]);
    expect(await storedObjects(server.storageDir)).toEqual([...before, row?.storageKey].sort());

    // A second file is added after the first.
    const second = await uploadJson(session, dossierId, ids.devis, "plan.png", PNG_BYTES);
    expect(second.status).toBe(201);
    expect(((await champValue(db, dossierId, ids.devis)) as Array<{ filename: string }>).map((f) => f.filename)).toEqual([
      "devis signé.pdf",
      "plan.png",
    ]);
  });

  it.each([
    ["too large", "devis.pdf", Buffer.concat([PDF_BYTES, Buffer.alloc(TEST_UPLOAD_MAX_BYTES)]), 413, "file_too_large"],
    ["a .png that is really text", "scan.png", TEXT_BYTES, 415, "file_format_not_accepted"],
    ["empty", "vide.pdf", Buffer.alloc(0), 422, "file_empty"],
  ] as const)("refuses a file %s with a message, and stores nothing", async (_label, filename, bytes, status, code) => {
    const { db } = server.database;
    const { dossierId, session, ids } = await usagerWithDossier();
    const before = { objects: await storedObjects(server.storageDir), rows: (await attachmentRows(db)).length };
    const snapshot = await dossierSnapshot(db, dossierId);

    const response = await uploadJson(session, dossierId, ids.devis, filename, bytes);
    expect(response.status).toBe(status);
    expect(response.body?.error?.code).toBe(code);
    expect(response.body?.error?.message).toContain("Devis");
    expect(await storedObjects(server.storageDir)).toEqual(before.objects);
    expect((await attachmentRows(db)).length).toBe(before.rows);
    expect(await dossierSnapshot(db, dossierId)).toEqual(snapshot);
  });

  it("accepts only JPEG or PNG as identity document", async () => {
    const { dossierId, session, ids } = await usagerWithDossier();
    expect((await uploadJson(session, dossierId, ids.identite, "cni.pdf", PDF_BYTES)).status).toBe(415);
    expect((await uploadJson(session, dossierId, ids.identite, "cni.jpg", JPEG_BYTES)).status).toBe(201);
  });

  it("answers 404 and stores nothing for someone else's dossier, a visitor, or a field that takes no file", async () => {
    const { db } = server.database;
    const { dossierId, ids } = await usagerWithDossier();
    const intruder = await signedInSession(server.url, await buildUser(db));
    await intruder.get("/dossiers");
    const anonymous = new HttpSession(server.url);
    await anonymous.get("/users/sign_in");
    const owner = await usagerWithDossier();
    const before = { objects: await storedObjects(server.storageDir), rows: (await attachmentRows(db)).length };
    const snapshot = await dossierSnapshot(db, dossierId);

    expect((await uploadJson(intruder, dossierId, ids.devis, "devis.pdf", PDF_BYTES)).status).toBe(404);
    expect((await uploadJson(anonymous, dossierId, ids.devis, "devis.pdf", PDF_BYTES)).status).toBe(404);
    expect((await uploadJson(owner.session, owner.dossierId, owner.ids.projet, "devis.pdf", PDF_BYTES)).status).toBe(404);
    expect((await uploadJson(owner.session, owner.dossierId, `${owner.ids.devis}|abc`, "devis.pdf", PDF_BYTES)).status).toBe(404);
    expect((await uploadJson(owner.session, 999_999, owner.ids.devis, "devis.pdf", PDF_BYTES)).status).toBe(404);

    expect(await storedObjects(server.storageDir)).toEqual(before.objects);
    expect((await attachmentRows(db)).length).toBe(before.rows);
    expect(await dossierSnapshot(db, dossierId)).toEqual(snapshot);
  });

  it("refuses an upload without the CSRF token (403), and a dossier already submitted (404)", async () => {
    const { db } = server.database;
    const { dossierId, session, ids, usager, demarche } = await usagerWithDossier();
    const before = await storedObjects(server.storageDir);
    const forged = await uploadJson(session, dossierId, ids.devis, "devis.pdf", PDF_BYTES, { csrf: "forged" });
    expect(forged.status).toBe(403);
    expect((await uploadJson(session, dossierId, ids.devis, "devis.pdf", PDF_BYTES, { csrf: null })).status).toBe(403);

    const submitted = await buildDossier(db, {
      demarche: { id: demarche.demarche.id, path: demarche.path },
      usager,
      state: "en_instruction",
    });
    expect((await uploadJson(session, submitted.dossierId, ids.devis, "devis.pdf", PDF_BYTES)).status).toBe(404);
    expect(await storedObjects(server.storageDir)).toEqual(before);
  });

  it("removes a file from its field (owner only)", async () => {
    const { db } = server.database;
    const { dossierId, session, ids } = await usagerWithDossier();
    const uploaded = await uploadJson(session, dossierId, ids.devis, "devis.pdf", PDF_BYTES);
    const fileId = uploaded.body?.file?.id as string;
    const path = `/dossiers/${dossierId}/pieces-jointes/${ids.devis}/${fileId}/supprimer`;

    const intruder = await signedInSession(server.url, await buildUser(db));
    await intruder.get("/dossiers");
    expect((await intruder.post(path, {})).status).toBe(404);
    expect(await champValue(db, dossierId, ids.devis)).toHaveLength(1);
    expect((await session.post(path, {}, { csrf: "forged" })).status).toBe(403);

    const removed = await session.post(path, {});
    expect(removed.status).toBe(200);
    expect(await champValue(db, dossierId, ids.devis)).toBeNull();
    expect((await session.post(path, {})).status).toBe(404);
  });
});

describe("file fields in repetition rows", () => {
  it("stores a file in one row of a block, by the row's key, with and without JavaScript", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, {
      champs: [
        {
          type: "repetition",
          libelle: "Bâtiments",
          children: [
            { type: "text", libelle: "Adresse du bâtiment" },
            { type: "piece_justificative", libelle: "Plan", mandatory: false },
          ],
        },
      ],
    });
    const champs = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
    const block = champs.find((c) => c.libelle === "Bâtiments")?.stableId as number;
    const plan = champs.find((c) => c.libelle === "Plan")?.stableId as number;
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, { demarche: { id: built.demarche.id, path: built.path }, usager });
    const [rowId] = (await champValue(db, dossierId, block)) as string[];
    const session = await signedInSession(server.url, usager);
    await session.get(`/dossiers/${dossierId}/brouillon`);
    expect(session.lastHtml).toContain(`name="champ_${plan}|${rowId}"`);

    expect((await uploadJson(session, dossierId, `${plan}|${rowId}`, "plan.png", PNG_BYTES)).status).toBe(201);
    const form = fileForm(`champ_${plan}|${rowId}`, "coupe.pdf", PDF_BYTES);
    form.append("intent", "save");
    expect((await session.postFormData(`/dossiers/${dossierId}/brouillon`, form)).status).toBe(200);
    expect(((await champValue(db, dossierId, plan, rowId)) as Array<{ filename: string }>).map((f) => f.filename)).toEqual([
      "plan.png",
      "coupe.pdf",
    ]);
    const [row] = (await attachmentRows(db)).filter((r) => r.dossierId === dossierId);
    expect(row).toMatchObject({ stableId: plan, rowId });
    // A row the dossier does not have: 404, nothing stored.
    expect((await uploadJson(session, dossierId, `${plan}|zzzz`, "plan.png", PNG_BYTES)).status).toBe(404);
    expect((await uploadJson(session, dossierId, plan, "plan.png", PNG_BYTES)).status).toBe(404);
  });
});

describe("dossier form without JavaScript (multipart)", () => {
  it("shows the file input in the form, which is multipart", async () => {
    const { dossierId, session, ids } = await usagerWithDossier();
    const html = (await session.get(`/dossiers/${dossierId}/brouillon`)).ok ? session.lastHtml : "";
    // React writes `encType` (HTML attribute names are case-insensitive).
    expect(attribute(tagWithId(html, "formulaire-dossier"), "enctype")).toBe("multipart/form-data");
    expect(html).toContain(`type="file"`);
    expect(html).toContain(`name="champ_${ids.devis}"`);
  });

  it("stores the chosen file, saves what was typed, and refuses a wrong file without losing anything", async () => {
    const { db } = server.database;
    const { dossierId, session, ids } = await usagerWithDossier();
    const form = new FormData();
    form.append(`champ_${ids.projet}`, "Nouvelle toiture");
    // Not a number: a brouillon keeps it as typed, submission will refuse it.
    form.append(`champ_${ids.montant}`, "douze mille");
    form.append(`champ_${ids.devis}`, new Blob([new Uint8Array(PDF_BYTES)]), "devis.pdf");
    form.append(`champ_${ids.identite}`, new Blob([new Uint8Array(TEXT_BYTES)]), "cni.png");
    // An empty file input (nothing chosen) sends a part without a name.
    form.append(`champ_${ids.devis}`, new Blob([]), "");
    form.append("intent", "save");
    const before = (await attachmentRows(db)).length;

    const response = await session.postFormData(`/dossiers/${dossierId}/brouillon`, form);
    expect(response.status).toBe(200);
    expect(await champValue(db, dossierId, ids.projet)).toBe("Nouvelle toiture");
    expect(await champValue(db, dossierId, ids.montant)).toBe("douze mille");
    expect(((await champValue(db, dossierId, ids.devis)) as Array<{ filename: string }>).map((f) => f.filename)).toEqual([
      "devis.pdf",
    ]);
    expect(await champValue(db, dossierId, ids.identite)).toBeNull();
    expect((await attachmentRows(db)).length).toBe(before + 1);

    // The page shows what was typed and the file now in the field.
    const text = pageText(session.lastHtml);
    expect(session.lastHtml).toContain("Nouvelle toiture");
    expect(text).toContain("devis.pdf");
  });

  it("shows the refused file's error on its field (the action reads _upload_errors)", async () => {
    const { dossierId, session, ids } = await usagerWithDossier();
    const form = fileForm(`champ_${ids.identite}`, "cni.png", TEXT_BYTES);
    form.append("intent", "save");
    await session.postFormData(`/dossiers/${dossierId}/brouillon`, form);
    expect(pageText(session.lastHtml)).toContain(
      "Le fichier « cni.png » du champ « Pièce d’identité » n’est pas d’un format accepté",
    );
  });

  it("removes the files whose checkbox is ticked, with the other values", async () => {
    const { db } = server.database;
    const { dossierId, session, ids } = await usagerWithDossier();
    const uploaded = await uploadJson(session, dossierId, ids.devis, "devis.pdf", PDF_BYTES);
    await session.get(`/dossiers/${dossierId}/brouillon`);
    expect(session.lastHtml).toContain(`value="${ids.devis}/${uploaded.body?.file?.id}"`);
    const form = new FormData();
    form.append(`champ_${ids.projet}`, "Autre projet");
    form.append("_delete_file", `${ids.devis}/${uploaded.body?.file?.id}`);
    form.append("intent", "save");
    expect((await session.postFormData(`/dossiers/${dossierId}/brouillon`, form)).status).toBe(200);
    expect(await champValue(db, dossierId, ids.devis)).toBeNull();
    expect(await champValue(db, dossierId, ids.projet)).toBe("Autre projet");
  });

  it("stores nothing without a valid CSRF token first, and nothing into someone else's dossier", async () => {
    const { db } = server.database;
    const { dossierId, ids } = await usagerWithDossier();
    const intruder = await signedInSession(server.url, await buildUser(db));
    await intruder.get("/dossiers");
    const before = { objects: await storedObjects(server.storageDir), rows: (await attachmentRows(db)).length };
    const snapshot = await dossierSnapshot(db, dossierId);

    const stolen = await intruder.postFormData(
      `/dossiers/${dossierId}/brouillon`,
      fileForm(`champ_${ids.devis}`, "devis.pdf", PDF_BYTES),
    );
    expect(stolen.status).toBe(404);
    const forged = await intruder.postFormData(
      `/dossiers/${dossierId}/brouillon`,
      fileForm(`champ_${ids.devis}`, "devis.pdf", PDF_BYTES),
      {
        csrf: "forged",
      },
    );
    expect(forged.status).toBe(403);

    expect(await storedObjects(server.storageDir)).toEqual(before.objects);
    expect((await attachmentRows(db)).length).toBe(before.rows);
    expect(await dossierSnapshot(db, dossierId)).toEqual(snapshot);
  });
});
