import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments, commentaires, dossierCorrections, dossiers, events, traitements } from "../../../server/db/schema";
import { MESSAGE_MAX_LENGTH } from "../../../server/domain/messages/message-body";
import { NotFoundError } from "../../../server/errors";
import { recordEvent } from "../../../server/events/record-event";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { addMessageFile } from "../../../server/operations/messages/add-message-file";
import { deleteMessage } from "../../../server/operations/messages/delete-message";
import { markMessagerieRead } from "../../../server/operations/messages/mark-messagerie-read";
import type { MessageAuthor } from "../../../server/operations/messages/message-author";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { unreadMessageDossiers } from "../../../server/queries/instructeur/unread-messages";
import { pendingCorrections } from "../../../server/queries/pending-corrections";
import { loadThread } from "../../../server/queries/message-thread";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Instructeur = { userId: number; instructeurId: number; email: string };

async function setup(state: "brouillon" | "en_construction" | "en_instruction" | "accepte" = "en_construction") {
  const { demarche, instructeurs } = await buildDemarche(database.db, {
    champs: [{ type: "text", libelle: "Nom" }],
    instructeurEmails: [`a-${Math.random()}@exemple.fr`, `b-${Math.random()}@exemple.fr`],
  });
  const [first, second] = instructeurs as unknown as [Instructeur, Instructeur];
  const { dossierId, usager } = await buildDossier(database.db, { demarche, state, instructeur: first });
  const usagerAuthor: MessageAuthor = { kind: "usager", userId: usager.userId, email: usager.email };
  const instructeur: MessageAuthor & { kind: "instructeur" } = { kind: "instructeur", ...first };
  const colleague: MessageAuthor & { kind: "instructeur" } = { kind: "instructeur", ...second };
  return { demarche, dossierId, usager: usagerAuthor, instructeur, colleague };
}

const messagesOf = (dossierId: number) =>
  database.db.select().from(commentaires).where(eq(commentaires.dossierId, dossierId)).orderBy(asc(commentaires.id));
const authored = async (dossierId: number) => (await messagesOf(dossierId)).filter((m) => m.authorKind !== "system");
const eventKinds = async (dossierId: number) =>
  (await database.db.select({ kind: events.kind }).from(events).where(eq(events.dossierId, dossierId))).map((e) => e.kind);
const mailTemplates = async (dossierId: number) =>
  (
    await database.db.execute(
      sql`select j.payload->>'template' as template from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'send-mail' and (j.payload->'params'->>'dossierNumber')::int = ${dossierId}
          order by j.id`,
    )
  ).rows.map((row) => (row as { template: string }).template);

async function pendingFile(author: MessageAuthor, dossierId: number, name = "piece.pdf") {
  const added = await addMessageFile(database.db, author, {
    dossierId,
    file: {
      storageKey: `k-${Math.random()}`,
      filename: name,
      contentType: "application/pdf",
      byteSize: 10,
      checksum: "a".repeat(64),
    },
  });
  if (!added.ok) throw new Error("file refused");
  return added.id;
}

