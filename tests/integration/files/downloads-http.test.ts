/**
 * Downloads (`/pieces-jointes/:id`) and who may make them: the dossier's usager, instructeurs who
 * can see the dossier, a signed link from the API; model files for the démarche's administrateurs
 * and, once published, for everyone. Anyone else gets the 404 page. Also the editor's model-file
 * form and the purge of files no field refers to any more.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { attachments } from "../../../server/db/schema";
import { signedDownloadUrl } from "../../../server/http/uploads/signed-url";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { purgeAttachments } from "../../../server/jobs/purge-attachments.job";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES, PNG_BYTES, TEXT_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { signedInSession } from "../usager/support";
import { attachmentRows, champValue, fileForm, startFileServer, storedObjects, uploadJson } from "./support";

let server: TestServer & { storageDir: string };
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(async () => {
  await server?.stop();
});

async function sessionOf(user: { email: string }, page = "/") {
  const session = await signedInSession(server.url, user);
  await session.get(page);
  return session;
}

/** A démarche with a file field, a usager's dossier holding one uploaded file, submitted or not. */
async function dossierWithFile(state: "brouillon" | "en_construction") {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [{ type: "piece_justificative", libelle: "Relevé d’identité bancaire", mandatory: false }],
  });
  const [field] = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const usager = await buildUser(db);
  const { dossierId } = await buildDossier(db, { demarche: { id: built.demarche.id, path: built.path }, usager });
  const owner = await sessionOf(usager, `/dossiers/${dossierId}/brouillon`);
  const uploaded = await uploadJson(owner, dossierId, field?.stableId as number, "Relevé d’identité.pdf", PDF_BYTES);
  if (state === "en_construction") {
    const submitted = await owner.post(`/dossiers/${dossierId}/brouillon`, { intent: "submit" });
    expect(submitted.status).toBe(302);
  }
  return { ...built, usager, dossierId, owner, stableId: field?.stableId as number, fileId: uploaded.body?.file?.id as string };
}

function getFile(session: HttpSession, id: string, query = "") {
  return session.get(`/pieces-jointes/${id}${query}`);
}

describe("download authorisation", () => {
  it("serves the dossier's usager the bytes as a download, with the sniffed type and nosniff", async () => {
    const { owner, fileId } = await dossierWithFile("brouillon");
    const response = await getFile(owner, fileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Releve d_identite.pdf"; filename*=UTF-8''Relev%C3%A9%20d%E2%80%99identit%C3%A9.pdf`,
    );
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
  });

  it("gives the 404 page to other usagers, visitors, and instructeurs before submission", async () => {
    const { db } = server.database;
    const { fileId, instructeurs } = await dossierWithFile("brouillon");
    const other = await sessionOf(await buildUser(db));
    const visitor = new HttpSession(server.url);
    const instructeur = await sessionOf(instructeurs[0] as { email: string });
    for (const session of [other, visitor, instructeur]) {
      const response = await getFile(session, fileId);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("text/html");
    }
    expect((await getFile(other, "not-a-uuid")).status).toBe(404);
  });

  it("serves instructeurs who can see the submitted dossier, not those of another démarche", async () => {
    const { db } = server.database;
    const { fileId, instructeurs } = await dossierWithFile("en_construction");
    const instructeur = await sessionOf(instructeurs[0] as { email: string });
    expect((await getFile(instructeur, fileId)).status).toBe(200);
    const elsewhere = await buildDemarche(db);
    const stranger = await sessionOf(elsewhere.instructeurs[0] as { email: string });
    expect((await getFile(stranger, fileId)).status).toBe(404);
    // Administrateurs see the form, not the dossiers' files.
    const { admin } = await dossierWithFile("en_construction");
    expect((await getFile(await sessionOf(admin), fileId)).status).toBe(404);
  });

  it("serves a signed link without a session for an hour, and nothing for a forged or expired one", async () => {
    const { fileId } = await dossierWithFile("brouillon");
    const visitor = new HttpSession(server.url);
    const config = server.database.config;
    const url = new URL(signedDownloadUrl(config, fileId));
    expect((await getFile(visitor, fileId, url.search)).status).toBe(200);
    const forged = new URL(url);
    forged.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await getFile(visitor, fileId, forged.search)).status).toBe(404);
    const expired = new URL(signedDownloadUrl(config, fileId, Date.now() - 2 * 3600 * 1000));
    expect((await getFile(visitor, fileId, expired.search)).status).toBe(404);
    const other = await dossierWithFile("brouillon");
    expect((await getFile(visitor, other.fileId, url.search)).status).toBe(404);
  });
});

