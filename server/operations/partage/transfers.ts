/**
 * Transfers of dossiers (§2.7): the owner proposes one dossier, or all of theirs, to another
 * e-mail; whoever signs in with that address accepts (the dossiers become theirs, their own
 * invitations on them go) or refuses, within 2 weeks. Each dossier's events say what happened
 * (`dossier.transfert_*`): they are the transfer log. Out of scope (not the owner, not the
 * recipient, expired): NotFoundError, nothing changes.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { dossierInvites, dossierTransferItems, dossierTransfers, dossiers, users } from "../../db/schema";
import { dossiersOfUsager } from "../../db/scopes";
import { TRANSFER_VALIDITY_DAYS } from "../../domain/partage/transfers";
import { NotFoundError } from "../../errors";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { emailRefusalCode, ZTargetEmail } from "./fields";

/** Transfers older than 2 weeks before `now` (SQL). */
function expiredBy(now: Date | null) {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  return lte(dossierTransfers.createdAt, sql`${at} - make_interval(days => ${TRANSFER_VALIDITY_DAYS})`);
}

/** Drops expired transfers holding these dossiers, so that they can be proposed again. */
async function releaseExpired(tx: Tx, dossierIds: number[]) {
  if (dossierIds.length === 0) return;
  await tx
    .delete(dossierTransferItems)
    .where(
      and(
        inArray(dossierTransferItems.dossierId, dossierIds),
        inArray(
          dossierTransferItems.transferId,
          tx.select({ id: dossierTransfers.id }).from(dossierTransfers).where(expiredBy(null)),
        ),
      ),
    );
}

export async function proposeTransfer(
  db: Db,
  owner: { userId: number; email: string },
  input: { dossierId: number | "all"; email: unknown },
): Promise<OperationResult<{ transferId: number; count: number }>> {
  if (input.dossierId !== "all") await findUsagerDossier(db, owner.userId, input.dossierId);
  const email = ZTargetEmail.safeParse(input.email);
  if (!email.success) return refuse(emailRefusalCode(input.email), "email");
  if (email.data === owner.email.toLowerCase()) return refuse("transfer_self", "email");
  return db.transaction(async (tx): Promise<OperationResult<{ transferId: number; count: number }>> => {
    let candidates: { id: number; demarcheId: number }[];
    if (input.dossierId === "all") {
      candidates = await tx
        .select({ id: dossiers.id, demarcheId: dossiers.demarcheId })
        .from(dossiers)
        .where(and(dossiersOfUsager(owner.userId), eq(dossiers.forTest, false)))
        .orderBy(asc(dossiers.id))
        .for("update");
    } else {
      const { dossier } = await findUsagerDossier(tx, owner.userId, input.dossierId, true);
      candidates = [{ id: dossier.id, demarcheId: dossier.demarcheId }];
    }
    await releaseExpired(
      tx,
      candidates.map((d) => d.id),
    );
    const taken = new Set(
      candidates.length === 0
        ? []
        : (
            await tx
              .select({ dossierId: dossierTransferItems.dossierId })
              .from(dossierTransferItems)
              .where(
                inArray(
                  dossierTransferItems.dossierId,
                  candidates.map((d) => d.id),
                ),
              )
          ).map((r) => r.dossierId),
    );
    const chosen = candidates.filter((d) => !taken.has(d.id));
    if (chosen.length === 0) return refuse(input.dossierId === "all" ? "nothing_to_transfer" : "already_proposed", "email");
    const [transfer] = await tx
      .insert(dossierTransfers)
      .values({ fromUserId: owner.userId, email: email.data })
      .returning({ id: dossierTransfers.id });
    if (!transfer) throw new Error("transfer insert returned no row");
    await tx.insert(dossierTransferItems).values(chosen.map((d) => ({ transferId: transfer.id, dossierId: d.id })));
    for (const dossier of chosen) {
      await recordEvent(tx, {
        kind: "dossier.transfert_propose",
        demarcheId: dossier.demarcheId,
        dossierId: dossier.id,
        actor: "usager",
        actorUserId: owner.userId,
        payload: { transferId: transfer.id, email: email.data },
      });
    }
    return { ok: true, transferId: transfer.id, count: chosen.length };
  });
}

