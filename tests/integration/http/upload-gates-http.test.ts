/**
 * Every entry of the upload gates table (server/http/upload-gates.ts) over HTTP, without
 * JavaScript: a CSV import over its cap gets the entry's message in the user's language (413), a
 * body under the cap but over the ordinary form limit reaches the page; a presentation file or an
 * attestation image of any size (beyond the former 32 MB in-memory cap too) is streamed and answered
 * by its page with the entry's message beside its input, the other values kept, nothing stored; a
 * file of the wrong type (sniffed from the bytes) gets its own message.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, attestationTemplates } from "../../../server/db/schema";
import { UPLOAD_GATES, uploadGateMessage } from "../../../server/http/upload-gates";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, fieldValue, location, pageText, signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const MB = 1024 * 1024;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

function gate(name: string) {
  const found = UPLOAD_GATES.find((g) => g.name === name);
  if (!found) throw new Error(name);
  return found;
}

function fileForm(bytes: Uint8Array | string, filename: string, type: string): FormData {
  const form = new FormData();
  form.append("file", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type }), filename);
  return form;
}

/** `size` bytes starting as a PNG would (the rest zeros): too big is said before the type is looked at. */
function bigFile(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

async function setup() {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    champs: [{ type: "drop_down_list", libelle: "Commune", options: { options: ["Paris"] } }],
  });
  const admin = await signedIn(server, built.admin.email);
  return { db, built, admin, id: built.demarche.id };
}

describe("buffered entries: the CSV imports", () => {
  it("options-import: over 4 MB a 413 with the entry's message; under it the page answers beside the input", async () => {
    const { db, admin, id } = await setup();
    const page = `/admin/procedures/${id}/champs`;
    await admin.get(page);
    const [champ] = await draftChamps(db, id);
    const url = `${page}?importOptions=${champ?.stableId}`;
    const huge = await admin.postFormData(url, fileForm("x".repeat(5 * MB), "liste.csv", "text/csv"));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toBe(uploadGateMessage(gate("options-import"), "fr"));
    // 1.2 MB: over the ordinary form limit (1 MB), under the gate's: the page's own message.
    await admin.get(page);
    const over = await admin.postFormData(url, fileForm("x".repeat(1.2 * MB), "liste.csv", "text/csv"));
    expect(over.headers.get("content-type")).toContain("text/html");
    expect(pageText(admin.lastHtml)).toContain("Le fichier dépasse 1 Mo");
  });

  it("groupes-import: over 4 MB a 413 with the entry's message; under it the page answers", async () => {
    const { admin, id } = await setup();
    const page = `/admin/procedures/${id}/groupes`;
    await admin.get(page);
    const huge = await admin.postFormData(`${page}?import`, fileForm("a,b@exemple.fr\n".repeat(400_000), "g.csv", "text/csv"));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toBe(uploadGateMessage(gate("groupes-import"), "fr"));
    await admin.get(page);
    const over = await admin.postFormData(`${page}?import`, fileForm("x".repeat(2.5 * MB), "g.csv", "text/csv"));
    expect(over.headers.get("content-type")).toContain("text/html");
    expect(pageText(admin.lastHtml)).toContain("Le fichier dépasse 2 Mo");
  });
});