describe("model file of a piece justificative", () => {
  async function draftWithTemplateField() {
    const { db } = server.database;
    const built = await buildDemarche(db, {
      published: false,
      champs: [{ type: "piece_justificative", libelle: "Attestation", mandatory: false }],
    });
    const [field] = await loadRevisionChamps(db, built.demarche.draftRevisionId as number);
    const admin = await sessionOf(built.admin, `/admin/procedures/${built.demarche.id}/champs`);
    return { ...built, stableId: field?.stableId as number, adminSession: admin };
  }

  const templateForm = (bytes: Buffer, filename: string) => {
    const form = new FormData();
    form.append("_return", "champs");
    for (const [name, value] of fileForm("file", filename, bytes)) form.append(name, value);
    return form;
  };

  it("is uploaded by the administrateur, shown to usagers once published, and public to download", async () => {
    const { db } = server.database;
    const { demarche, stableId, adminSession, administrateurId } = await draftWithTemplateField();
    const response = await adminSession.postFormData(
      `/admin/procedures/${demarche.id}/champs/${stableId}/modele`,
      templateForm(PDF_BYTES, "modèle d’attestation.pdf"),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/admin/procedures/${demarche.id}/champs?modele=ajoute&champ=${stableId}#champ-${stableId}`,
    );
    const [template] = await db
      .select()
      .from(attachments)
      .where(and(eq(attachments.purpose, "piece_justificative_template"), eq(attachments.stableId, stableId)));
    expect(template).toMatchObject({ filename: "modèle d’attestation.pdf", contentType: "application/pdf" });
    const templateId = template?.id as string;

    // The administrateur sees it in the editor and may download it; a visitor may not, yet.
    await adminSession.get(`/admin/procedures/${demarche.id}/champs`);
    expect(adminSession.lastHtml).toContain(`/pieces-jointes/${templateId}`);
    expect((await getFile(adminSession, templateId)).status).toBe(200);
    const visitor = new HttpSession(server.url);
    expect((await getFile(visitor, templateId)).status).toBe(404);

    const published = await publishDemarche(db, administrateurId, demarche.id, { path: `modele-${demarche.id}` });
    expect(published.ok).toBe(true);
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, { demarche: { id: demarche.id, path: `modele-${demarche.id}` }, usager });
    const usagerSession = await sessionOf(usager, `/dossiers/${dossierId}/brouillon`);
    expect(usagerSession.lastHtml).toContain(`/pieces-jointes/${templateId}`);
    expect((await getFile(visitor, templateId)).status).toBe(200);

    // Editing the published field copies it (copy-on-write): the copy keeps the model file.
    await adminSession.get(`/admin/procedures/${demarche.id}/champs`);
    const replaced = await adminSession.postFormData(
      `/admin/procedures/${demarche.id}/champs/${stableId}/modele`,
      templateForm(PNG_BYTES, "nouveau modèle.png"),
    );
    expect(replaced.status).toBe(303);
    const rows = await db.select().from(attachments).where(eq(attachments.stableId, stableId));
    expect(
      rows
        .filter((r) => r.purpose === "piece_justificative_template")
        .map((r) => r.filename)
        .sort(),
    ).toEqual(["modèle d’attestation.pdf", "nouveau modèle.png"]);
    // The published form still offers the first model.
    await usagerSession.get(`/dossiers/${dossierId}/brouillon`);
    expect(usagerSession.lastHtml).toContain(`/pieces-jointes/${templateId}`);
  });

  it("refuses a wrong file with a message on the card, and anyone but the démarche's administrateurs (404, nothing stored)", async () => {
    const { db } = server.database;
    const { demarche, stableId, adminSession } = await draftWithTemplateField();
    const empty = await adminSession.postFormData(
      `/admin/procedures/${demarche.id}/champs/${stableId}/modele`,
      templateForm(Buffer.alloc(0), "vide.pdf"),
    );
    expect(empty.headers.get("location")).toContain("modele_erreur=file_empty");

    const before = { objects: await storedObjects(server.storageDir), rows: (await attachmentRows(db)).length };
    const otherAdmin = await sessionOf((await buildDemarche(db)).admin, "/admin/procedures");
    const intruder = await otherAdmin.postFormData(
      `/admin/procedures/${demarche.id}/champs/${stableId}/modele`,
      templateForm(PDF_BYTES, "modele.pdf"),
    );
    expect(intruder.status).toBe(404);
    const usager = await sessionOf(await buildUser(db));
    expect(
      (await usager.postFormData(`/admin/procedures/${demarche.id}/champs/${stableId}/modele`, templateForm(PDF_BYTES, "m.pdf")))
        .status,
    ).toBe(404);
    expect(await storedObjects(server.storageDir)).toEqual(before.objects);
    expect((await attachmentRows(db)).length).toBe(before.rows);
  });
});

