/**
 * The avis pages over HTTP without JavaScript: the instructeur's tab (request with a file, remind,
 * revoke), the expert's space from the invitation e-mail to the answer with a file, the
 * administrateur's settings, and every intruder (another expert, a revoked expert, an instructeur of
 * another démarche, the usager, an anonymous visitor) getting 404 with nothing changed. A
 * confidential answer never reaches the usager's pages nor another expert's.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, avis } from "../../../server/db/schema";
import { FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES } from "../../support/sample-files";
import { pageText } from "../../support/html";
import { fileForm, startFileServer } from "../files/support";
import type { TestServer } from "../../support/server";
import { avisSetup, avisSnapshot, expertUser, mailJobs, otherInstructeur } from "./helpers";

let server: TestServer & { storageDir: string };
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(() => server?.stop());

async function signedIn(email: string, password = FACTORY_PASSWORD) {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, password);
  return browser;
}

function requestForm(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const form = file ? fileForm("introduction_file", file.name, file.bytes) : new FormData();
  form.append("intent", "request");
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

describe("avis d'experts over HTTP", () => {
  it("journey: an instructeur asks a confidential avis of a new address with a file; the expert signs up from the e-mail, answers with a file; the instructeur reads it", async () => {
    const { db } = server.database;
    const setup = await avisSetup(db);
    const tab = `/procedures/${setup.demarche.id}/dossiers/${setup.dossierId}/avis`;
    const instructeur = await signedIn(setup.instructeur.email);
    expect((await instructeur.get(tab)).status).toBe(200);
    expect(pageText(instructeur.lastHtml)).toContain("Avis externes (0)");

    // Refused input keeps what was typed, and the file uploaded.
    const refused = await instructeur.postFormData(
      tab,
      requestForm(
        { emails: "pas-une-adresse", introduction: "Votre avis sur le devis", confidentiel: "on" },
        { name: "devis.pdf", bytes: PDF_BYTES },
      ),
    );
    expect(refused.status).toBe(422);
    expect(pageText(instructeur.lastHtml)).toContain("Ces adresses ne sont pas valides : pas-une-adresse.");
    expect(instructeur.lastHtml).toContain('href="#avis-emails"');
    expect(instructeur.lastHtml).toContain("Votre avis sur le devis");
    const kept = instructeur.lastHtml.match(/name="kept_file_id" value="([^"]+)"/)?.[1];
    expect(kept).toBeDefined();

    const sent = await instructeur.postFormData(
      tab,
      requestForm({
        emails: "experte.nouvelle@exemple.fr",
        introduction: "Votre avis sur le devis",
        confidentiel: "on",
        kept_file_id: kept as string,
      }),
    );
    expect(sent.status).toBe(302);
    await instructeur.get(sent.headers.get("location") as string);
    expect(pageText(instructeur.lastHtml)).toContain("Avis externes (1)");
    expect(pageText(instructeur.lastHtml)).toContain("devis.pdf");
    const [row] = await db.select().from(avis).where(eq(avis.dossierId, setup.dossierId));
    expect(row?.confidentiel).toBe(true);

    // The invitation e-mail: choose a password, land on the avis.
    const mail = (await mailJobs(db)).find((m) => m.template === "avis_request" && m.params.avisId === row?.id);
    const token = mail?.params.invitationToken as string;
    const expert = new HttpSession(server.url);
    await expert.get(`/users/invitation?token=${token}&redirect_to=/avis/${row?.id}`);
    const chosen = await expert.post("/users/invitation", {
      token,
      password: "un-mot-de-passe-solide",
      redirect_to: `/avis/${row?.id}`,
    });
    expect(chosen.headers.get("location")).toBe(`/avis/${row?.id}`);
    expect((await expert.get("/avis")).status).toBe(200);
    expect(pageText(expert.lastHtml)).toContain(`Voir le dossier n° ${setup.dossierId}`);
    expect((await expert.get(`/avis/${row?.id}`)).status).toBe(200);
    const page = pageText(expert.lastHtml);
    expect(page).toContain("Votre avis sur le devis");
    expect(page).toContain("Isolation");
    expect(page).toContain("Votre avis est confidentiel");
    // The expert downloads the request's file.
    const [introFile] = await db
      .select()
      .from(attachments)
      .where(eq(attachments.avisId, row?.id as number));
    expect((await expert.get(`/pieces-jointes/${introFile?.id}`)).status).toBe(200);

    const answer = fileForm("answer_file", "analyse.pdf", PDF_BYTES);
    answer.append("intent", "answer");
    answer.append("answer", "Avis favorable, devis conforme.");
    const answered = await expert.postFormData(`/avis/${row?.id}`, answer);
    expect(answered.status).toBe(302);
    const files = await db
      .select()
      .from(attachments)
      .where(eq(attachments.avisId, row?.id as number));
    expect(files.map((f) => [f.purpose, f.filename]).sort()).toEqual([
      ["avis_introduction", "devis.pdf"],
      ["avis_reponse", "analyse.pdf"],
    ]);

    await instructeur.get(tab);
    expect(pageText(instructeur.lastHtml)).toContain("Avis favorable, devis conforme.");
    expect(pageText(instructeur.lastHtml)).toContain("analyse.pdf");
    const answerFile = files.find((f) => f.purpose === "avis_reponse");
    expect((await instructeur.get(`/pieces-jointes/${answerFile?.id}`)).status).toBe(200);

    // The usager sees nothing of it: not in their pages, not the files.
    const usager = await signedIn(setup.usager.email);
    await usager.get(`/dossiers/${setup.dossierId}`);
    expect(usager.lastHtml).not.toContain("Avis favorable");
    expect(usager.lastHtml).not.toContain("analyse.pdf");
    expect((await usager.get(`/pieces-jointes/${answerFile?.id}`)).status).toBe(404);
    expect((await usager.get(`/pieces-jointes/${introFile?.id}`)).status).toBe(404);
  });

  it("the instructeur reminds (once per 24 hours, said on the page) and revokes; the revoked expert gets 404", async () => {
    const { db } = server.database;
    const setup = await avisSetup(db);
    const tab = `/procedures/${setup.demarche.id}/dossiers/${setup.dossierId}/avis`;
    const expert = await expertUser(db);
    const instructeur = await signedIn(setup.instructeur.email);
    await instructeur.get(tab);
    expect((await instructeur.postFormData(tab, requestForm({ emails: expert.email, introduction: "Merci" }))).status).toBe(302);
    const [row] = await db.select().from(avis).where(eq(avis.dossierId, setup.dossierId));
    await instructeur.get(tab);
    expect((await instructeur.post(tab, { intent: "remind", avisId: String(row?.id) })).status).toBe(302);
    await instructeur.get(tab);
    const again = await instructeur.post(tab, { intent: "remind", avisId: String(row?.id) });
    expect(again.status).toBe(422);
    expect(pageText(instructeur.lastHtml)).toContain("moins de 24 heures");

    const expertBrowser = await signedIn(expert.email);
    expect((await expertBrowser.get(`/avis/${row?.id}`)).status).toBe(200);
    await instructeur.get(tab);
    expect((await instructeur.post(tab, { intent: "revoke", avisId: String(row?.id) })).status).toBe(302);
    expect((await expertBrowser.get(`/avis/${row?.id}`)).status).toBe(404);
    const before = await avisSnapshot(db);
    await expertBrowser.get("/avis");
    const answer = new FormData();
    answer.append("intent", "answer");
    answer.append("answer", "Trop tard");
    expect((await expertBrowser.postFormData(`/avis/${row?.id}`, answer)).status).toBe(404);
    expect(await avisSnapshot(db)).toEqual(before);
  });

  it("answers 404 to every intruder, and nothing changes", async () => {
    const { db } = server.database;
    const setup = await avisSetup(db);
    const tab = `/procedures/${setup.demarche.id}/dossiers/${setup.dossierId}/avis`;
    const owner = await expertUser(db);
    const other = await expertUser(db);
    const instructeur = await signedIn(setup.instructeur.email);
    await instructeur.get(tab);
    await instructeur.postFormData(
      tab,
      requestForm({ emails: `${owner.email}, ${other.email}`, introduction: "Merci", confidentiel: "on" }),
    );
    const [mine] = await db.select().from(avis).where(eq(avis.dossierId, setup.dossierId));
    const ownerBrowser = await signedIn(owner.email);
    await ownerBrowser.get(`/avis/${mine?.id}`);
    const answer = new FormData();
    answer.append("intent", "answer");
    answer.append("answer", "Réponse strictement confidentielle");
    expect((await ownerBrowser.postFormData(`/avis/${mine?.id}`, answer)).status).toBe(302);

    // Built before the snapshot: publishing its démarche records an event.
    const stranger = await otherInstructeur(db);
    const before = await avisSnapshot(db);
    // Another expert of the same dossier: 404 on this avis, and the confidential answer is not on their own page.
    const otherBrowser = await signedIn(other.email);
    expect((await otherBrowser.get(`/avis/${mine?.id}`)).status).toBe(404);
    const [theirs] = (await db.select().from(avis).where(eq(avis.dossierId, setup.dossierId))).filter((a) => a.id !== mine?.id);
    expect((await otherBrowser.get(`/avis/${theirs?.id}`)).status).toBe(200);
    expect(otherBrowser.lastHtml).not.toContain("Réponse strictement confidentielle");
    expect((await otherBrowser.postFormData(`/avis/${mine?.id}`, answer)).status).toBe(404);

    // An instructeur of another démarche, and the usager.
    const strangerBrowser = await signedIn(stranger.email);
    expect((await strangerBrowser.get(tab)).status).toBe(404);
    expect((await strangerBrowser.post(tab, { intent: "revoke", avisId: String(mine?.id) })).status).toBe(404);
    expect((await strangerBrowser.postFormData(tab, requestForm({ emails: "x@exemple.fr", introduction: "x" }))).status).toBe(
      404,
    );
    const usager = await signedIn(setup.usager.email);
    expect((await usager.get("/avis")).status).toBe(404);
    expect((await usager.get(`/avis/${mine?.id}`)).status).toBe(404);
    expect((await usager.get(tab)).status).toBe(404);
    await usager.get(`/dossiers/${setup.dossierId}`);
    expect(usager.lastHtml).not.toContain("Réponse strictement confidentielle");

    // Anonymous: sent to sign in (the e-mail link brings them back), never the page.
    const anonymous = new HttpSession(server.url);
    const response = await anonymous.get(`/avis/${mine?.id}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/users/sign_in");
    expect(await avisSnapshot(db)).toEqual(before);
  });

  it("the administrateur sets the démarche's experts: disabled, then restricted to a list", async () => {
    const { db } = server.database;
    const setup = await avisSetup(db);
    const page = `/admin/procedures/${setup.demarche.id}/experts`;
    const admin = await signedIn(setup.admin.email);
    await admin.get(`/admin/procedures/${setup.demarche.id}`);
    expect(admin.lastHtml).toContain(`href="${page}"`);
    expect((await admin.get(page)).status).toBe(200);
    expect((await admin.post(page, { intent: "settings" })).status).toBe(302);
    const instructeur = await signedIn(setup.instructeur.email);
    const tab = `/procedures/${setup.demarche.id}/dossiers/${setup.dossierId}/avis`;
    await instructeur.get(tab);
    expect(pageText(instructeur.lastHtml)).toContain("n’autorise pas les demandes d’avis");

    await admin.get(page);
    expect((await admin.post(page, { intent: "settings", allow_expert_review: "on", restricted: "on" })).status).toBe(302);
    await admin.get(page);
    const refused = await admin.post(page, { intent: "add", emails: "pas une adresse" });
    expect(refused.status).toBe(422);
    expect(admin.lastHtml).toContain("pas une adresse");
    await admin.get(page);
    expect((await admin.post(page, { intent: "add", emails: "liste@exemple.fr", allow_decision_access: "on" })).status).toBe(302);
    await admin.get(page);
    expect(pageText(admin.lastHtml)).toContain("liste@exemple.fr");
    await instructeur.get(tab);
    expect(pageText(instructeur.lastHtml)).toContain("liste@exemple.fr");
    const outside = await instructeur.postFormData(tab, requestForm({ emails: "ailleurs@exemple.fr", introduction: "Merci" }));
    expect(outside.status).toBe(422);
    expect(pageText(instructeur.lastHtml)).toContain("ne font pas partie des experts de la démarche");

    // Another administrateur: 404, nothing changes.
    const other = await avisSetup(db);
    const intruder = await signedIn(other.admin.email);
    expect((await intruder.get(page)).status).toBe(404);
    expect((await intruder.post(page, { intent: "settings" })).status).toBe(404);
  });
});
