/**
 * A groupe's contact card (shown to the usager on their dossier) and signature image (stored
 * through the storage layer, found by `groupeSignatureFor`), from the administrateur's groupe page.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, dossiers, groupesInstructeurs } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { storageFor } from "../../../server/integrations/storage";
import { groupeSignatureFor } from "../../../server/lookups/groupe-signature";
import { setGroupeSignature } from "../../../server/operations/groupes/set-groupe-signature";
import { updateGroupeContact } from "../../../server/operations/groupes/update-groupe-contact";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, pageText, signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const CONTACT = {
  nom: "Service instructeur du Nord",
  email: "nord@exemple.fr",
  telephone: "03 20 00 00 00",
  adresse: "1 place de la République, 59000 Lille",
  horaires: "Du lundi au vendredi, 9 h – 17 h",
};

async function setup() {
  const { db } = server.database;
  const built = await buildDemarche(db);
  const [groupe] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, built.demarche.id));
  const actor = { administrateurId: built.administrateurId, userId: built.admin.userId };
  return { ...built, groupeId: groupe?.id as number, actor };
}

describe("groupe contact card and signature", () => {
  it("operations: validated contact, sniffed and size-limited signature, 404 for another administrateur", async () => {
    const { db, config } = server.database;
    const storage = storageFor(config);
    const t = await setup();
    const bad = await updateGroupeContact(db, t.actor, t.demarche.id, t.groupeId, { ...CONTACT, email: "pas-un-mail", nom: " " });
    expect(bad).toEqual({
      ok: false,
      refusals: expect.arrayContaining([
        { code: "required", field: "nom" },
        { code: "email_invalid", field: "email" },
      ]),
    });
    expect(await updateGroupeContact(db, t.actor, t.demarche.id, t.groupeId, CONTACT)).toEqual({ ok: true });
    const stranger = await buildUser(db, ["administrateur"]);
    const strangerActor = { administrateurId: stranger.administrateurId as number, userId: stranger.userId };
    await expect(updateGroupeContact(db, strangerActor, t.demarche.id, t.groupeId, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setGroupeSignature(db, storage, strangerActor, t.demarche.id, t.groupeId, { bytes: PNG, filename: "s.png" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [g] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.id, t.groupeId));
    expect(g?.contactInformation).toEqual(CONTACT);
    expect(g?.signatureAttachmentId).toBeNull();

    const notImage = await setGroupeSignature(db, storage, t.actor, t.demarche.id, t.groupeId, {
      bytes: new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      filename: "s.png",
    });
    expect(notImage).toEqual({ ok: false, refusals: [{ code: "signature_format", field: "signature" }] });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    expect(await setGroupeSignature(db, storage, t.actor, t.demarche.id, t.groupeId, { bytes: big, filename: "s.png" })).toEqual({
      ok: false,
      refusals: [{ code: "signature_too_big", field: "signature" }],
    });

    const { dossierId } = await buildDossier(db, { demarche: t.demarche, state: "en_construction" });
    expect(await groupeSignatureFor(db, dossierId)).toBeNull();
    expect(
      await setGroupeSignature(db, storage, t.actor, t.demarche.id, t.groupeId, { bytes: PNG, filename: "sig.png" }),
    ).toEqual({
      ok: true,
    });
    const signature = await groupeSignatureFor(db, dossierId);
    expect(signature).toMatchObject({ contentType: "image/png", byteSize: PNG.byteLength, filename: "sig.png" });
    expect(await storage.exists(signature?.storageKey as string)).toBe(true);
    // Replaced: the previous row goes (the storage sweep removes its bytes).
    await setGroupeSignature(db, storage, t.actor, t.demarche.id, t.groupeId, { bytes: PNG, filename: "sig2.png" });
    const rows = await db.select().from(attachments).where(eq(attachments.purpose, "groupe_signature"));
    expect(rows.filter((r) => r.filename.startsWith("sig")).map((r) => r.filename)).toEqual(["sig2.png"]);
    await setGroupeSignature(db, storage, t.actor, t.demarche.id, t.groupeId, null);
    expect(await groupeSignatureFor(db, dossierId)).toBeNull();
  });

  it("pages: the administrateur fills the card and uploads the signature; the usager sees the card on their dossier", async () => {
    const { db } = server.database;
    const t = await setup();
    const { dossierId, usager } = await buildDossier(db, { demarche: t.demarche, state: "en_construction" });
    const usagerBrowser = await signedIn(server, usager.email);
    await usagerBrowser.get(`/dossiers/${dossierId}`);
    expect(usagerBrowser.lastHtml).not.toContain('data-testid="contact-card"');

    const admin = await signedIn(server, t.admin.email);
    const page = `/admin/procedures/${t.demarche.id}/groupes/${t.groupeId}`;
    await admin.get(page);
    const fields = Object.fromEntries(Object.entries(CONTACT).map(([k, v]) => [`contact_${k}`, v]));
    const refused = await admin.post(page, { intent: "contact", op: "save", ...fields, contact_telephone: "abc" });
    expect(refused.status).toBe(400);
    expect(pageText(admin.lastHtml)).toContain("Saisissez un numéro de téléphone valide");
    expect(admin.lastHtml).toContain("Service instructeur du Nord");
    expect(admin.lastHtml).toMatch(/aria-describedby="[^"]*contact_telephone/);
    const saved = await admin.post(page, { intent: "contact", op: "save", ...fields });
    expect(location(saved)).toBe(`${page}?notice=contactSaved#contact`);

    await usagerBrowser.get(`/dossiers/${dossierId}`);
    const text = pageText(usagerBrowser.lastHtml);
    expect(text).toContain("Service en charge de votre dossier");
    expect(text).toContain("Service instructeur du Nord");
    expect(text).toContain("03 20 00 00 00");

    await admin.get(page);
    const upload = new FormData();
    upload.append("signature", new Blob([PNG], { type: "image/png" }), "signature.png");
    const uploaded = await admin.postFormData(`${page}?signature`, upload);
    expect(location(uploaded)).toBe(`${page}?notice=signatureSaved#signature`);
    expect(await groupeSignatureFor(db, dossierId)).toMatchObject({ contentType: "image/png" });
    await admin.get(page);
    const wrong = new FormData();
    wrong.append("signature", new Blob(["pas une image"], { type: "image/png" }), "faux.png");
    expect((await admin.postFormData(`${page}?signature`, wrong)).status).toBe(400);
    expect(pageText(admin.lastHtml)).toContain("n’est pas une image PNG ou JPEG");

    // Another administrateur: 404, nothing changes.
    const { browser: stranger } = await (async () => {
      const u = await buildUser(db, ["administrateur"]);
      return { browser: await signedIn(server, u.email) };
    })();
    await stranger.get("/admin/procedures");
    expect((await stranger.post(page, { intent: "contact", op: "remove" }, { csrf: stranger.csrf() })).status).toBe(404);
    const [g] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.id, t.groupeId));
    expect(g?.contactInformation?.nom).toBe("Service instructeur du Nord");
    const [d] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(d?.groupeInstructeurId).toBe(t.groupeId);
  });
});
