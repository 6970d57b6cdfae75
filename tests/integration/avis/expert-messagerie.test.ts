/**
 * The expert's messagerie over HTTP without JavaScript: the expert of a non-confidential avis
 * writes to the usager and the instructeurs with a file (multipart); the usager sees
 * « Administration », the instructeur the expert's address. The expert of a confidential avis,
 * another expert, an instructeur, and everyone once the administrateur turns expert messaging off
 * get 404, and nothing changes.
 */
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, commentaires } from "../../../server/db/schema";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { updateExpertsSettings } from "../../../server/operations/demarches/update-experts-settings";
import { FACTORY_PASSWORD } from "../../../server/seed/factories";
import { pageText } from "../../support/html";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES } from "../../support/sample-files";
import type { TestServer } from "../../support/server";
import { startFileServer } from "../files/support";
import { avisSetup, expertUser, requestInput } from "./helpers";

let server: TestServer & { storageDir: string };
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(() => server?.stop());

async function signedIn(email: string) {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, FACTORY_PASSWORD);
  return browser;
}

function messageForm(body: string, file?: { name: string; bytes: Buffer }) {
  const form = new FormData();
  form.append("intent", "envoyer");
  form.append("body", body);
  if (file) form.append("pieces_jointes", new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" }), file.name);
  return form;
}

async function snapshot() {
  const { db } = server.database;
  return {
    messages: await db.select().from(commentaires).orderBy(asc(commentaires.id)),
    files: (await db.select({ n: count() }).from(attachments).where(eq(attachments.purpose, "message")))[0]?.n,
  };
}

async function setupWithAvis() {
  const { db } = server.database;
  const setup = await avisSetup(db);
  const open = await expertUser(db);
  const confidential = await expertUser(db);
  const claimant = {
    kind: "instructeur" as const,
    ...setup.instructeur,
    demarcheId: setup.demarche.id,
    dossierId: setup.dossierId,
  };
  const asked = await requestAvis(db, claimant, requestInput(open.email));
  const secret = await requestAvis(db, claimant, requestInput(confidential.email, { confidentiel: true }));
  if (!asked.ok || !secret.ok) throw new Error("avis not requested");
  return { ...setup, open, confidential, openAvisId: asked.avisIds[0] as number, secretAvisId: secret.avisIds[0] as number };
}

describe("the expert's messagerie", () => {
  it("lets the expert of a non-confidential avis write with a file; the usager and the instructeur read it", async () => {
    const setup = await setupWithAvis();
    const expert = await signedIn(setup.open.email);
    expect((await expert.get(`/avis/${setup.openAvisId}`)).status).toBe(200);
    expect(expert.lastHtml).toContain(`href="/avis/${setup.openAvisId}/messagerie"`);
    const page = `/avis/${setup.openAvisId}/messagerie`;
    expect((await expert.get(page)).status).toBe(200);

    const empty = await expert.postFormData(page, messageForm("   "));
    expect(empty.status).toBe(422);
    expect(pageText(expert.lastHtml)).toContain("Écrivez votre message");

    const sent = await expert.postFormData(
      page,
      messageForm("Le devis me paraît complet.", { name: "note.pdf", bytes: PDF_BYTES }),
    );
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toMatch(
      new RegExp(`^/avis/${setup.openAvisId}/messagerie\\?notice=envoye#message-\\d+$`),
    );
    const { db } = server.database;
    const [message] = await db
      .select()
      .from(commentaires)
      .where(and(eq(commentaires.dossierId, setup.dossierId), eq(commentaires.authorKind, "expert")));
    expect(message).toMatchObject({ authorKind: "expert", expertId: setup.open.expertId, email: setup.open.email });
    const files = await db.select().from(attachments).where(isNotNull(attachments.commentaireId));
    expect(files.filter((f) => f.commentaireId === message?.id).map((f) => f.filename)).toEqual(["note.pdf"]);

    const usager = await signedIn(setup.usager.email);
    await usager.get(`/dossiers/${setup.dossierId}/messagerie`);
    const seenByUsager = pageText(usager.lastHtml);
    expect(seenByUsager).toContain("Le devis me paraît complet.");
    expect(seenByUsager).toContain("Administration");
    expect(seenByUsager).not.toContain(setup.open.email);

    const instructeur = await signedIn(setup.instructeur.email);
    await instructeur.get(`/procedures/${setup.demarche.id}/dossiers/${setup.dossierId}/messagerie`);
    expect(pageText(instructeur.lastHtml)).toContain(setup.open.email);
    expect(instructeur.lastHtml).toContain("note.pdf");
  });

  it("lets the expert delete their own message, not another's; it stays as « Message supprimé »", async () => {
    const setup = await setupWithAvis();
    const { db } = server.database;
    const page = `/avis/${setup.openAvisId}/messagerie`;
    const expert = await signedIn(setup.open.email);
    await expert.postFormData(page, messageForm("À retirer", { name: "note.pdf", bytes: PDF_BYTES }));
    const usager = await signedIn(setup.usager.email);
    const usagerForm = new FormData();
    usagerForm.append("intent", "envoyer");
    usagerForm.append("body", "Message de l’usager");
    expect((await usager.postFormData(`/dossiers/${setup.dossierId}/messagerie`, usagerForm)).status).toBe(302);
    const thread = await db.select().from(commentaires).where(eq(commentaires.dossierId, setup.dossierId));
    const mine = thread.find((m) => m.authorKind === "expert");
    const theirs = thread.find((m) => m.authorKind === "usager");
    if (!mine || !theirs) throw new Error("messages missing");

    await expert.get(page);
    expect(expert.lastHtml).toContain(`name="commentaireId" value="${mine.id}"`);
    expect(expert.lastHtml).not.toContain(`name="commentaireId" value="${theirs.id}"`);

    const forged = new FormData();
    forged.append("intent", "supprimer");
    forged.append("commentaireId", String(theirs.id));
    expect((await expert.postFormData(page, forged)).status).toBe(422);
    expect(pageText(expert.lastHtml)).toContain("Vous ne pouvez supprimer que vos propres messages");

    const own = new FormData();
    own.append("intent", "supprimer");
    own.append("commentaireId", String(mine.id));
    const deleted = await expert.postFormData(page, own);
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe(`${page}?notice=supprime`);
    const after = await db.select().from(commentaires).where(eq(commentaires.dossierId, setup.dossierId));
    expect(after.find((m) => m.id === mine.id)).toMatchObject({ body: "" });
    expect(after.find((m) => m.id === mine.id)?.discardedAt).not.toBeNull();
    expect(after.find((m) => m.id === theirs.id)).toMatchObject({ body: "Message de l’usager", discardedAt: null });
    expect((await db.select().from(attachments).where(eq(attachments.commentaireId, mine.id))).length).toBe(0);
    await expert.get(`${page}?notice=supprime`);
    expect(pageText(expert.lastHtml)).toContain("Le message a été supprimé.");
  });

  it("gives 404 to the confidential avis's expert, another expert and an instructeur; nothing changes", async () => {
    const setup = await setupWithAvis();
    const before = await snapshot();
    const confidential = await signedIn(setup.confidential.email);
    await confidential.get(`/avis/${setup.secretAvisId}`);
    expect(confidential.lastHtml).not.toContain("/messagerie");
    for (const [browser, avisId] of [
      [confidential, setup.secretAvisId],
      [confidential, setup.openAvisId],
      [await signedIn(setup.instructeur.email), setup.openAvisId],
    ] as const) {
      expect((await browser.get(`/avis/${avisId}/messagerie`)).status).toBe(404);
      const post = await browser.postFormData(
        `/avis/${avisId}/messagerie`,
        messageForm("Intrus", { name: "x.pdf", bytes: PDF_BYTES }),
      );
      expect(post.status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("closes the expert's messagerie when the administrateur turns expert messaging off", async () => {
    const setup = await setupWithAvis();
    const { db } = server.database;
    const admin = { administrateurId: setup.administrateurId, userId: setup.admin.userId };
    await updateExpertsSettings(db, admin, setup.demarche.id, {
      allowExpertReview: true,
      allowExpertMessaging: false,
      expertsRequireAdministrateurInvitation: false,
    });
    const before = await snapshot();
    const expert = await signedIn(setup.open.email);
    await expert.get(`/avis/${setup.openAvisId}`);
    expect(expert.lastHtml).not.toContain(`/avis/${setup.openAvisId}/messagerie`);
    expect((await expert.get(`/avis/${setup.openAvisId}/messagerie`)).status).toBe(404);
    const post = await expert.postFormData(
      `/avis/${setup.openAvisId}/messagerie`,
      messageForm("Encore moi", { name: "x.pdf", bytes: PDF_BYTES }),
    );
    expect(post.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});
