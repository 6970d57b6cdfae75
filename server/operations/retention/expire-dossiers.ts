/**
 * The daily expiry (ds-behaviour §2.6): a dossier whose notice was sent and whose expiry date is
 * past is hidden (`hidden_by_expired_at`, a `dossier.expire` event): out of the usager's lists and
 * the instructeurs' tabs (a decided one moves to « supprimés »), restorable for 2 weeks with
 * « conserver plus longtemps », then purged (purge-dossiers.ts). One e-mail per usager listing
 * their expired dossiers, one per instructeur following / administrateur for submitted ones.
 * Never without a notice first (`expiration_notice_sent_at`), never en instruction.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { recordEvent } from "../../events/record-event";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { administrationRecipients, mailLines, type RetentionLine, usagerRecipients } from "../../lookups/retention-recipients";

const BATCH = 1000;

export interface ExpireOutcome {
  dossiers: number;
  usagerMails: number;
  administrationMails: number;
}

export async function expireDossiers(db: Db, now: Date = new Date()): Promise<ExpireOutcome> {
  const outcome: ExpireOutcome = { dossiers: 0, usagerMails: 0, administrationMails: 0 };
  const expired: RetentionLine[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx.execute<{
        id: number;
        user_id: number | null;
        demarche_id: number;
        libelle: string;
        state: RetentionLine["state"];
      }>(sql`
        with due as (
          select d.id from dossiers d
           where d.expired_at is not null and d.expired_at <= ${now.toISOString()}::timestamptz
             and d.expiration_notice_sent_at is not null and d.hidden_by_expired_at is null
             and d.state <> 'en_instruction' and not d.for_test
           order by d.expired_at, d.id limit ${BATCH} for update of d skip locked
        )
        update dossiers d set hidden_by_expired_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          from due, demarches m
         where d.id = due.id and m.id = d.demarche_id
        returning d.id, d.user_id, d.demarche_id, m.libelle, d.state`);
      const lines: RetentionLine[] = rows.rows.map((r) => ({
        id: Number(r.id),
        userId: r.user_id === null ? null : Number(r.user_id),
        demarcheId: Number(r.demarche_id),
        demarcheLibelle: r.libelle,
        state: r.state,
        expiredAt: null,
      }));
      for (const line of lines) {
        await recordEvent(tx, {
          kind: "dossier.expire",
          demarcheId: line.demarcheId,
          dossierId: line.id,
          actor: "system",
          actorUserId: null,
          payload: { state: line.state },
        });
      }
      return lines;
    });
    if (batch.length === 0) break;
    outcome.dossiers += batch.length;
    expired.push(...batch);
    if (batch.length < BATCH) break;
  }
  if (expired.length === 0) return outcome;
  // One e-mail per recipient for the whole run, after the dossiers were hidden.
  await db.transaction(async (tx) => {
    for (const recipient of await usagerRecipients(tx, expired)) {
      await enqueueMail(
        tx,
        recipient.email,
        "dossiers_expired",
        { audience: "usager", dossiers: mailLines(recipient.lines) },
        recipient.locale,
      );
      outcome.usagerMails++;
    }
    const submitted = expired.filter((l) => l.state !== "brouillon");
    for (const recipient of await administrationRecipients(tx, submitted)) {
      await enqueueMail(
        tx,
        recipient.email,
        "dossiers_expired",
        { audience: "administration", dossiers: mailLines(recipient.lines) },
        recipient.locale,
      );
      outcome.administrationMails++;
    }
  });
  return outcome;
}