/** A valid transfer addressed to this e-mail, locked; else NotFoundError. */
async function findReceivedTransfer(tx: Tx, email: string, transferId: number) {
  if (!Number.isSafeInteger(transferId) || transferId <= 0) throw new NotFoundError("Transfer");
  const [row] = await tx
    .select()
    .from(dossierTransfers)
    .where(
      and(eq(dossierTransfers.id, transferId), eq(dossierTransfers.email, email.toLowerCase()), sql`not (${expiredBy(null)})`),
    )
    .for("update");
  if (!row) throw new NotFoundError("Transfer");
  return row;
}

/** The transfer's dossiers still owned by its sender. */
async function transferredDossiers(tx: Tx, transfer: { id: number; fromUserId: number }) {
  return tx
    .select({ id: dossiers.id, demarcheId: dossiers.demarcheId })
    .from(dossiers)
    .innerJoin(dossierTransferItems, eq(dossierTransferItems.dossierId, dossiers.id))
    .where(and(eq(dossierTransferItems.transferId, transfer.id), eq(dossiers.userId, transfer.fromUserId)))
    .orderBy(asc(dossiers.id))
    .for("update", { of: dossiers });
}

export async function acceptTransfer(db: Db, recipient: { userId: number; email: string }, transferId: number) {
  return db.transaction(async (tx) => {
    const transfer = await findReceivedTransfer(tx, recipient.email, transferId);
    const [from] = await tx.select({ email: users.email }).from(users).where(eq(users.id, transfer.fromUserId));
    const moved = await transferredDossiers(tx, transfer);
    const ids = moved.map((d) => d.id);
    if (ids.length > 0) {
      await tx.update(dossiers).set({ userId: recipient.userId, updatedAt: sql`now()` }).where(inArray(dossiers.id, ids));
      // The new owner no longer needs their invitation on these dossiers.
      await tx
        .delete(dossierInvites)
        .where(and(inArray(dossierInvites.dossierId, ids), eq(dossierInvites.email, recipient.email.toLowerCase())));
    }
    for (const dossier of moved) {
      await recordEvent(tx, {
        kind: "dossier.transfert_accepte",
        demarcheId: dossier.demarcheId,
        dossierId: dossier.id,
        actor: "usager",
        actorUserId: recipient.userId,
        payload: {
          transferId: transfer.id,
          fromUserId: transfer.fromUserId,
          toUserId: recipient.userId,
          fromEmail: from?.email ?? "",
          toEmail: recipient.email.toLowerCase(),
        },
      });
    }
    await tx.delete(dossierTransfers).where(eq(dossierTransfers.id, transfer.id));
    return { count: moved.length };
  });
}

export async function refuseTransfer(db: Db, recipient: { userId: number; email: string }, transferId: number) {
  await db.transaction(async (tx) => {
    const transfer = await findReceivedTransfer(tx, recipient.email, transferId);
    for (const dossier of await transferredDossiers(tx, transfer)) {
      await recordEvent(tx, {
        kind: "dossier.transfert_refuse",
        demarcheId: dossier.demarcheId,
        dossierId: dossier.id,
        actor: "usager",
        actorUserId: recipient.userId,
        payload: { transferId: transfer.id, email: transfer.email },
      });
    }
    await tx.delete(dossierTransfers).where(eq(dossierTransfers.id, transfer.id));
  });
}

/**
 * Deletes the transfers proposed more than 2 weeks before `now` (daily job), recording
 * `dossier.transfert_expire` on each of their dossiers. Returns how many transfers went.
 */
export async function purgeStaleTransfers(db: Db, now = new Date()) {
  return db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: dossierTransfers.id, email: dossierTransfers.email })
      .from(dossierTransfers)
      .where(expiredBy(now))
      .for("update", { skipLocked: true });
    if (stale.length === 0) return { purged: 0 };
    const items = await tx
      .select({ transferId: dossierTransferItems.transferId, dossierId: dossiers.id, demarcheId: dossiers.demarcheId })
      .from(dossierTransferItems)
      .innerJoin(dossiers, eq(dossiers.id, dossierTransferItems.dossierId))
      .where(
        inArray(
          dossierTransferItems.transferId,
          stale.map((s) => s.id),
        ),
      );
    const emailOf = new Map(stale.map((s) => [s.id, s.email]));
    for (const item of items) {
      await recordEvent(tx, {
        kind: "dossier.transfert_expire",
        demarcheId: item.demarcheId,
        dossierId: item.dossierId,
        actor: "system",
        actorUserId: null,
        payload: { transferId: item.transferId, email: emailOf.get(item.transferId) ?? "" },
      });
    }
    await tx.delete(dossierTransfers).where(
      inArray(
        dossierTransfers.id,
        stale.map((s) => s.id),
      ),
    );
    return { purged: stale.length };
  });
}
