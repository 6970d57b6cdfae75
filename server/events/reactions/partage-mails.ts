/**
 * The usager's sharing e-mails: the invitation of a co-editor (`dossier.invitation_envoyee`: a link
 * to the dossier, or to sign-up when no account uses that address) and the transfer proposal
 * (`dossier.transfert_propose`: one e-mail per transfer, sent with the event of its first dossier),
 * in the recipient's language when they have an account, else the sender's.
 */
import { asc, eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../../common/i18n";
import type { Tx } from "../../db/client";
import { demarches, dossierInvites, dossierTransferItems, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { defineReaction } from "../reaction";

async function accountOf(tx: Tx, email: string) {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, email));
  return row ?? null;
}

async function senderLocale(tx: Tx, userId: number | null): Promise<Locale> {
  if (userId === null) return DEFAULT_LOCALE;
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row && isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
}

export const dossierInviteMail = defineReaction({
  name: "dossier-invite-mail",
  kinds: ["dossier.invitation_envoyee"],
  async react(tx, event) {
    if (event.dossierId === null) return;
    const [invite] = await tx
      .select({ email: dossierInvites.email, message: dossierInvites.message, libelle: demarches.libelle })
      .from(dossierInvites)
      .innerJoin(demarches, eq(demarches.id, event.demarcheId))
      .where(eq(dossierInvites.id, event.payload.inviteId));
    if (!invite) return;
    const [inviter] =
      event.actorUserId === null
        ? []
        : await tx.select({ email: users.email }).from(users).where(eq(users.id, event.actorUserId));
    const account = await accountOf(tx, invite.email);
    await enqueueMail(
      tx,
      invite.email,
      "dossier_invite",
      {
        dossierNumber: event.dossierId,
        demarcheLibelle: invite.libelle,
        inviterEmail: inviter?.email ?? "Guichet",
        message: invite.message,
        hasAccount: account !== null,
      },
      account && isLocale(account.locale) ? account.locale : await senderLocale(tx, event.actorUserId),
      { demarcheId: event.demarcheId },
    );
  },
});

export const dossierTransferMail = defineReaction({
  name: "dossier-transfer-mail",
  kinds: ["dossier.transfert_propose"],
  async react(tx, event) {
    const items = await tx
      .select({ dossierId: dossierTransferItems.dossierId })
      .from(dossierTransferItems)
      .where(eq(dossierTransferItems.transferId, event.payload.transferId))
      .orderBy(asc(dossierTransferItems.dossierId));
    // One e-mail per transfer: the operation records its dossiers' events in ascending order.
    if (items.length === 0 || items[0]?.dossierId !== event.dossierId) return;
    const [sender] =
      event.actorUserId === null
        ? []
        : await tx.select({ email: users.email }).from(users).where(eq(users.id, event.actorUserId));
    const account = await accountOf(tx, event.payload.email);
    await enqueueMail(
      tx,
      event.payload.email,
      "dossier_transfer",
      {
        fromEmail: sender?.email ?? "Guichet",
        count: items.length,
        dossierNumber: items.length === 1 ? event.dossierId : null,
      },
      account && isLocale(account.locale) ? account.locale : await senderLocale(tx, event.actorUserId),
    );
  },
});