describe("streamed entries: presentation files and attestation images", () => {
  it("an oversized logo (40 MB) gives the edit page with the message beside the logo input, the other values kept", async () => {
    const { db, built, admin, id } = await setup();
    const page = `/admin/procedures/${id}/edit`;
    await admin.get(page);
    expect((await admin.postFormData(`${page}?fichier=notice`, fileForm(PDF, "notice.pdf", "application/pdf"))).status).toBe(302);
    const before = await db.select().from(attachments).where(eq(attachments.demarcheId, id));

    await admin.get(page);
    const huge = await admin.postFormData(`${page}?fichier=logo`, fileForm(bigFile(40 * MB), "logo.png", "image/png"));
    expect(location(huge)).toBe(`${page}?fichier=logo&fichier_erreur=file_too_big#fichier-logo`);
    await admin.get(location(huge));
    const message = uploadGateMessage(gate("demarche-logo"), "fr");
    expect(admin.lastHtml).toContain(`<p id="fichier-logo-file-error" class="fr-error-text">${message}</p>`);
    expect(admin.lastHtml).toMatch(
      /id="fichier-logo-file"[^>]*aria-describedby="fichier-logo-file-error"|aria-describedby="fichier-logo-file-error"[^>]*id="fichier-logo-file"/,
    );
    expect(admin.lastHtml).not.toContain('id="fichier-notice-file-error"');
    // The other values: the form's and the other files.
    expect(fieldValue(admin.lastHtml, "libelle")).toBe(built.demarche.libelle);
    expect(pageText(admin.lastHtml)).toContain("notice.pdf");
    expect(await db.select().from(attachments).where(eq(attachments.demarcheId, id))).toEqual(before);
  });

  it("a logo of the wrong type (sniffed, whatever its name and declared type) gets its own message", async () => {
    const { db, admin, id } = await setup();
    const page = `/admin/procedures/${id}/edit`;
    await admin.get(page);
    const wrong = await admin.postFormData(`${page}?fichier=logo`, fileForm(PDF, "logo.png", "image/png"));
    expect(location(wrong)).toBe(`${page}?fichier=logo&fichier_erreur=file_format#fichier-logo`);
    await admin.get(location(wrong));
    expect(admin.lastHtml).toMatch(/<p id="fichier-logo-file-error" class="fr-error-text">[^<]*PNG[^<]*<\/p>/);
    expect(await db.select().from(attachments).where(eq(attachments.demarcheId, id))).toEqual([]);
  });

  it.each([
    ["demarche-notice", "notice", 21 * MB],
    ["demarche-deliberation", "deliberation", 21 * MB],
  ])("%s: over its cap, the message beside its input", async (name, kind, size) => {
    const { db, admin, id } = await setup();
    const page = `/admin/procedures/${id}/edit`;
    await admin.get(page);
    const huge = await admin.postFormData(`${page}?fichier=${kind}`, fileForm(bigFile(size), `${kind}.pdf`, "application/pdf"));
    expect(location(huge)).toBe(`${page}?fichier=${kind}&fichier_erreur=file_too_big#fichier-${kind}`);
    await admin.get(location(huge));
    expect(admin.lastHtml).toContain(
      `<p id="fichier-${kind}-file-error" class="fr-error-text">${uploadGateMessage(gate(name), "fr")}</p>`,
    );
    expect(await db.select().from(attachments).where(eq(attachments.demarcheId, id))).toEqual([]);
  });

  it.each([
    ["attestation-logo", "logo"],
    ["attestation-signature", "signature"],
  ])("%s: over its cap, the message beside its input; a wrong type its own", async (name, image) => {
    const { db, admin, id } = await setup();
    const page = `/admin/procedures/${id}/attestations`;
    await admin.get(page);
    const huge = await admin.postFormData(
      `${page}?image=${image}&kind=acceptation`,
      fileForm(bigFile(2 * MB), "i.png", "image/png"),
    );
    expect(location(huge)).toBe(
      `${page}?image_erreur=image_too_large&image_cible=${image}&kind=acceptation#acceptation-${image}`,
    );
    await admin.get(location(huge));
    expect(admin.lastHtml).toContain(
      `<p id="acceptation-${image}-file-error" class="fr-error-text">${uploadGateMessage(gate(name), "fr")}</p>`,
    );
    const wrong = await admin.postFormData(`${page}?image=${image}&kind=acceptation`, fileForm(PDF, "i.png", "image/png"));
    expect(location(wrong)).toBe(`${page}?image_erreur=image_invalid&image_cible=${image}&kind=acceptation#acceptation-${image}`);
    const templates = await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, id));
    expect(templates.every((t) => t.logoKey === null && t.signatureKey === null)).toBe(true);
  });

  it("a bad CSRF token: nothing read, the page refuses the form", async () => {
    const { db, admin, id } = await setup();
    const page = `/admin/procedures/${id}/edit`;
    await admin.get(page);
    const forged = await admin.postFormData(`${page}?fichier=logo`, fileForm(bigFile(1000), "logo.png", "image/png"), {
      csrf: "forged",
    });
    expect(forged.status).toBe(403);
    expect(await db.select().from(attachments).where(eq(attachments.demarcheId, id))).toEqual([]);
  });
});
