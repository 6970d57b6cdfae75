/**
 * Co-editors and transfers (issue 13 items 4 and 5): each operation against the real database,
 * the authorization of owner-only actions (an invitee → 404, nothing changes), another usager on
 * invitations and transfers (404, nothing changes), and the purge of stale transfers at a fixed clock.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierInvites, dossierTransferItems, dossierTransfers, dossiers, events } from "../../../server/db/schema";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { champKey } from "../../../server/domain/form/keys";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { NotFoundError } from "../../../server/errors";
import { findSharedUsagerDossier } from "../../../server/lookups/scoped-dossier";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { updateIdentity } from "../../../server/operations/dossiers/update-identity";
import { inviteToDossier, leaveDossier, removeInvite } from "../../../server/operations/partage/invite-to-dossier";
import {
  acceptTransfer,
  proposeTransfer,
  purgeStaleTransfers,
  refuseTransfer,
} from "../../../server/operations/partage/transfers";
import { listInvitedDossiers, listReceivedTransfers } from "../../../server/queries/usager/partage";
import { listUsagerDossiers } from "../../../server/queries/usager/list-dossiers";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Person = { userId: number; email: string };

async function setup(state: "brouillon" | "en_construction" = "brouillon") {
  const { demarche } = await buildDemarche(database.db, { champs: [{ type: "text", libelle: "Nom", mandatory: false }] });
  const owner: Person = await buildUser(database.db);
  const { dossierId } = await buildDossier(database.db, { demarche, usager: owner, state });
  const invitee: Person = await buildUser(database.db);
  const stranger: Person = await buildUser(database.db);
  return { demarche, owner, invitee, stranger, dossierId };
}

const kindsOf = async (dossierId: number) =>
  (await database.db.select({ kind: events.kind }).from(events).where(eq(events.dossierId, dossierId))).map((e) => e.kind);
const mailsTo = async (to: string) =>
  (
    await database.db.execute(
      sql`select j.payload->>'template' as template, j.payload->'params' as params from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'send-mail' and j.payload->>'to' = ${to} order by j.id`,
    )
  ).rows as { template: string; params: Record<string, unknown> }[];
const invitesOf = (dossierId: number) => database.db.select().from(dossierInvites).where(eq(dossierInvites.dossierId, dossierId));
const ownerOf = async (dossierId: number) =>
  (await database.db.select({ userId: dossiers.userId }).from(dossiers).where(eq(dossiers.id, dossierId)))[0]?.userId;

async function textStableId(dossierId: number) {
  const { dossier } = await findSharedUsagerDossier(database.db, (await ownerOf(dossierId)) as number, dossierId);
  const descriptor = (await loadRevisionChamps(database.db, dossier.revisionId)).find((d) => d.libelle === "Nom");
  if (!descriptor) throw new Error("no champ");
  return descriptor.stableId;
}

describe("invitations", () => {
  it("invites a co-editor, who sees the dossier in « Invité », edits it and writes in the messagerie", async () => {
    const { owner, invitee, dossierId } = await setup("en_construction");
    const result = await inviteToDossier(database.db, owner, {
      dossierId,
      email: ` ${invitee.email.toUpperCase()} `,
      message: "Peux-tu compléter ?",
    });
    expect(result).toMatchObject({ ok: true });
    expect(await invitesOf(dossierId)).toMatchObject([{ email: invitee.email, message: "Peux-tu compléter ?" }]);
    expect(await kindsOf(dossierId)).toContain("dossier.invitation_envoyee");
    const [mail] = await mailsTo(invitee.email);
    expect(mail).toMatchObject({ template: "dossier_invite", params: { dossierNumber: dossierId, hasAccount: true } });

    expect((await listInvitedDossiers(database.db, invitee.userId)).map((d) => d.id)).toEqual([dossierId]);
    // Not among their own dossiers.
    expect((await listUsagerDossiers(database.db, invitee.userId)).dossiers.map((d) => d.id)).not.toContain(dossierId);

    const stableId = await textStableId(dossierId);
    const saved = await saveChamps(database.db, invitee.userId, dossierId, (name) =>
      name === champInputName(champKey(stableId, "")) ? "Écrit par l’invité" : undefined,
    );
    expect(saved).toMatchObject({ ok: true });
    const sent = await sendMessage(database.db, { kind: "usager", ...invitee }, { dossierId, body: "Bonjour" });
    expect(sent).toMatchObject({ ok: true });
  });

  it("links an unknown e-mail to sign-up", async () => {
    const { owner, dossierId } = await setup();
    const email = `nouveau-${Math.random()}@exemple.fr`;
    expect(await inviteToDossier(database.db, owner, { dossierId, email })).toMatchObject({ ok: true });
    expect((await mailsTo(email))[0]).toMatchObject({ template: "dossier_invite", params: { hasAccount: false } });
  });

  it("refuses one's own e-mail, an invalid or blank one, a duplicate and a long message; nothing written", async () => {
    const { owner, invitee, dossierId } = await setup();
    expect(await inviteToDossier(database.db, owner, { dossierId, email: owner.email })).toEqual({
      ok: false,
      refusals: [{ code: "invite_self", field: "email" }],
    });
    expect(await inviteToDossier(database.db, owner, { dossierId, email: "pas-une-adresse" })).toMatchObject({
      refusals: [{ code: "email_invalid", field: "email" }],
    });
    expect(await inviteToDossier(database.db, owner, { dossierId, email: "  " })).toMatchObject({
      refusals: [{ code: "email_required", field: "email" }],
    });
    expect(
      await inviteToDossier(database.db, owner, { dossierId, email: invitee.email, message: "x".repeat(2001) }),
    ).toMatchObject({
      refusals: [{ code: "message_too_long", field: "message" }],
    });
    expect(await invitesOf(dossierId)).toEqual([]);
    await inviteToDossier(database.db, owner, { dossierId, email: invitee.email });
    expect(await inviteToDossier(database.db, owner, { dossierId, email: invitee.email })).toMatchObject({
      refusals: [{ code: "already_invited", field: "email" }],
    });
    expect(await invitesOf(dossierId)).toHaveLength(1);
  });

  it("lets the owner remove an invitation and an invitee leave; then the dossier is out of their reach", async () => {
    const { owner, invitee, stranger, dossierId } = await setup();
    const first = await inviteToDossier(database.db, owner, { dossierId, email: invitee.email });
    if (!first.ok) throw new Error("refused");
    await inviteToDossier(database.db, owner, { dossierId, email: stranger.email });
    await removeInvite(database.db, owner.userId, { dossierId, inviteId: first.inviteId });
    await expect(findSharedUsagerDossier(database.db, invitee.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    await leaveDossier(database.db, stranger, dossierId);
    await expect(findSharedUsagerDossier(database.db, stranger.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await invitesOf(dossierId)).toEqual([]);
    expect((await kindsOf(dossierId)).filter((k) => k === "dossier.invitation_retiree")).toHaveLength(2);
  });
});

describe("authorization", () => {
  it("an invitee cannot submit, change the identity, invite, remove invitations or transfer: 404, nothing changes", async () => {
    const { owner, invitee, stranger, dossierId } = await setup();
    const invited = await inviteToDossier(database.db, owner, { dossierId, email: invitee.email });
    if (!invited.ok) throw new Error("refused");
    const before = await database.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    await expect(submitDossier(database.db, invitee.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateIdentity(database.db, invitee.userId, dossierId, { civilite: "M.", nom: "Autre", prenom: "Nom" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteToDossier(database.db, invitee, { dossierId, email: stranger.email })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(removeInvite(database.db, invitee.userId, { dossierId, inviteId: invited.inviteId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(proposeTransfer(database.db, invitee, { dossierId, email: stranger.email })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await database.db.select().from(dossiers).where(eq(dossiers.id, dossierId))).toEqual(before);
    expect(await invitesOf(dossierId)).toHaveLength(1);
    expect(await database.db.select().from(dossierTransferItems).where(eq(dossierTransferItems.dossierId, dossierId))).toEqual(
      [],
    );
  });

  it("another usager can neither read, edit, invite on, leave, nor accept a transfer not addressed to them", async () => {
    const { owner, invitee, stranger, dossierId } = await setup();
    await expect(findSharedUsagerDossier(database.db, stranger.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveChamps(database.db, stranger.userId, dossierId, () => undefined)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteToDossier(database.db, stranger, { dossierId, email: invitee.email })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(leaveDossier(database.db, stranger, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    const proposed = await proposeTransfer(database.db, owner, { dossierId, email: invitee.email });
    if (!proposed.ok) throw new Error("refused");
    await expect(acceptTransfer(database.db, stranger, proposed.transferId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(refuseTransfer(database.db, stranger, proposed.transferId)).rejects.toBeInstanceOf(NotFoundError);
    // The sender cannot accept their own proposal either.
    await expect(acceptTransfer(database.db, owner, proposed.transferId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownerOf(dossierId)).toBe(owner.userId);
    expect(await database.db.select().from(dossierTransfers).where(eq(dossierTransfers.id, proposed.transferId))).toHaveLength(1);
  });
});

describe("transfers", () => {
  it("proposes one dossier, mails the recipient, who accepts: the dossier and their invitation move", async () => {
    const { owner, invitee, dossierId } = await setup("en_construction");
    await inviteToDossier(database.db, owner, { dossierId, email: invitee.email });
    const proposed = await proposeTransfer(database.db, owner, { dossierId, email: invitee.email.toUpperCase() });
    expect(proposed).toMatchObject({ ok: true, count: 1 });
    if (!proposed.ok) return;
    expect((await mailsTo(invitee.email)).map((m) => m.template)).toContain("dossier_transfer");
    expect(await proposeTransfer(database.db, owner, { dossierId, email: invitee.email })).toMatchObject({
      refusals: [{ code: "already_proposed" }],
    });
    expect((await listReceivedTransfers(database.db, invitee.email)).map((t) => t.dossierIds)).toEqual([[dossierId]]);
    expect(await acceptTransfer(database.db, invitee, proposed.transferId)).toEqual({ count: 1 });
    expect(await ownerOf(dossierId)).toBe(invitee.userId);
    expect(await invitesOf(dossierId)).toEqual([]);
    expect(await kindsOf(dossierId)).toEqual(expect.arrayContaining(["dossier.transfert_propose", "dossier.transfert_accepte"]));
    await expect(findSharedUsagerDossier(database.db, owner.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await database.db.select().from(dossierTransfers).where(eq(dossierTransfers.id, proposed.transferId))).toEqual([]);
  });

  it("proposes all one's dossiers in one transfer (one e-mail); a refusal leaves them with their owner", async () => {
    const { demarche, owner, invitee } = await setup();
    const { dossierId: second } = await buildDossier(database.db, { demarche, usager: owner });
    const proposed = await proposeTransfer(database.db, owner, { dossierId: "all", email: invitee.email });
    expect(proposed).toMatchObject({ ok: true, count: 2 });
    if (!proposed.ok) return;
    expect((await mailsTo(invitee.email)).filter((m) => m.template === "dossier_transfer")).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ count: 2 }) }),
    ]);
    await refuseTransfer(database.db, invitee, proposed.transferId);
    expect(await ownerOf(second)).toBe(owner.userId);
    expect(await kindsOf(second)).toContain("dossier.transfert_refuse");
  });

  it("refuses a transfer to oneself or to an invalid e-mail; nothing written", async () => {
    const { owner, dossierId } = await setup();
    expect(await proposeTransfer(database.db, owner, { dossierId, email: owner.email })).toEqual({
      ok: false,
      refusals: [{ code: "transfer_self", field: "email" }],
    });
    expect(await proposeTransfer(database.db, owner, { dossierId: "all", email: "x@" })).toMatchObject({
      refusals: [{ code: "email_invalid", field: "email" }],
    });
    expect(await database.db.select().from(dossierTransfers).where(eq(dossierTransfers.fromUserId, owner.userId))).toEqual([]);
  });

  it("purges transfers older than 2 weeks at a fixed clock (logged), keeps younger ones; an expired one cannot be accepted", async () => {
    const { demarche, owner, invitee, dossierId } = await setup();
    const { dossierId: young } = await buildDossier(database.db, { demarche, usager: owner });
    const old = await proposeTransfer(database.db, owner, { dossierId, email: invitee.email });
    const recent = await proposeTransfer(database.db, owner, { dossierId: young, email: invitee.email });
    if (!old.ok || !recent.ok) throw new Error("refused");
    const now = new Date("2030-01-20T00:00:00Z");
    await database.db
      .update(dossierTransfers)
      .set({ createdAt: new Date("2030-01-05T23:59:00Z") })
      .where(eq(dossierTransfers.id, old.transferId));
    await database.db
      .update(dossierTransfers)
      .set({ createdAt: new Date("2030-01-06T00:01:00Z") })
      .where(eq(dossierTransfers.id, recent.transferId));
    const result = await purgeStaleTransfers(database.db, now);
    expect(result.purged).toBeGreaterThanOrEqual(1);
    const left = await database.db
      .select({ id: dossierTransfers.id })
      .from(dossierTransfers)
      .where(and(eq(dossierTransfers.fromUserId, owner.userId)));
    expect(left.map((r) => r.id)).toEqual([recent.transferId]);
    expect(await kindsOf(dossierId)).toContain("dossier.transfert_expire");
    // Valid until 2 weeks by the database clock: one created 15 days ago is refused.
    await database.db
      .update(dossierTransfers)
      .set({ createdAt: sql`now() - interval '15 days'` })
      .where(eq(dossierTransfers.id, recent.transferId));
    await expect(acceptTransfer(database.db, invitee, recent.transferId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownerOf(young)).toBe(owner.userId);
  });
});
