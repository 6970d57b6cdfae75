/**
 * The pages of labels, badges, preferences and send-to-colleague without JavaScript, and who may
 * use them: another administrateur or an instructeur of another démarche gets 404 on GET and POST,
 * and nothing changes.
 */
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierLabels, follows, instructeurDemarchePreferences, labels } from "../../../server/db/schema";
import { createGenericLabels } from "../../../server/operations/labels/create-generic-labels";
import { deposerModifications } from "../../../server/operations/dossiers/deposer-modifications";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { labelsOfDemarche } from "../../../server/queries/instructeur/labels";
import { assignToDefaultGroupe, buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { signedIn } from "../instructeur/helpers";

let server: TestServer;
let built: Awaited<ReturnType<typeof buildDemarche>>;
let other: Awaited<ReturnType<typeof buildDemarche>>;
let dossierId: number;
let usager: { userId: number; email: string };
let colleague: { instructeurId: number; email: string };

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  built = await buildDemarche(db, {
    libelle: "Démarche aux labels",
    administrateurEmail: "admin-labels@exemple.fr",
    instructeurEmails: ["titulaire-labels@exemple.fr"],
  });
  other = await buildDemarche(db, {
    libelle: "Autre démarche",
    administrateurEmail: "autre-admin@exemple.fr",
    instructeurEmails: ["exterieur-labels@exemple.fr"],
  });
  const c = await buildUser(db, ["instructeur"], "collegue-labels@exemple.fr");
  await assignToDefaultGroupe(db, built.demarche.id, c.instructeurId as number);
  colleague = { instructeurId: c.instructeurId as number, email: c.email };
  await createGenericLabels(db, other.administrateurId, other.demarche.id, "fr");
  const d = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
  dossierId = d.dossierId;
  usager = d.usager;
});
afterAll(() => server?.stop());

