/**
 * The messagerie pages over HTTP, without JavaScript: the instructeur asks a correction with a file
 * (multipart), the usager sees the banner, the message and the file, and answers; refused files and
 * empty messages keep what was typed; anyone else gets 404 and nothing changes.
 */
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, commentaires, dossiers } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { PDF_BYTES } from "../../support/sample-files";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
let demarcheId: number;
let dossierId: number;
let usagerEmail: string;
let instructeurEmail: string;
let outsiderEmail: string;
let otherDemarcheId: number;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Démarche messagerie", instructeurEmails: ["agent-messagerie@exemple.fr"] });
  demarcheId = built.demarche.id;
  instructeurEmail = "agent-messagerie@exemple.fr";
  const usager = await buildUser(db, [], "usager-messagerie@exemple.fr");
  usagerEmail = usager.email;
  dossierId = (
    await buildDossier(db, {
      demarche: built.demarche,
      usager,
      state: "en_instruction",
      instructeur: built.instructeurs[0] as never,
    })
  ).dossierId;
  const other = await buildDemarche(db, { libelle: "Autre démarche", instructeurEmails: ["agent-ailleurs@exemple.fr"] });
  otherDemarcheId = other.demarche.id;
  outsiderEmail = "agent-ailleurs@exemple.fr";
});
afterAll(() => server?.stop());

async function signedIn(email: string) {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, FACTORY_PASSWORD);
  return browser;
}

async function snapshot() {
  const { db } = server.database;
  return {
    messages: await db.select().from(commentaires).orderBy(asc(commentaires.id)),
    files: (await db.select({ n: count() }).from(attachments).where(eq(attachments.purpose, "message")))[0]?.n,
    states: await db.select({ id: dossiers.id, state: dossiers.state }).from(dossiers).orderBy(asc(dossiers.id)),
  };
}

function form(fields: Record<string, string>, files: Array<{ name: string; bytes: Buffer; type: string }> = []) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const file of files) data.append("pieces_jointes", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return data;
}

describe("messagerie without JavaScript", () => {
  it("keeps the text and the accepted file when a file is refused or the message is empty", async () => {
    const agent = await signedIn(instructeurEmail);
    const page = `/procedures/${demarcheId}/dossiers/${dossierId}/messagerie`;
    await agent.get(page);
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2000, 1)]);
    const refused = await agent.postFormData(
      page,
      form({ body: "Voici le modèle", intent: "envoyer" }, [
        { name: "modele.pdf", bytes: PDF_BYTES, type: "application/pdf" },
        { name: "virus.exe", bytes: exe, type: "application/octet-stream" },
      ]),
    );
    expect(refused.status).toBe(422);
    expect(agent.lastHtml).toContain("virus.exe");
    expect(agent.lastHtml).toContain("Voici le modèle");
    // The accepted file is kept for the next try, as a hidden field.
    expect(agent.lastHtml).toMatch(/name="_message_files" value="[0-9a-f-]{36}"/);
    expect(agent.lastHtml).toContain("modele.pdf");

    const empty = await agent.postFormData(page, form({ body: "   ", intent: "envoyer" }));
    expect(empty.status).toBe(422);
    expect(agent.lastHtml).toContain("Écrivez votre message");
    expect(agent.lastHtml).toMatch(/aria-describedby="[^"]*message-body-error"/);
    expect((await snapshot()).messages.filter((m) => m.authorKind !== "system")).toEqual([]);
  });

  it("lets the instructeur ask a correction with a file, the usager read it and answer", async () => {
    const agent = await signedIn(instructeurEmail);
    const page = `/procedures/${demarcheId}/dossiers/${dossierId}/messagerie`;
    await agent.get(page);
    expect(agent.lastHtml).toContain("Demander une correction");
    const sent = await agent.postFormData(
      page,
      form({ body: "Merci de corriger votre RIB.", correction: "1", reason: "incorrect", intent: "envoyer" }, [
        { name: "exemple-rib.pdf", bytes: PDF_BYTES, type: "application/pdf" },
      ]),
    );
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toContain("notice=correction");
    const [dossier] = await server.database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier?.state).toBe("en_construction");
    await agent.get(`/procedures/${demarcheId}/dossiers/${dossierId}`);
    expect(agent.lastHtml).toContain("En attente de correction");

    const usager = await signedIn(usagerEmail);
    await usager.get(`/dossiers/${dossierId}`);
    expect(usager.lastHtml).toContain("Correction demandée");
    await usager.get("/dossiers");
    expect(usager.lastHtml).toContain("Correction demandée");
    await usager.get(`/dossiers/${dossierId}/messagerie`);
    expect(usager.lastHtml).toContain("Merci de corriger votre RIB.");
    const link = usager.lastHtml.match(/href="(\/pieces-jointes\/[0-9a-f-]{36})"/)?.[1];
    expect(link).toBeDefined();
    expect((await usager.get(link as string)).status).toBe(200);
    // Another usager cannot download it.
    const stranger = await buildUser(server.database.db, [], "curieux-messagerie@exemple.fr");
    expect((await (await signedIn(stranger.email)).get(link as string)).status).toBe(404);

    const reply = await usager.postFormData(
      `/dossiers/${dossierId}/messagerie`,
      form({ body: "C’est corrigé.", intent: "envoyer" }),
    );
    expect(reply.status).toBe(302);
    // The instructeur's badge until they open the thread.
    await agent.get(`/procedures/${demarcheId}/dossiers/${dossierId}`);
    expect(agent.lastHtml).toMatch(/fr-badge--new[^>]*>nouveau/);
    await agent.get(page);
    expect(agent.lastHtml).toContain("C’est corrigé.");
    await agent.get(`/procedures/${demarcheId}/dossiers/${dossierId}`);
    expect(agent.lastHtml).not.toMatch(/fr-badge--new[^>]*>nouveau/);
  });
});

describe("authorization", () => {
  it("gives 404 to another usager and an instructeur of another démarche, GET and POST, and nothing changes", async () => {
    const before = await snapshot();
    const stranger = await buildUser(server.database.db, [], "autre-usager-messagerie@exemple.fr");
    const other = await signedIn(stranger.email);
    expect((await other.get(`/dossiers/${dossierId}/messagerie`)).status).toBe(404);
    await other.get("/dossiers");
    expect(
      (
        await other.postFormData(
          `/dossiers/${dossierId}/messagerie`,
          form({ body: "Intrus", intent: "envoyer" }, [{ name: "x.pdf", bytes: PDF_BYTES, type: "application/pdf" }]),
        )
      ).status,
    ).toBe(404);

    const outsider = await signedIn(outsiderEmail);
    for (const path of [
      `/procedures/${demarcheId}/dossiers/${dossierId}/messagerie`,
      `/procedures/${otherDemarcheId}/dossiers/${dossierId}/messagerie`,
    ]) {
      expect((await outsider.get(path)).status).toBe(404);
      await outsider.get("/procedures");
      expect(
        (
          await outsider.postFormData(
            path,
            form({ body: "Intrus", intent: "envoyer" }, [{ name: "x.pdf", bytes: PDF_BYTES, type: "application/pdf" }]),
          )
        ).status,
      ).toBe(404);
      await outsider.get("/procedures");
      expect((await outsider.post(path, { intent: "supprimer", commentaireId: "1" })).status).toBe(404);
    }
    const anonymous = new HttpSession(server.url);
    expect([302, 303, 404]).toContain((await anonymous.get(`/dossiers/${dossierId}/messagerie`)).status);
    expect(await snapshot()).toEqual(before);
  });
});