describe("notice of an explication", () => {
  it("is uploaded by the administrateur (20 MB at most, documents and images) and offered in the form", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, {
      published: false,
      champs: [
        { type: "explication", libelle: "Avant de commencer", mandatory: false },
        { type: "text", libelle: "Nom" },
      ],
    });
    const [explication] = await loadRevisionChamps(db, built.demarche.draftRevisionId as number);
    const admin = await sessionOf(built.admin, `/admin/procedures/${built.demarche.id}/champs`);
    const upload = (bytes: Buffer, filename: string) => {
      const form = new FormData();
      for (const [name, value] of fileForm("file", filename, bytes)) form.append(name, value);
      return admin.postFormData(`/admin/procedures/${built.demarche.id}/champs/${explication?.stableId}/modele`, form);
    };
    // A zip is no notice.
    const zip = Buffer.from("504b0304140000000800", "hex");
    expect((await upload(Buffer.concat([zip, Buffer.alloc(64)]), "notice.zip")).headers.get("location")).toContain(
      "modele_erreur=file_format_not_accepted",
    );
    expect((await upload(PDF_BYTES, "notice.pdf")).status).toBe(303);
    const [notice] = await db.select().from(attachments).where(eq(attachments.purpose, "notice_explicative"));
    expect(notice?.filename).toBe("notice.pdf");

    const path = `notice-${built.demarche.id}`;
    expect((await publishDemarche(db, built.administrateurId, built.demarche.id, { path })).ok).toBe(true);
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, { demarche: { id: built.demarche.id, path }, usager });
    const session = await sessionOf(usager, `/dossiers/${dossierId}/brouillon`);
    expect(session.lastHtml).toContain(`/pieces-jointes/${notice?.id}`);
    expect((await getFile(new HttpSession(server.url), notice?.id as string)).status).toBe(200);
  });
});

describe("purge of unreferenced files", () => {
  it("deletes the rows and bytes of files no field refers to any more, and keeps the others", async () => {
    const { db } = server.database;
    const storage = createLocalStorage(server.storageDir);
    const { owner, dossierId, stableId, fileId } = await dossierWithFile("brouillon");
    const kept = await uploadJson(owner, dossierId, stableId, "garde.png", PNG_BYTES);
    const removed = await owner.post(`/dossiers/${dossierId}/pieces-jointes/${stableId}/${fileId}/supprimer`, {});
    expect(removed.status).toBe(200);
    // Bytes no row refers to (e.g. rows deleted with their dossier).
    const { key: stray } = await storage.put((await import("node:stream")).Readable.from([TEXT_BYTES]));
    const [removedRow] = await db.select().from(attachments).where(eq(attachments.id, fileId));

    const result = await purgeAttachments(db, storage, 0);
    expect(result.rows).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(attachments).where(eq(attachments.id, fileId))).toEqual([]);
    expect(await storage.exists(removedRow?.storageKey as string)).toBe(false);
    expect(await storage.exists(stray)).toBe(false);
    const [keptRow] = await db
      .select()
      .from(attachments)
      .where(eq(attachments.id, kept.body?.file?.id as string));
    expect(await storage.exists(keptRow?.storageKey as string)).toBe(true);
    expect(await champValue(db, dossierId, stableId)).toHaveLength(1);
  });
});