async function snapshot() {
  const { db } = server.database;
  const [l, dl, f, p, jobs] = await Promise.all([
    db.select().from(labels).orderBy(asc(labels.id)),
    db.select().from(dossierLabels).orderBy(asc(dossierLabels.labelId)),
    db.select().from(follows).orderBy(asc(follows.instructeurId), asc(follows.dossierId)),
    db.select().from(instructeurDemarchePreferences),
    db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs`),
  ]);
  return { l, dl, f, p, jobs: jobs.rows };
}

describe("the administrateur's labels page", () => {
  it("adds the generic labels and one of its own; a refused name keeps what was typed", async () => {
    const browser = await signedIn(server, "admin-labels@exemple.fr");
    const page = `/admin/procedures/${built.demarche.id}/labels`;
    expect((await browser.get(`/admin/procedures/${built.demarche.id}`)).status).toBe(200);
    expect(browser.lastHtml).toContain(`href="${page}"`);
    expect((await browser.get(page)).status).toBe(200);
    expect((await browser.post(page, { intent: "generic" })).status).toBe(302);
    await browser.get(page);
    expect(browser.lastHtml).toContain("À examiner");
    const tooLong = "Un nom de label beaucoup trop long";
    expect((await browser.post(page, { intent: "create", name: tooLong, color: "blue-ecume" })).status).toBe(422);
    expect(browser.lastHtml).toContain(`value="${tooLong}"`);
    expect(browser.lastHtml).toContain("30 caractères au maximum");
    expect(browser.lastHtml).toContain('aria-describedby="new-name-error"');
    expect((await browser.post(page, { intent: "create", name: "Pièces reçues", color: "green-menthe" })).status).toBe(302);
    expect((await labelsOfDemarche(server.database.db, built.demarche.id)).map((l) => l.name)).toContain("Pièces reçues");
  });

  it("gives another administrateur 404 on GET and every POST, and nothing changes", async () => {
    const browser = await signedIn(server, "autre-admin@exemple.fr");
    const page = `/admin/procedures/${built.demarche.id}/labels`;
    const [label] = await labelsOfDemarche(server.database.db, built.demarche.id);
    const before = await snapshot();
    expect((await browser.get(page)).status).toBe(404);
    const attempts: Array<Record<string, string>> = [
      { intent: "create", name: "Intrus", color: "blue-ecume" },
      { intent: "update", labelId: String(label?.id), name: "Intrus", color: "blue-ecume" },
      { intent: "delete", labelId: String(label?.id) },
      { intent: "up", labelId: String(label?.id) },
      { intent: "generic" },
    ];
    for (const fields of attempts) {
      await browser.get("/admin/procedures");
      expect((await browser.post(page, fields)).status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the instructeur's dossier page", () => {
  it("puts labels on the dossier and shows them in the list; another démarche's label is refused", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, "titulaire-labels@exemple.fr");
    const page = `/procedures/${built.demarche.id}/dossiers/${dossierId}`;
    const [first, second] = await labelsOfDemarche(db, built.demarche.id);
    const [foreign] = await labelsOfDemarche(db, other.demarche.id);
    await browser.get(page);
    expect((await browser.post(page, { intent: "labels", labelIds: [String(first?.id), String(second?.id)] })).status).toBe(302);
    await browser.get(page);
    expect(browser.lastHtml).toContain(`data-label-id="${first?.id}"`);
    await browser.get(`/procedures/${built.demarche.id}?statut=tous`);
    expect(browser.lastHtml).toContain(`data-label-id="${second?.id}"`);
    await browser.get(page);
    const before = await snapshot();
    expect((await browser.post(page, { intent: "labels", labelIds: [String(foreign?.id)] })).status).toBe(422);
    expect(browser.lastHtml).toContain("Ce label n’existe pas (ou plus) sur cette démarche");
    expect((await browser.post(page, { intent: "labels", labelIds: ["abc"] })).status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("sends the dossier to a colleague; a refused send keeps the message typed", async () => {
    const browser = await signedIn(server, "titulaire-labels@exemple.fr");
    const page = `/procedures/${built.demarche.id}/dossiers/${dossierId}`;
    await browser.get(page);
    expect(browser.lastHtml).toContain(colleague.email);
    expect((await browser.post(page, { intent: "send_to_colleague", message: "Message gardé" })).status).toBe(422);
    expect(browser.lastHtml).toContain("Choisissez au moins un collègue.");
    expect(browser.lastHtml).toContain("Message gardé");
    const sent = await browser.post(page, {
      intent: "send_to_colleague",
      instructeurIds: String(colleague.instructeurId),
      message: "À toi",
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toContain("notice=envoye");
  });

  it("shows what is new since the last visit, on the list row and the page, until the dossier is seen", async () => {
    const { db } = server.database;
    const instructeur = built.instructeurs[0] as { userId: number; instructeurId: number };
    await followDossier(db, instructeur, dossierId, true);
    const browser = await signedIn(server, "titulaire-labels@exemple.fr");
    const page = `/procedures/${built.demarche.id}/dossiers/${dossierId}`;
    await browser.get(page);
    expect(browser.lastHtml).not.toContain('data-notification="dossier_modifie"');
    const [nom] = (
      await db.execute<{ stable_id: number }>(
        sql`select stable_id from champs where dossier_id = ${dossierId} and stream = 'main' and row_id = '' limit 1`,
      )
    ).rows;
    expect(
      await saveChamps(db, usager.userId, dossierId, (name) => (name === `champ_${nom?.stable_id}` ? "Modifié" : undefined)),
    ).toMatchObject({
      ok: true,
    });
    // The usager's changes reach the administration when deposited.
    expect(await deposerModifications(db, usager.userId, dossierId)).toMatchObject({ ok: true });
    await browser.get(`/procedures/${built.demarche.id}?statut=tous`);
    expect(browser.lastHtml).toContain('data-notification="dossier_modifie"');
    await browser.get(page);
    expect(browser.lastHtml).toContain("Nouveau depuis votre dernière visite");
    expect(browser.lastHtml).toContain('data-notification="dossier_modifie"');
    await browser.get(page);
    expect(browser.lastHtml).not.toContain('data-notification="dossier_modifie"');
    await browser.get(`/procedures/${built.demarche.id}?statut=tous`);
    expect(browser.lastHtml).not.toContain('data-notification="dossier_modifie"');
  });

  it("gives an instructeur of another démarche 404 on the labels and colleague intents, and nothing changes", async () => {
    const browser = await signedIn(server, "exterieur-labels@exemple.fr");
    const [first] = await labelsOfDemarche(server.database.db, built.demarche.id);
    const before = await snapshot();
    for (const base of [built.demarche.id, other.demarche.id]) {
      const page = `/procedures/${base}/dossiers/${dossierId}`;
      const attempts: Array<Record<string, string>> = [
        { intent: "labels", labelIds: String(first?.id) },
        { intent: "send_to_colleague", instructeurIds: String(colleague.instructeurId), message: "" },
      ];
      for (const fields of attempts) {
        await browser.get("/procedures");
        expect((await browser.post(page, fields)).status).toBe(404);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the e-mail preferences page", () => {
  it("saves an instructeur's choices for their démarche; another démarche is 404 and nothing changes", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, "exterieur-labels@exemple.fr");
    expect((await browser.get("/procedures")).status).toBe(200);
    expect(browser.lastHtml).toContain('href="/procedures/notifications"');
    expect((await browser.get("/procedures/notifications")).status).toBe(200);
    expect(browser.lastHtml).toContain("Autre démarche");
    expect(browser.lastHtml).not.toContain("Démarche aux labels");
    const before = await snapshot();
    expect(
      (await browser.post("/procedures/notifications", { demarcheId: String(built.demarche.id), instantEmailNewDossier: "on" }))
        .status,
    ).toBe(404);
    await browser.get("/procedures/notifications");
    expect((await browser.post("/procedures/notifications", { demarcheId: "x" })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    await browser.get("/procedures/notifications");
    const saved = await browser.post("/procedures/notifications", {
      demarcheId: String(other.demarche.id),
      instantEmailNewDossier: "on",
    });
    expect(saved.status).toBe(302);
    await browser.get(saved.headers.get("location") as string);
    expect(browser.lastHtml).toContain("Vos préférences de notification ont été enregistrées");
    const rows = await db.select().from(instructeurDemarchePreferences);
    expect(rows).toMatchObject([
      { demarcheId: other.demarche.id, instantEmailNewDossier: true, dailyEmailSummary: false, weeklyEmailSummary: false },
    ]);
  });

  it("is not for a usager (404)", async () => {
    const browser = await signedIn(server, usager.email);
    expect((await browser.get("/procedures/notifications")).status).toBe(404);
  });
});
