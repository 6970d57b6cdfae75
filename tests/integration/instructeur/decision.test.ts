/** Deciding on a dossier through HTTP without JavaScript, up to the usager's e-mail in the local mailbox. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, follows, mailboxMessages, traitements } from "../../../server/db/schema";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, pageText, signedIn, type Actor } from "./helpers";

let server: TestServer;
let me: Actor;
let demarche: Awaited<ReturnType<typeof buildDemarche>>["demarche"];

beforeAll(async () => {
  server = await startTestServer();
  const built = await buildDemarche(server.database.db, {
    libelle: "Aide à la rénovation énergétique",
    instructeurEmails: ["instructrice@exemple.fr"],
    champs: [
      { type: "header_section", libelle: "Votre projet" },
      { type: "text", libelle: "Nom du projet" },
      { type: "textarea", libelle: "Description" },
      { type: "yes_no", libelle: "Logement occupé" },
      { type: "integer_number", libelle: "Surface", mandatory: false },
    ],
  });
  demarche = built.demarche;
  me = asActor(built.instructeurs[0] as never);
});
afterAll(() => server?.stop());

const dossierPath = (id: number) => `/procedures/${demarche.id}/dossiers/${id}`;
const stateOf = async (id: number) => (await server.database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0];

describe("instructeur dossier page", () => {
  it("shows the identity, the form in order with sections, the dates and the history", async () => {
    const { dossierId, usager } = await buildDossier(server.database.db, {
      demarche,
      state: "en_construction",
      identity: { civilite: "Mme", nom: "Lefèvre", prenom: "Claire" },
      values: {
        "Nom du projet": "Isolation des combles",
        Description: "Laine de bois.\nAvant l’hiver.",
        "Logement occupé": "false",
      },
    });
    const browser = await signedIn(server, me.email);
    const response = await browser.get(dossierPath(dossierId));
    expect(response.status).toBe(200);
    const html = browser.lastHtml;
    const text = pageText(html);
    expect(text).toContain(`Dossier n° ${dossierId}`);
    expect(text).toContain("Mme Lefèvre Claire");
    expect(text).toContain(usager.email);
    expect(text).toContain("En construction");
    expect(html).toMatch(/<h3[^>]*>Votre projet<\/h3>/);
    const order = [
      "Votre projet",
      "Nom du projet",
      "Isolation des combles",
      "Description",
      "Laine de bois.",
      "Logement occupé",
      "Non",
      "Surface",
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).toContain("Dossier déposé");
    // Only the actions the state allows: passer en instruction, no decision yet.
    expect(html).toContain('name="intent" value="passer_en_instruction"');
    expect(html).not.toContain('name="intent" value="decision"');
    expect(html).not.toContain('name="intent" value="repasser_en_instruction"');
    expect(html).toContain('name="intent" value="follow"');
  });

  it("follows and unfollows a dossier", async () => {
    const { dossierId } = await buildDossier(server.database.db, { demarche, state: "en_construction" });
    const browser = await signedIn(server, me.email);
    await browser.get(dossierPath(dossierId));
    const followed = await browser.post(dossierPath(dossierId), { intent: "follow" });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe(`${dossierPath(dossierId)}?notice=suivi`);
    const isFollowed = async () =>
      (
        await server.database.db
          .select()
          .from(follows)
          .where(and(eq(follows.dossierId, dossierId), eq(follows.instructeurId, me.instructeurId)))
      ).length;
    expect(await isFollowed()).toBe(1);
    await browser.get(`${dossierPath(dossierId)}?notice=suivi`);
    expect(pageText(browser.lastHtml)).toContain("Vous suivez ce dossier.");
    expect(browser.lastHtml).toContain('name="intent" value="unfollow"');
    await browser.post(dossierPath(dossierId), { intent: "unfollow" });
    expect(await isFollowed()).toBe(0);
  });

  it("passer en instruction → auto-followed → accepter with motivation → e-mail in the mailbox", async () => {
    const { db } = server.database;
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const browser = await signedIn(server, me.email);
    await browser.get(dossierPath(dossierId));

    const passed = await browser.post(dossierPath(dossierId), { intent: "passer_en_instruction" });
    expect(passed.status).toBe(302);
    expect(passed.headers.get("location")).toBe(`${dossierPath(dossierId)}?notice=passe_en_instruction`);
    expect((await stateOf(dossierId))?.state).toBe("en_instruction");
    await browser.get(passed.headers.get("location") as string);
    const page = pageText(browser.lastHtml);
    expect(page).toContain("Le dossier est passé en instruction");
    expect(page).toContain("En instruction");
    // Passing en instruction made me a follower.
    expect(browser.lastHtml).toContain('name="intent" value="unfollow"');
    expect(page).toContain(me.email);
    // The decision form: three radios, the motivation with its hint, no JavaScript needed.
    expect(browser.lastHtml).toContain('name="intent" value="decision"');
    for (const decision of ["accepter", "refuser", "classer_sans_suite"]) {
      expect(browser.lastHtml).toContain(`type="radio" id="decision-${decision}" name="decision" value="${decision}"`);
    }
    expect(browser.lastHtml).toMatch(/<textarea[^>]*id="motivation"[^>]*maxLength="5000"|<textarea[^>]*maxlength="5000"/i);
    expect(page).toContain("Obligatoire pour un refus ou un classement sans suite");
    expect(browser.lastHtml).toContain('name="intent" value="repasser_en_construction"');

    const motivation = "Dossier complet et conforme au règlement d’attribution.";
    const accepted = await browser.post(dossierPath(dossierId), { intent: "decision", decision: "accepter", motivation });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`${dossierPath(dossierId)}?notice=accepte`);
    const row = await stateOf(dossierId);
    expect(row?.state).toBe("accepte");
    expect(row?.motivation).toBe(motivation);
    const history = await db.select().from(traitements).where(eq(traitements.dossierId, dossierId)).orderBy(traitements.id);
    expect(history.map((h) => [h.event, h.instructeurEmail])).toEqual([
      ["depose", null],
      ["passe_en_instruction", me.email],
      ["accepte", me.email],
    ]);

    await browser.get(accepted.headers.get("location") as string);
    const decided = pageText(browser.lastHtml);
    expect(decided).toContain("Le dossier a été accepté");
    expect(decided).toContain("Accepté");
    expect(decided).toContain(motivation);
    expect(browser.lastHtml).not.toContain('name="intent" value="decision"');
    expect(browser.lastHtml).toContain('name="intent" value="repasser_en_instruction"');

    // The e-mails are sent by the job worker.
    await server.runJobs();
    const mails = await db.select().from(mailboxMessages).where(eq(mailboxMessages.to, usager.email)).orderBy(mailboxMessages.id);
    const accepte = mails.find((m) => m.subject.includes(`n° ${dossierId} a été accepté`));
    expect(accepte).toBeDefined();
    expect(accepte?.text).toContain(motivation);
    expect(accepte?.text).toContain(`/dossiers/${dossierId}`);
    expect(mails.some((m) => m.subject.includes(`n° ${dossierId} va être examiné`))).toBe(true);
    expect(mails.some((m) => m.subject.includes(`n° ${dossierId} a bien été déposé`))).toBe(true);

    // …and readable in the local mailbox, newest first, motivation included.
    const inbox = await browser.get(`/mailbox?to=${encodeURIComponent(usager.email)}`);
    expect(inbox.status).toBe(200);
    const listed = [...browser.lastHtml.matchAll(/data-message-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual(mails.map((m) => m.id).reverse());
    const opened = await browser.get(`/mailbox/${accepte?.id}`);
    expect(opened.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain(motivation);
    expect(browser.lastHtml).toContain(`/dossiers/${dossierId}</a>`);
    expect(browser.lastHtml).toMatch(/<iframe sandbox=""[^>]*srcDoc=|<iframe[^>]*sandbox=""/i);
  });

  it("refuser without motivation shows the error, keeps the choice, and changes nothing", async () => {
    const { db } = server.database;
    const { dossierId } = await buildDossier(db, { demarche, state: "en_instruction", instructeur: me });
    const before = await stateOf(dossierId);
    const traitementsBefore = (await db.select().from(traitements).where(eq(traitements.dossierId, dossierId))).length;
    const browser = await signedIn(server, me.email);
    await browser.get(dossierPath(dossierId));

    const response = await browser.post(dossierPath(dossierId), { intent: "decision", decision: "refuser", motivation: "   " });
    expect(response.status).toBe(422);
    const html = browser.lastHtml;
    expect(pageText(html)).toContain("La motivation est obligatoire");
    expect(html).toContain('href="#motivation"');
    expect(html).toContain('id="motivation-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(
      /<input type="radio" id="decision-refuser" name="decision" (checked="" value="refuser"|value="refuser" checked="")/,
    );
    expect(html).toContain("<title>Erreur : ");
    const after = await stateOf(dossierId);
    expect(after?.state).toBe("en_instruction");
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    expect((await db.select().from(traitements).where(eq(traitements.dossierId, dossierId))).length).toBe(traitementsBefore);
  });

  it("keeps a too long motivation and says so; a missing decision is asked for", async () => {
    const { dossierId } = await buildDossier(server.database.db, { demarche, state: "en_instruction", instructeur: me });
    const browser = await signedIn(server, me.email);
    await browser.get(dossierPath(dossierId));
    const long = `Trop long <b>gras</b> ${"x".repeat(5000)}`;
    const tooLong = await browser.post(dossierPath(dossierId), {
      intent: "decision",
      decision: "classer_sans_suite",
      motivation: long,
    });
    expect(tooLong.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("La motivation ne doit pas dépasser 5000 caractères");
    expect(browser.lastHtml).toContain("Trop long &lt;b&gt;gras&lt;/b&gt; xxxx");
    expect(browser.lastHtml).not.toContain("<b>gras</b>");

    const none = await browser.post(dossierPath(dossierId), { intent: "decision", motivation: "Motif" });
    expect(none.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("Choisissez une décision");
    expect(browser.lastHtml).toContain(">Motif</textarea>");
    expect((await stateOf(dossierId))?.state).toBe("en_instruction");
  });

  it("repasse en construction, then en instruction again after a decision", async () => {
    const { dossierId } = await buildDossier(server.database.db, {
      demarche,
      state: "sans_suite",
      instructeur: me,
      motivation: "Doublon.",
    });
    const browser = await signedIn(server, me.email);
    await browser.get(dossierPath(dossierId));
    const reopened = await browser.post(dossierPath(dossierId), { intent: "repasser_en_instruction" });
    expect(reopened.headers.get("location")).toBe(`${dossierPath(dossierId)}?notice=repasse_en_instruction`);
    expect((await stateOf(dossierId))?.state).toBe("en_instruction");
    expect((await stateOf(dossierId))?.motivation).toBeNull();
    const back = await browser.post(dossierPath(dossierId), { intent: "repasser_en_construction" });
    expect(back.headers.get("location")).toBe(`${dossierPath(dossierId)}?notice=repasse_en_construction`);
    expect((await stateOf(dossierId))?.state).toBe("en_construction");
    // A stale form (the dossier changed meanwhile) is refused with a message, not a crash.
    const stale = await browser.post(dossierPath(dossierId), { intent: "decision", decision: "accepter", motivation: "" });
    expect(stale.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("Cette action n’est pas possible dans l’état actuel du dossier");
    expect((await browser.post(dossierPath(dossierId), { intent: "nimportequoi" })).status).toBe(400);
  });
});