describe("sendMessage", () => {
  it("lets the usager write, records message.envoye, and mails nobody", async () => {
    const { dossierId, usager } = await setup();
    const mails = (await mailTemplates(dossierId)).length;
    const result = await sendMessage(database.db, usager, { dossierId, body: "Bonjour,\nvoici ma question <script>x</script>" });
    expect(result).toMatchObject({ ok: true });
    const [message] = await authored(dossierId);
    expect(message).toMatchObject({ authorKind: "usager", body: "Bonjour,<br />voici ma question" });
    expect(await eventKinds(dossierId)).toContain("message.envoye");
    expect((await mailTemplates(dossierId)).length).toBe(mails);
  });

  it("e-mails the usager for an instructeur's message and links the files uploaded for it", async () => {
    const { dossierId, instructeur, usager } = await setup();
    const fileId = await pendingFile(instructeur, dossierId);
    // Somebody else's pending file is never taken.
    const foreign = await pendingFile(usager, dossierId, "autre.pdf");
    const result = await sendMessage(database.db, instructeur, {
      dossierId,
      body: "Il manque un justificatif.",
      attachmentIds: [fileId, foreign],
    });
    expect(result.ok).toBe(true);
    const thread = await loadThread(database.db, dossierId);
    const sent = thread.find((m) => m.authorKind === "instructeur");
    expect(sent?.files.map((f) => f.id)).toEqual([fileId]);
    const [other] = await database.db.select().from(attachments).where(eq(attachments.id, foreign));
    expect(other?.commentaireId).toBeNull();
    expect((await mailTemplates(dossierId)).at(-1)).toBe("nouveau_message");
  });

  it("refuses an empty or oversize message, and nothing changes", async () => {
    const { dossierId, usager } = await setup();
    const before = await eventKinds(dossierId);
    expect(await sendMessage(database.db, usager, { dossierId, body: "  <p> </p> " })).toEqual({
      ok: false,
      refusals: [{ code: "message_empty", field: "body" }],
    });
    expect(await sendMessage(database.db, usager, { dossierId, body: "x".repeat(MESSAGE_MAX_LENGTH + 1) })).toEqual({
      ok: false,
      refusals: [{ code: "message_too_long", field: "body", params: { max: String(MESSAGE_MAX_LENGTH) } }],
    });
    expect(await authored(dossierId)).toEqual([]);
    expect(await eventKinds(dossierId)).toEqual(before);
  });

  it("refuses a message on an archived dossier or a brouillon", async () => {
    const archived = await setup("accepte");
    await database.db.update(dossiers).set({ archived: true }).where(eq(dossiers.id, archived.dossierId));
    expect(await sendMessage(database.db, archived.instructeur, { dossierId: archived.dossierId, body: "Bonjour" })).toEqual({
      ok: false,
      refusals: [{ code: "dossier_archived", field: "form" }],
    });
    expect(await sendMessage(database.db, archived.usager, { dossierId: archived.dossierId, body: "Bonjour" })).toMatchObject({
      ok: false,
    });
    const brouillon = await setup("brouillon");
    expect(await sendMessage(database.db, brouillon.usager, { dossierId: brouillon.dossierId, body: "Bonjour" })).toEqual({
      ok: false,
      refusals: [{ code: "dossier_brouillon", field: "form" }],
    });
    expect(await authored(archived.dossierId)).toEqual([]);
    expect(await authored(brouillon.dossierId)).toEqual([]);
  });

  it("refuses a message on a dossier in the corbeille", async () => {
    const deleted = await setup("accepte");
    await database.db.update(dossiers).set({ hiddenByAdministrationAt: new Date() }).where(eq(dossiers.id, deleted.dossierId));
    expect(await sendMessage(database.db, deleted.instructeur, { dossierId: deleted.dossierId, body: "Bonjour" })).toEqual({
      ok: false,
      refusals: [{ code: "dossier_supprime", field: "form" }],
    });
    expect(await authored(deleted.dossierId)).toEqual([]);
  });

  it("gives 404 to another usager and to an instructeur of another démarche, and nothing changes", async () => {
    const { dossierId } = await setup();
    const stranger = await buildUser(database.db);
    const other = await setup();
    await expect(
      sendMessage(database.db, { kind: "usager", userId: stranger.userId, email: stranger.email }, { dossierId, body: "Hello" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendMessage(database.db, other.instructeur, { dossierId, body: "Hello" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addMessageFile(database.db, other.instructeur, {
        dossierId,
        file: { storageKey: "k", filename: "x.pdf", contentType: "application/pdf", byteSize: 1, checksum: "a".repeat(64) },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await authored(dossierId)).toEqual([]);
  });
});

describe("demande de correction", () => {
  it("sends an en_instruction dossier back en construction, without a state e-mail", async () => {
    const { dossierId, instructeur } = await setup("en_instruction");
    const mails = (await mailTemplates(dossierId)).length;
    const result = await sendMessage(database.db, instructeur, { dossierId, body: "Pièce illisible", correction: "incorrect" });
    expect(result.ok).toBe(true);
    const [dossier] = await database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(dossier?.state).toBe("en_construction");
    const [last] = await database.db
      .select()
      .from(traitements)
      .where(eq(traitements.dossierId, dossierId))
      .orderBy(sql`${traitements.id} desc`)
      .limit(1);
    expect(last).toMatchObject({ event: "repasse_en_construction", fromState: "en_instruction", state: "en_construction" });
    expect((await mailTemplates(dossierId)).slice(mails)).toEqual(["nouveau_message"]);
    expect((await pendingCorrections(database.db, [dossierId])).has(dossierId)).toBe(true);
    const thread = await loadThread(database.db, dossierId);
    expect(thread.find((m) => m.authorKind === "instructeur")?.correction).toMatchObject({
      reason: "incorrect",
      resolvedAt: null,
    });
  });

  it("refuses a second correction while one is pending, and one on a decided dossier", async () => {
    const { dossierId, instructeur, colleague } = await setup();
    expect((await sendMessage(database.db, instructeur, { dossierId, body: "Un", correction: "incomplete" })).ok).toBe(true);
    expect(await sendMessage(database.db, colleague, { dossierId, body: "Deux", correction: "outdated" })).toEqual({
      ok: false,
      refusals: [{ code: "correction_pending", field: "correction" }],
    });
    expect(await authored(dossierId)).toHaveLength(1);
    const decided = await setup("accepte");
    expect(
      await sendMessage(database.db, decided.instructeur, { dossierId: decided.dossierId, body: "x", correction: "incorrect" }),
    ).toEqual({ ok: false, refusals: [{ code: "correction_wrong_state", field: "correction" }] });
  });

  it("is resolved when the usager re-submits (dossier.depose_correction_usager)", async () => {
    const { dossierId, demarche, instructeur, usager } = await setup();
    await sendMessage(database.db, instructeur, { dossierId, body: "À compléter", correction: "incomplete" });
    await database.db.transaction((tx) =>
      recordEvent(tx, {
        kind: "dossier.depose_correction_usager",
        demarcheId: demarche.id,
        dossierId,
        actor: "usager",
        actorUserId: usager.userId,
        payload: { from: "en_construction", to: "en_construction" },
      }),
    );
    expect((await pendingCorrections(database.db, [dossierId])).has(dossierId)).toBe(false);
  });

  it("is resolved when the dossier passes en instruction, or its message is deleted", async () => {
    const a = await setup();
    await sendMessage(database.db, a.instructeur, { dossierId: a.dossierId, body: "À compléter", correction: "incomplete" });
    await passerEnInstruction(database.db, a.instructeur, a.dossierId);
    expect((await pendingCorrections(database.db, [a.dossierId])).size).toBe(0);

    const b = await setup();
    const sent = await sendMessage(database.db, b.instructeur, {
      dossierId: b.dossierId,
      body: "À compléter",
      correction: "incomplete",
    });
    if (!sent.ok) throw new Error("not sent");
    expect(
      await deleteMessage(database.db, b.instructeur, { dossierId: b.dossierId, commentaireId: sent.commentaireId }),
    ).toMatchObject({
      ok: true,
    });
    const pending = await database.db
      .select()
      .from(dossierCorrections)
      .where(and(eq(dossierCorrections.dossierId, b.dossierId), isNull(dossierCorrections.resolvedAt)));
    expect(pending).toEqual([]);
  });
});

describe("deleteMessage", () => {
  it("keeps the message as « supprimé » without body nor files, and records message.supprime", async () => {
    const { dossierId, instructeur, colleague } = await setup();
    const fileId = await pendingFile(instructeur, dossierId);
    const sent = await sendMessage(database.db, instructeur, { dossierId, body: "Oups", attachmentIds: [fileId] });
    if (!sent.ok) throw new Error("not sent");
    // Only its author may delete it.
    expect(await deleteMessage(database.db, colleague, { dossierId, commentaireId: sent.commentaireId })).toEqual({
      ok: false,
      refusals: [{ code: "message_not_own", field: "form" }],
    });
    expect(await deleteMessage(database.db, instructeur, { dossierId, commentaireId: sent.commentaireId })).toMatchObject({
      ok: true,
    });
    const [message] = await authored(dossierId);
    expect(message).toMatchObject({ body: "" });
    expect(message?.discardedAt).not.toBeNull();
    expect(await database.db.select().from(attachments).where(eq(attachments.id, fileId))).toEqual([]);
    expect(await eventKinds(dossierId)).toContain("message.supprime");
    expect(await deleteMessage(database.db, instructeur, { dossierId, commentaireId: sent.commentaireId })).toEqual({
      ok: false,
      refusals: [{ code: "message_already_deleted", field: "form" }],
    });
  });

  it("gives 404 for a message of another dossier or an instructeur of another démarche", async () => {
    const a = await setup();
    const b = await setup();
    const sent = await sendMessage(database.db, a.instructeur, { dossierId: a.dossierId, body: "Bonjour" });
    if (!sent.ok) throw new Error("not sent");
    await expect(
      deleteMessage(database.db, b.instructeur, { dossierId: b.dossierId, commentaireId: sent.commentaireId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      deleteMessage(database.db, b.instructeur, { dossierId: a.dossierId, commentaireId: sent.commentaireId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await authored(a.dossierId))[0]?.discardedAt).toBeNull();
  });
});

describe("system messages and badges", () => {
  it("copies each state e-mail into the thread, in the usager's language", async () => {
    const { dossierId, instructeur } = await setup();
    await passerEnInstruction(database.db, instructeur, dossierId);
    const system = (await messagesOf(dossierId)).filter((m) => m.authorKind === "system");
    expect(system.map((m) => m.body)).toEqual([
      expect.stringContaining("a bien été déposé"),
      expect.stringContaining("va être examiné"),
    ]);
  });

  it("shows the usager's new message to the instructeurs until they open the thread, never their own", async () => {
    const { dossierId, instructeur, colleague, usager } = await setup();
    await sendMessage(database.db, instructeur, { dossierId, body: "Question" });
    expect(await unreadMessageDossiers(database.db, instructeur.instructeurId, [dossierId])).toEqual(new Set());
    expect(await unreadMessageDossiers(database.db, colleague.instructeurId, [dossierId])).toEqual(new Set([dossierId]));
    await markMessagerieRead(database.db, colleague.instructeurId, dossierId);
    expect(await unreadMessageDossiers(database.db, colleague.instructeurId, [dossierId])).toEqual(new Set());
    await sendMessage(database.db, usager, { dossierId, body: "Réponse" });
    expect(await unreadMessageDossiers(database.db, colleague.instructeurId, [dossierId])).toEqual(new Set([dossierId]));
    expect(await unreadMessageDossiers(database.db, instructeur.instructeurId, [dossierId])).toEqual(new Set([dossierId]));
  });
});
