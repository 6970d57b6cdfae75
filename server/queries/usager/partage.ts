/**
 * What the usager's sharing pages read: a dossier's invitations (owner), the dossiers shared with
 * them (« Invité » tab), and the transfers they proposed or received.
 */
import { type MesDossiersFilter, mesDossiersFilterSql } from "./list-dossiers";
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { demarches, dossierInvites, dossierTransferItems, dossierTransfers, dossiers, users } from "../../db/schema";
import { dossiersInvitingUsager } from "../../db/scopes";
import { findSharedUsagerDossier } from "../../lookups/scoped-dossier";
import { TRANSFER_VALIDITY_DAYS } from "../../domain/partage/transfers";

/** The dossier (owner or invitee), its invitations and, for its owner, the pending transfer. */
export async function loadDossierPartage(db: DbOrTx, userId: number, dossierId: number) {
  const { dossier, demarche, owner } = await findSharedUsagerDossier(db, userId, dossierId);
  const invites = owner
    ? await db
        .select({ id: dossierInvites.id, email: dossierInvites.email, createdAt: dossierInvites.createdAt })
        .from(dossierInvites)
        .where(eq(dossierInvites.dossierId, dossier.id))
        .orderBy(asc(dossierInvites.id))
    : [];
  const [ownerRow] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, dossier.userId ?? 0));
  const [transfer] = owner
    ? await db
        .select({ email: dossierTransfers.email, createdAt: dossierTransfers.createdAt })
        .from(dossierTransferItems)
        .innerJoin(dossierTransfers, eq(dossierTransfers.id, dossierTransferItems.transferId))
        .where(and(eq(dossierTransferItems.dossierId, dossier.id), stillValid()))
    : [];
  return { dossier, demarche, owner, ownerEmail: ownerRow?.email ?? null, invites, pendingTransfer: transfer ?? null };
}

/** A transfer proposed less than 2 weeks ago. */
export function stillValid() {
  return gt(dossierTransfers.createdAt, sql`now() - make_interval(days => ${TRANSFER_VALIDITY_DAYS})`);
}

/** « Invité »: dossiers shared with the usager, most recently updated first. */
export async function listInvitedDossiers(db: DbOrTx, userId: number, filter?: MesDossiersFilter, limit = 100) {
  return db
    .select({
      id: dossiers.id,
      state: dossiers.state,
      updatedAt: dossiers.updatedAt,
      demarcheLibelle: demarches.libelle,
      ownerEmail: users.email,
    })
    .from(dossiers)
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .leftJoin(users, eq(users.id, dossiers.userId))
    .where(
      and(
        dossiersInvitingUsager(userId),
        isNull(dossiers.hiddenByUserAt),
        isNull(dossiers.hiddenByExpiredAt),
        mesDossiersFilterSql(filter),
      ),
    )
    .orderBy(desc(dossiers.updatedAt), desc(dossiers.id))
    .limit(limit);
}

/** Transfers proposed to this e-mail (still valid), with their dossiers' numbers. */
export async function listReceivedTransfers(db: DbOrTx, email: string) {
  return transfersWhere(db, eq(dossierTransfers.email, email.toLowerCase()));
}

/** Transfers the usager proposed (still valid). */
export async function listSentTransfers(db: DbOrTx, userId: number) {
  return transfersWhere(db, eq(dossierTransfers.fromUserId, userId));
}

async function transfersWhere(db: DbOrTx, where: ReturnType<typeof eq>) {
  const rows = await db
    .select({
      id: dossierTransfers.id,
      email: dossierTransfers.email,
      fromEmail: users.email,
      createdAt: dossierTransfers.createdAt,
    })
    .from(dossierTransfers)
    .innerJoin(users, eq(users.id, dossierTransfers.fromUserId))
    .where(and(where, stillValid()))
    .orderBy(desc(dossierTransfers.id))
    .limit(100);
  const items =
    rows.length === 0
      ? []
      : await db
          .select({ transferId: dossierTransferItems.transferId, dossierId: dossierTransferItems.dossierId })
          .from(dossierTransferItems)
          .where(
            inArray(
              dossierTransferItems.transferId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(dossierTransferItems.dossierId));
  return rows.map((row) => ({
    ...row,
    dossierIds: items.filter((i) => i.transferId === row.id).map((i) => i.dossierId),
  }));
}
