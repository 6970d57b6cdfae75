/**
 * The presentation files over HTTP, without JavaScript: the administrateur uploads the logo and the
 * notice on the presentation page (multipart POST + redirect, message next to the input on a bad
 * file), the usager sees the logo and the notice link on /commencer/<path> and downloads them with
 * their type and disposition; the attestation images upload on the attestations page; another
 * administrateur gets 404 and nothing is stored.
 */
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, attestationTemplates } from "../../../server/db/schema";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, pageText, signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

function formWith(field: string, bytes: Buffer, filename: string, type: string): FormData {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

describe("presentation files pages", () => {
  it("uploads, shows to the usager, serves, refuses bad files with a message, 404 for another administrateur", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db);
    const admin = await signedIn(server, built.admin.email);
    const page = `/admin/procedures/${built.demarche.id}/edit`;
    await admin.get(page);
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000091" } })
      .png()
      .toBuffer();
    const saved = await admin.postFormData(`${page}?fichier=logo`, formWith("file", png, "logo.png", "image/png"));
    expect(location(saved)).toBe(`${page}?fichier=logo&notice=file_saved#fichier-logo`);
    await admin.get(page);
    const notice = await admin.postFormData(`${page}?fichier=notice`, formWith("file", PDF, "notice.pdf", "application/pdf"));
    expect(location(notice)).toBe(`${page}?fichier=notice&notice=file_saved#fichier-notice`);

    await admin.get(page);
    const wrong = await admin.postFormData(`${page}?fichier=notice`, formWith("file", png, "notice.pdf", "application/pdf"));
    expect(location(wrong)).toBe(`${page}?fichier=notice&fichier_erreur=file_format#fichier-notice`);
    await admin.get(location(wrong));
    expect(pageText(admin.lastHtml)).toContain("Le fichier doit être un PDF.");
    expect(admin.lastHtml).toMatch(/aria-describedby="[^"]*fichier-notice-file/);
    expect(pageText(admin.lastHtml)).toContain("notice.pdf");

    const visitor = await signedIn(server, (await buildUser(db, [])).email);
    await visitor.get(`/commencer/${built.demarche.path}`);
    expect(visitor.lastHtml).toContain(`src="/demarches/${built.demarche.id}/logo?v=`);
    expect(visitor.lastHtml).toContain(`href="/demarches/${built.demarche.id}/notice"`);
    const logo = await fetch(`${server.url}/demarches/${built.demarche.id}/logo`);
    expect([logo.status, logo.headers.get("content-type"), logo.headers.get("x-content-type-options")]).toEqual([
      200,
      "image/png",
      "nosniff",
    ]);
    const pdf = await fetch(`${server.url}/demarches/${built.demarche.id}/notice`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain('attachment; filename="notice.pdf"');
    expect(Buffer.from(await pdf.arrayBuffer())).toEqual(PDF);
    expect((await fetch(`${server.url}/demarches/${built.demarche.id}/deliberation`)).status).toBe(404);

    // Attestation images on the attestations page.
    const attestations = `/admin/procedures/${built.demarche.id}/attestations`;
    await admin.get(attestations);
    const image = await admin.postFormData(
      `${attestations}?image=signature&kind=acceptation`,
      formWith("file", png, "tampon.png", "image/png"),
    );
    expect(location(image)).toBe(`${attestations}?notice=image_added&kind=acceptation#acceptation-signature`);
    const [template] = await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, built.demarche.id));
    expect(template?.signatureContentType).toBe("image/png");

    // Another administrateur: 404 and nothing stored.
    const before = await db.select().from(attachments).where(eq(attachments.demarcheId, built.demarche.id));
    const stranger = await signedIn(server, (await buildUser(db, ["administrateur"])).email);
    await stranger.get("/admin/procedures");
    const refused = await stranger.postFormData(`${page}?fichier=logo`, formWith("file", png, "x.png", "image/png"), {
      csrf: stranger.csrf(),
    });
    expect(refused.status).toBe(404);
    const refusedImage = await stranger.postFormData(
      `${attestations}?image=logo&kind=acceptation`,
      formWith("file", png, "x.png", "image/png"),
      { csrf: stranger.csrf() },
    );
    expect(refusedImage.status).toBe(404);
    expect(await db.select().from(attachments).where(eq(attachments.demarcheId, built.demarche.id))).toEqual(before);
    const [unchanged] = await db
      .select()
      .from(attestationTemplates)
      .where(eq(attestationTemplates.demarcheId, built.demarche.id));
    expect(unchanged?.logoKey).toBeNull();
  });
});
