/**
 * Customised state e-mails: save (tags checked and named), reset, the publication check, the
 * e-mail a submission sends (values escaped, URL filled in by the job) and its messagerie copy.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentaires, demarches, events, mailTemplates } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { mailTemplateBlockers } from "../../../server/lookups/publication-checks";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { resetMailTemplate } from "../../../server/operations/mail-templates/reset-mail-template";
import { saveMailTemplate } from "../../../server/operations/mail-templates/save-mail-template";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { mailTemplateEditor, previewMailTemplate } from "../../../server/queries/admin/mail-templates";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { deliverMails, mailsTo, queuedMailTemplates } from "../accounts/helpers";
import { draftChamps } from "./helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const built = await buildDemarche(db, {
    champs: [{ type: "text", libelle: "Nom de l'association" }],
    annotations: [{ type: "text", libelle: "Avis du service" }],
  });
  const who = { administrateurId: built.administrateurId, userId: built.admin.userId };
  return { ...built, who };
}

describe("saving and resetting an e-mail template", () => {
  it("names unknown and unavailable tags, saves a valid template, records it and resets it", async () => {
    const { db } = database;
    const { demarche, who } = await setup();
    const refused = await saveMailTemplate(db, who, demarche.id, "initiated", {
      subject: "Dossier --numéro du dossier-- --motivation--",
      body: "Bonjour --tag inconnu--, --Avis du service--",
    });
    expect(refused).toEqual({
      ok: false,
      refusals: [
        { code: "tag_unavailable", field: "subject", params: { tag: "--motivation--" } },
        { code: "tag_unknown", field: "body", params: { tag: "--tag inconnu--" } },
        { code: "tag_unavailable", field: "body", params: { tag: "--Avis du service--" } },
      ],
    });
    expect(await db.select().from(mailTemplates).where(eq(mailTemplates.demarcheId, demarche.id))).toEqual([]);

    // The annotation is available once the instruction began.
    expect(
      await saveMailTemplate(db, who, demarche.id, "received", { subject: "En instruction", body: "Avis : --Avis du service--" }),
    ).toEqual({ ok: true });
    const saved = await saveMailTemplate(db, who, demarche.id, "initiated", {
      subject: "Reçu --numéro du dossier--",
      body: '<p onclick="x()">Bonjour --prénom--<script>alert(1)</script></p>',
    });
    expect(saved).toEqual({ ok: true });
    const editor = await mailTemplateEditor(db, who.administrateurId, demarche.id, "initiated", "fr");
    expect(editor.customised).toBe(true);
    expect(editor.template).toEqual({ subject: "Reçu --numéro du dossier--", body: "<p>Bonjour --prénom--</p>" });
    expect(editor.tags.map((t) => t.text)).toEqual(expect.arrayContaining(["--Nom de l'association--", "--prénom--"]));
    expect(editor.tags.map((t) => t.text)).not.toContain("--Avis du service--");

    const recorded = await db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.demarcheId, demarche.id), eq(events.kind, "demarche.modele_mail_modifie")));
    expect(recorded.map((e) => e.payload)).toEqual([
      { template: "received", change: "saved" },
      { template: "initiated", change: "saved" },
    ]);

    expect(await resetMailTemplate(db, who, demarche.id, "initiated")).toEqual({ reset: true });
    expect(await resetMailTemplate(db, who, demarche.id, "initiated")).toEqual({ reset: false });
    const reset = await mailTemplateEditor(db, who.administrateurId, demarche.id, "initiated", "fr");
    expect(reset.customised).toBe(false);
    expect(reset.template.subject).toBe("Votre dossier n° --numéro du dossier-- a bien été déposé (--libellé démarche--)");
  });

  it("is scoped: another administrateur gets NotFoundError and nothing changes", async () => {
    const { db } = database;
    const { demarche, who } = await setup();
    await saveMailTemplate(db, who, demarche.id, "closed", { subject: "Accepté", body: "Bravo" });
    const intruder = await buildUser(db, ["administrateur"]);
    const other = { administrateurId: intruder.administrateurId as number, userId: intruder.userId };
    await expect(saveMailTemplate(db, other, demarche.id, "closed", { subject: "Piraté", body: "x" })).rejects.toThrow(
      NotFoundError,
    );
    await expect(resetMailTemplate(db, other, demarche.id, "closed")).rejects.toThrow(NotFoundError);
    await expect(mailTemplateEditor(db, other.administrateurId, demarche.id, "closed", "fr")).rejects.toThrow(NotFoundError);
    const rows = await db.select().from(mailTemplates).where(eq(mailTemplates.demarcheId, demarche.id));
    expect(rows.map((r) => [r.subject, r.body])).toEqual([["Accepté", "Bravo"]]);
  });

  it("previews with a dossier of the démarche or a sample one, never a dossier of another démarche", async () => {
    const { db } = database;
    const { demarche, who } = await setup();
    await saveMailTemplate(db, who, demarche.id, "initiated", {
      subject: "Reçu --numéro du dossier--",
      body: "Association : --Nom de l'association--",
    });
    const { dossierId } = await buildDossier(db, {
      demarche,
      state: "en_construction",
      values: { "Nom de l'association": "Les <Amis>" },
    });
    const options = { locale: "fr" as const, appUrl: "https://guichet.test", now: new Date() };
    const real = await previewMailTemplate(db, who.administrateurId, demarche.id, "initiated", dossierId, options);
    expect(real.subject).toBe(`Reçu ${dossierId}`);
    expect(real.html).toBe("<p>Association : Les &lt;Amis&gt;</p>");
    const sample = await previewMailTemplate(db, who.administrateurId, demarche.id, "initiated", null, options);
    expect(sample.subject).toBe("Reçu 12345");
    const elsewhere = await setup();
    const { dossierId: foreign } = await buildDossier(db, { demarche: elsewhere.demarche, state: "en_construction" });
    await expect(previewMailTemplate(db, who.administrateurId, demarche.id, "initiated", foreign, options)).rejects.toThrow(
      NotFoundError,
    );
  });
});

describe("publication", () => {
  it("is refused while a customised e-mail uses a tag the form no longer has, naming it", async () => {
    const { db } = database;
    const { demarche, who } = await setup();
    await saveMailTemplate(db, who, demarche.id, "closed", {
      subject: "Accepté",
      body: "Votre association --Nom de l'association-- : --motivation--",
    });
    const [champ] = await draftChamps(db, demarche.id);
    const renamed = await updateChamp(db, who.administrateurId, demarche.id, {
      stableId: champ?.stableId as number,
      libelle: "Nom de la structure",
      description: "",
      mandatory: true,
      options: {},
    });
    expect(renamed.ok).toBe(true);
    const [current] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    expect(await mailTemplateBlockers(db, current as typeof demarches.$inferSelect)).toEqual([
      { kind: "closed", code: "tag_unknown", tag: "--Nom de l'association--" },
    ]);
    const result = await publishDemarche(db, who.administrateurId, demarche.id, { path: demarche.path as string });
    expect(result).toMatchObject({ ok: false, refusals: [{ code: "mail_template_invalid" }] });
  });
});

describe("the e-mails sent", () => {
  it("sends the customised accusé de réception at submission, values escaped, and copies it in the messagerie", async () => {
    const { db } = database;
    const { demarche, who } = await setup();
    await saveMailTemplate(db, who, demarche.id, "initiated", {
      subject: "Dossier --numéro du dossier-- de --prénom-- --nom--",
      body: "Bonjour --prénom--,\n\nNous avons reçu la demande de « --Nom de l'association-- ».\n\nSuivi : --lien dossier--",
    });
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, {
      demarche,
      usager,
      state: "en_construction",
      identity: { civilite: "M.", nom: "O'Brien", prenom: "Jean" },
      values: { "Nom de l'association": "<b>Les amis</b> & co" },
    });
    expect(await queuedMailTemplates(db, usager.email)).toEqual(["dossier_personnalise"]);
    await deliverMails(database);
    const [mail] = await mailsTo(db, usager.email);
    expect(mail?.subject).toBe(`Dossier ${dossierId} de Jean O'Brien`);
    expect(mail?.text).toBe(
      `Bonjour Jean,\n\nNous avons reçu la demande de « <b>Les amis</b> & co ».\n\nSuivi : ${database.config.appUrl}/dossiers/${dossierId}`,
    );
    expect(mail?.html).toContain("« &lt;b&gt;Les amis&lt;/b&gt; &amp; co »");
    expect(mail?.html).not.toContain("<b>Les amis");
    expect(mail?.html).toContain(`${database.config.appUrl}/dossiers/${dossierId}`);
    const [copy] = await db.select().from(commentaires).where(eq(commentaires.dossierId, dossierId));
    expect(copy?.authorKind).toBe("system");
    expect(copy?.body).toContain("&lt;b&gt;Les amis&lt;/b&gt;");
    expect(copy?.body).toContain(`/dossiers/${dossierId}`);
    expect(copy?.body).not.toContain("\uE001");
  });

  it("sends the built-in e-mails of the templates not customised", async () => {
    const { db } = database;
    const { demarche, administrateurId, admin } = await buildDemarche(db);
    const who = { administrateurId, userId: admin.userId };
    await saveMailTemplate(db, who, demarche.id, "closed", { subject: "Accepté --numéro du dossier--", body: "Bravo" });
    const usager = await buildUser(db);
    const { dossierId } = await buildDossier(db, { demarche, usager, state: "refuse" });
    expect(await queuedMailTemplates(db, usager.email)).toEqual([
      "dossier_depose",
      "dossier_passe_en_instruction",
      "dossier_refuse",
    ]);
    expect(dossierId).toBeGreaterThan(0);
  });
});
