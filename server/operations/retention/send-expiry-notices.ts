/**
 * The daily notices (ds-behaviour §2.6): every dossier whose conservation ends within 2 weeks and
 * whose usager was not told yet gets `expiration_notice_sent_at` (the trigger then sets its expiry
 * to 2 weeks from now: the grace period promised by the e-mail) and a `dossier.expirant` event (the
 * instructeurs' badge). Then one e-mail per usager listing all their dossiers, and for decided
 * dossiers one per instructeur following them and per administrateur of their démarche.
 *
 * Usagers are taken in batches, each batch one transaction that marks their dossiers and enqueues
 * their e-mails: a second run (or a concurrent worker: `skip locked`) finds nothing left to tell.
 * Archived dossiers, test dossiers and dossiers already hidden are not concerned.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { NOTICE_DAYS, addDays } from "../../domain/dossier/expiry";
import { recordEvent } from "../../events/record-event";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { administrationRecipients, mailLines, type RetentionLine, usagerRecipients } from "../../lookups/retention-recipients";

const USERS_PER_BATCH = 500;

const DUE = (
  now: Date,
) => sql`d.expired_at is not null and d.expired_at <= ${addDays(now, NOTICE_DAYS).toISOString()}::timestamptz
  and d.expiration_notice_sent_at is null and d.hidden_by_expired_at is null and d.hidden_by_user_at is null
  and d.hidden_by_administration_at is null and not d.archived and not d.for_test and d.state <> 'en_instruction'`;

export interface NoticeOutcome {
  dossiers: number;
  usagerMails: number;
  administrationMails: number;
}

export async function sendExpiryNotices(db: Db, now: Date = new Date()): Promise<NoticeOutcome> {
  const outcome: NoticeOutcome = { dossiers: 0, usagerMails: 0, administrationMails: 0 };
  const decided: RetentionLine[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      // One batch of usagers (orphan dossiers, without usager, are one more "usager": nobody to tell).
      const rows = await tx.execute<{
        id: number;
        user_id: number | null;
        demarche_id: number;
        libelle: string;
        state: RetentionLine["state"];
        expired_at: string;
      }>(sql`
        with owners as (
          select distinct coalesce(d.user_id, 0) as owner from dossiers d where ${DUE(now)}
          order by 1 limit ${USERS_PER_BATCH}
        ), due as (
          select d.id from dossiers d join owners o on o.owner = coalesce(d.user_id, 0)
           where ${DUE(now)} for update of d skip locked
        )
        update dossiers d set expiration_notice_sent_at = ${now.toISOString()}::timestamptz
          from due, demarches m
         where d.id = due.id and m.id = d.demarche_id
        returning d.id, d.user_id, d.demarche_id, m.libelle, d.state,
          to_char(d.expired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as expired_at`);
      const lines: RetentionLine[] = rows.rows.map((r) => ({
        id: Number(r.id),
        userId: r.user_id === null ? null : Number(r.user_id),
        demarcheId: Number(r.demarche_id),
        demarcheLibelle: r.libelle,
        state: r.state,
        expiredAt: new Date(r.expired_at),
      }));
      for (const line of lines) {
        await recordEvent(tx, {
          kind: "dossier.expirant",
          demarcheId: line.demarcheId,
          dossierId: line.id,
          actor: "system",
          actorUserId: null,
          payload: { expiredAt: (line.expiredAt as Date).toISOString() },
        });
      }
      for (const recipient of await usagerRecipients(tx, lines)) {
        await enqueueMail(
          tx,
          recipient.email,
          "dossiers_expiring",
          { audience: "usager", dossiers: mailLines(recipient.lines) },
          recipient.locale,
        );
        outcome.usagerMails++;
      }
      return lines;
    });
    if (batch.length === 0) break;
    outcome.dossiers += batch.length;
    decided.push(...batch.filter((l) => l.state === "accepte" || l.state === "refuse" || l.state === "sans_suite"));
  }
  // The administration's e-mails, once the usagers were told: one per recipient for the whole run.
  if (decided.length > 0) {
    await db.transaction(async (tx) => {
      for (const recipient of await administrationRecipients(tx, decided)) {
        await enqueueMail(
          tx,
          recipient.email,
          "dossiers_expiring",
          { audience: "administration", dossiers: mailLines(recipient.lines) },
          recipient.locale,
        );
        outcome.administrationMails++;
      }
    });
  }
  return outcome;
}
