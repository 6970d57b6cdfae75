/**
 * The justificatif of a decision taken on the instructeur's dossier page, through HTTP (the decision
 * form is multipart, without JavaScript): stored with the decision, downloaded by the usager from
 * their dossier page, served by the API as `motivationAttachment`. A refused file (format, size)
 * decides nothing, shows its message beside the input and keeps the motivation; an instructeur of
 * another démarche gets 404 and nothing is stored.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, dossiers } from "../../../server/db/schema";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES, TEXT_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { TEST_UPLOAD_MAX_BYTES, attachmentRows, startFileServer, storedObjects } from "../files/support";
import { attribute, dossierSnapshot, pageText, tagWithId, textareaValue } from "../usager/support";

let server: TestServer & { storageDir: string };
let demarcheId: number;
let demarchePath: string;
let adminEmail: string;
const titulaire = "titulaire-justificatif@exemple.fr";
const autre = "autre-demarche-justificatif@exemple.fr";
let usager: { userId: number; email: string };

beforeAll(async () => {
  server = await startFileServer();
  const { db } = server.database;
  const built = await buildDemarche(db, {
    instructeurEmails: [titulaire],
    path: `justificatif-decision-${Date.now().toString(36)}`,
  });
  demarcheId = built.demarche.id;
  demarchePath = built.path as string;
  adminEmail = built.admin.email;
  usager = await buildUser(db, [], "usager-justificatif@exemple.fr");
  await buildDemarche(db, { instructeurEmails: [autre] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const dossierPage = (dossierId: number) => `/procedures/${demarcheId}/dossiers/${dossierId}`;

async function signedIn(email: string, page: string) {
  const session = new HttpSession(server.url);
  await session.signIn(email, FACTORY_PASSWORD);
  await session.get(page);
  return session;
}

async function dossierEnInstruction() {
  const { dossierId } = await buildDossier(server.database.db, {
    demarche: { id: demarcheId, path: demarchePath },
    usager,
    state: "en_instruction",
  });
  return dossierId;
}

function decisionForm(decision: string, motivation: string, file?: { filename: string; bytes: Buffer }) {
  const form = new FormData();
  form.append("intent", "decision");
  form.append("decision", decision);
  form.append("motivation", motivation);
  if (file) form.append("justificatif", new Blob([new Uint8Array(file.bytes)]), file.filename);
  else form.append("justificatif", new Blob([]), "");
  return form;
}

const stateOf = async (dossierId: number) =>
  (await server.database.db.select({ state: dossiers.state }).from(dossiers).where(eq(dossiers.id, dossierId)))[0]?.state;

const justificatifsOf = (dossierId: number) =>
  server.database.db.select().from(attachments).where(eq(attachments.dossierId, dossierId));

async function motivationAttachment(dossierId: number) {
  const created = await createApiToken(server.database.db, { administrateurEmail: adminEmail, name: `J${dossierId}` });
  if (!created.ok) throw new Error(JSON.stringify(created.refusals));
  const response = await fetch(`${server.url}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${created.bearer}` },
    body: JSON.stringify({
      query: "query($n: Int!) { dossier(number: $n) { state motivationAttachment { filename contentType byteSize } } }",
      variables: { n: dossierId },
    }),
  });
  const json = (await response.json()) as { data?: { dossier?: { motivationAttachment: unknown } } };
  return json.data?.dossier?.motivationAttachment;
}

describe("the decision form's justificatif", () => {
  it("is a multipart form with an optional file input", async () => {
    const dossierId = await dossierEnInstruction();
    const browser = await signedIn(titulaire, dossierPage(dossierId));
    const input = tagWithId(browser.lastHtml, "justificatif");
    expect(attribute(input, "type")).toBe("file");
    expect(attribute(input, "required")).toBeNull();
    const form = browser.lastHtml.slice(0, browser.lastHtml.indexOf('id="justificatif"'));
    const formTag = form.slice(form.lastIndexOf("<form"));
    expect(attribute(formTag.slice(0, formTag.indexOf(">") + 1), "enctype")).toBe("multipart/form-data");
  });

  it("is stored with a refusal; the usager downloads it beside the motivation; the API serves it", async () => {
    const dossierId = await dossierEnInstruction();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const response = await browser.postFormData(
      page,
      decisionForm("refuser", "Pièces manquantes", { filename: "courrier de refus.pdf", bytes: PDF_BYTES }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${page}?notice=refuse`);
    expect(await stateOf(dossierId)).toBe("refuse");
    const rows = await justificatifsOf(dossierId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "justificatif", filename: "courrier de refus.pdf", contentType: "application/pdf" });
    const fileId = rows[0]?.id as string;

    const owner = await signedIn(usager.email, `/dossiers/${dossierId}`);
    expect(pageText(owner.lastHtml)).toContain("Pièces manquantes");
    expect(owner.lastHtml).toContain(`href="/pieces-jointes/${fileId}"`);
    expect(pageText(owner.lastHtml)).toContain("Justificatif de la décision : courrier de refus.pdf");
    const download = await owner.get(`/pieces-jointes/${fileId}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true);

    expect(await motivationAttachment(dossierId)).toEqual({
      filename: "courrier de refus.pdf",
      contentType: "application/pdf",
      byteSize: PDF_BYTES.length,
    });
  });

  it("is optional: a decision without a file has no justificatif", async () => {
    const dossierId = await dossierEnInstruction();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const response = await browser.postFormData(page, decisionForm("accepter", ""));
    expect(response.status).toBe(302);
    expect(await stateOf(dossierId)).toBe("accepte");
    expect(await justificatifsOf(dossierId)).toEqual([]);
    expect(await motivationAttachment(dossierId)).toBeNull();
  });

  it("belongs to its decision: after « repasser en instruction », a decision without a file shows none", async () => {
    const dossierId = await dossierEnInstruction();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const file = { filename: "ancien.pdf", bytes: PDF_BYTES };
    expect((await browser.postFormData(page, decisionForm("accepter", "", file))).status).toBe(302);
    await browser.get(page);
    expect((await browser.post(page, { intent: "repasser_en_instruction" })).status).toBe(302);
    await browser.get(page);
    expect((await browser.postFormData(page, decisionForm("refuser", "Finalement non"))).status).toBe(302);
    expect(await stateOf(dossierId)).toBe("refuse");
    const owner = await signedIn(usager.email, `/dossiers/${dossierId}`);
    expect(pageText(owner.lastHtml)).toContain("Finalement non");
    expect(pageText(owner.lastHtml)).not.toContain("ancien.pdf");
    expect(await motivationAttachment(dossierId)).toBeNull();
  });

  it.each([
    ["of a refused format", "refus.pdf", TEXT_BYTES, "n’est pas d’un format accepté"],
    ["too large", "refus.pdf", Buffer.concat([PDF_BYTES, Buffer.alloc(TEST_UPLOAD_MAX_BYTES)]), "est trop volumineux"],
  ] as const)(
    "refused when %s: nothing decided nor stored, the message beside the input, the motivation kept",
    async (_l, filename, bytes, text) => {
      const dossierId = await dossierEnInstruction();
      const page = dossierPage(dossierId);
      const browser = await signedIn(titulaire, page);
      const objects = await storedObjects(server.storageDir);
      const rows = (await attachmentRows(server.database.db)).length;
      const before = await dossierSnapshot(server.database.db, dossierId);
      const response = await browser.postFormData(page, decisionForm("classer_sans_suite", "Hors délai", { filename, bytes }));
      expect(response.status).toBe(422);
      expect(await stateOf(dossierId)).toBe("en_instruction");
      expect(await dossierSnapshot(server.database.db, dossierId)).toEqual(before);
      expect(await storedObjects(server.storageDir)).toEqual(objects);
      expect((await attachmentRows(server.database.db)).length).toBe(rows);
      const html = browser.lastHtml;
      expect(textareaValue(html, "motivation")).toBe("Hors délai");
      expect(attribute(tagWithId(html, "justificatif"), "aria-describedby")).toContain("justificatif-error");
      const message = /id="justificatif-error"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
      expect(pageText(message)).toContain(text);
      expect(pageText(html)).toContain("« Justificatif »");
    },
  );

  it("answers 404 to an instructeur of another démarche: nothing decided nor stored", async () => {
    const dossierId = await dossierEnInstruction();
    const page = dossierPage(dossierId);
    const intruder = await signedIn(autre, "/procedures");
    const objects = await storedObjects(server.storageDir);
    const rows = (await attachmentRows(server.database.db)).length;
    const response = await intruder.postFormData(page, decisionForm("accepter", "", { filename: "a.pdf", bytes: PDF_BYTES }));
    expect(response.status).toBe(404);
    expect(await stateOf(dossierId)).toBe("en_instruction");
    expect(await storedObjects(server.storageDir)).toEqual(objects);
    expect((await attachmentRows(server.database.db)).length).toBe(rows);
  });

  it("ignores a stored-file id posted by hand for another dossier", async () => {
    const dossierId = await dossierEnInstruction();
    const page = dossierPage(dossierId);
    const browser = await signedIn(titulaire, page);
    const form = decisionForm("accepter", "");
    form.append("_justificatif_blob", "00000000-0000-4000-8000-000000000000");
    const response = await browser.postFormData(page, form);
    // The middleware drops the field: a decision without a justificatif.
    expect(response.status).toBe(302);
    expect(await justificatifsOf(dossierId)).toEqual([]);
  });
});
