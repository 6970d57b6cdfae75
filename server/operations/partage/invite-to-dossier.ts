/**
 * The owner invites a co-editor to their dossier by e-mail, with an optional message. Owner only
 * (an invitee or anyone else: NotFoundError, nothing changes). Refused: a blank or invalid e-mail,
 * one's own e-mail, an address already invited, a message too long. The e-mail is the reaction to
 * `dossier.invitation_envoyee`.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossierInvites, dossiers } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { emailRefusalCode, INVITE_MESSAGE_MAX_LENGTH, ZTargetEmail } from "./fields";

export interface InviteInput {
  dossierId: number;
  email: unknown;
  message?: unknown;
}

export async function inviteToDossier(
  db: Db,
  owner: { userId: number; email: string },
  input: InviteInput,
): Promise<OperationResult<{ inviteId: number }>> {
  await findUsagerDossier(db, owner.userId, input.dossierId);
  const email = ZTargetEmail.safeParse(input.email);
  if (!email.success) return refuse(emailRefusalCode(input.email), "email");
  if (email.data === owner.email.toLowerCase()) return refuse("invite_self", "email");
  const message = typeof input.message === "string" ? input.message.trim() : "";
  if (message.length > INVITE_MESSAGE_MAX_LENGTH)
    return refuse("message_too_long", "message", { max: INVITE_MESSAGE_MAX_LENGTH });
  return db.transaction(async (tx): Promise<OperationResult<{ inviteId: number }>> => {
    const { dossier } = await findUsagerDossier(tx, owner.userId, input.dossierId, true);
    const [row] = await tx
      .insert(dossierInvites)
      .values({ dossierId: dossier.id, email: email.data, inviterUserId: owner.userId, message: message || null })
      .onConflictDoNothing()
      .returning({ id: dossierInvites.id });
    if (!row) return refuse("already_invited", "email");
    await recordEvent(tx, {
      kind: "dossier.invitation_envoyee",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: "usager",
      actorUserId: owner.userId,
      payload: { inviteId: row.id, email: email.data },
    });
    return { ok: true, inviteId: row.id };
  });
}

/** The owner withdraws an invitation of their dossier (unknown or another dossier's: NotFoundError). */
export async function removeInvite(db: Db, ownerUserId: number, input: { dossierId: number; inviteId: number }) {
  await db.transaction(async (tx) => {
    const { dossier } = await findUsagerDossier(tx, ownerUserId, input.dossierId, true);
    const [removed] = Number.isSafeInteger(input.inviteId)
      ? await tx
          .delete(dossierInvites)
          .where(and(eq(dossierInvites.id, input.inviteId), eq(dossierInvites.dossierId, dossier.id)))
          .returning({ email: dossierInvites.email })
      : [];
    if (!removed) throw new NotFoundError("Invitation");
    await recordEvent(tx, {
      kind: "dossier.invitation_retiree",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: "usager",
      actorUserId: ownerUserId,
      payload: { email: removed.email, by: "owner" },
    });
  });
}

/** An invitee leaves a dossier shared with them (not invited: NotFoundError; the owner cannot « leave »). */
export async function leaveDossier(db: Db, invitee: { userId: number; email: string }, dossierId: number) {
  await db.transaction(async (tx) => {
    const [removed] = Number.isSafeInteger(dossierId)
      ? await tx
          .delete(dossierInvites)
          .where(and(eq(dossierInvites.dossierId, dossierId), eq(dossierInvites.email, sql`lower(${invitee.email})`)))
          .returning({ dossierId: dossierInvites.dossierId })
      : [];
    if (!removed) throw new NotFoundError("Dossier");
    const [dossier] = await tx.select({ demarcheId: dossiers.demarcheId }).from(dossiers).where(eq(dossiers.id, dossierId));
    if (!dossier) return;
    await recordEvent(tx, {
      kind: "dossier.invitation_retiree",
      demarcheId: dossier.demarcheId,
      dossierId,
      actor: "usager",
      actorUserId: invitee.userId,
      payload: { email: invitee.email.toLowerCase(), by: "invitee" },
    });
  });
}