describe("API v2", () => {
  async function graphql(bearer: string, query: string, variables: Record<string, unknown>) {
    const response = await fetch(`${server.url}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }

  it("serves the files of a dossier with signed links, identity documents as filled only, and model files", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, {
      published: false,
      champs: [
        { type: "piece_justificative", libelle: "Justificatif", mandatory: false },
        { type: "titre_identite", libelle: "Identité", mandatory: false },
      ],
    });
    const [pj, identite] = await loadRevisionChamps(db, built.demarche.draftRevisionId as number);
    const admin = await sessionOf(built.admin, `/admin/procedures/${built.demarche.id}/champs`);
    const form = new FormData();
    for (const [name, value] of fileForm("file", "modele.pdf", PDF_BYTES)) form.append(name, value);
    expect((await admin.postFormData(`/admin/procedures/${built.demarche.id}/champs/${pj?.stableId}/modele`, form)).status).toBe(
      303,
    );
    const path = `api-fichiers-${built.demarche.id}`;
    expect((await publishDemarche(db, built.administrateurId, built.demarche.id, { path })).ok).toBe(true);

    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, { demarche: { id: built.demarche.id, path }, usager });
    const owner = await sessionOf(usager, `/dossiers/${dossierId}/brouillon`);
    const uploaded = await uploadJson(owner, dossierId, pj?.stableId as number, "facture.pdf", PDF_BYTES);
    expect((await uploadJson(owner, dossierId, identite?.stableId as number, "cni.png", PNG_BYTES)).status).toBe(201);
    expect((await owner.post(`/dossiers/${dossierId}/brouillon`, { intent: "submit" })).status).toBe(302);

    const created = await createApiToken(db, { administrateurEmail: built.admin.email, name: "Fichiers" });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    const result = await graphql(
      created.bearer,
      `query($n: Int!, $d: Int!) {
        dossier(number: $n) {
          champs {
            __typename
            stringValue
            ... on PieceJustificativeChamp { files { filename contentType byteSize byteSizeBigInt checksum createdAt url virusScanResult } file { filename } }
            ... on TitreIdentiteChamp { filled grantType }
          }
        }
        demarche(number: $d) {
          publishedRevision {
            champDescriptors { __typename ... on PieceJustificativeChampDescriptor { fileTemplate { filename contentType url } } }
          }
        }
      }`,
      { n: dossierId, d: built.demarche.id },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      dossier: { champs: Array<Record<string, unknown>> };
      demarche: { publishedRevision: { champDescriptors: Array<Record<string, unknown>> } };
    };
    const champs = data.dossier.champs;
    const files = champs[0]?.files as Array<Record<string, unknown>>;
    expect(champs[0]).toMatchObject({
      __typename: "PieceJustificativeChamp",
      stringValue: null,
      file: { filename: "facture.pdf" },
    });
    expect(files).toEqual([
      {
        filename: "facture.pdf",
        contentType: "application/pdf",
        byteSize: PDF_BYTES.length,
        byteSizeBigInt: String(PDF_BYTES.length),
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
        createdAt: expect.any(String),
        url: expect.stringContaining(`/pieces-jointes/${uploaded.body?.file?.id}?expires=`),
        virusScanResult: "pending",
      },
    ]);
    expect(champs[1]).toEqual({
      __typename: "TitreIdentiteChamp",
      stringValue: null,
      filled: true,
      grantType: "piece_justificative",
    });

    // The signed link works without a session.
    const signed = new URL(files[0]?.url as string);
    expect((await getFile(new HttpSession(server.url), uploaded.body?.file?.id as string, signed.search)).status).toBe(200);

    const descriptors = data.demarche.publishedRevision.champDescriptors;
    expect(descriptors[0]).toMatchObject({
      __typename: "PieceJustificativeChampDescriptor",
      fileTemplate: { filename: "modele.pdf", contentType: "application/pdf" },
    });
    expect(descriptors[1]).toEqual({ __typename: "TitreIdentiteChampDescriptor" });
  });
});
