/**
 * The daily digest and the weekly overview of one instructeur (the reference's
 * `InstructeurEmailNotificationJob` and `WeeklyOverviewJob`), built from the events since their
 * previous digest of the same kind. Exactly once per period, whatever the number of workers or
 * runs: the `digest_deliveries (instructeur, period)` row and the mail's job are written in one
 * transaction, and a second run (concurrent or later) conflicts on that row and sends nothing.
 */
import { and, desc, eq, gt, like, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { digestDeliveries, instructeurs, users } from "../../db/schema";
import type { DigestKind } from "../../domain/notifications/notifications";
import { enqueueMail } from "../../jobs/enqueue-mail";
import type { DigestCount, DigestParams } from "../../mail/templates/instructeur-mails";

const DECISION_KINDS = [
  "dossier.accepte",
  "dossier.accepte_automatiquement",
  "dossier.refuse",
  "dossier.refuse_automatiquement",
  "dossier.classe_sans_suite",
];

/** How far back the first digest of an instructeur looks. */
const FIRST_WINDOW_DAYS: Record<DigestKind, number> = { daily: 1, weekly: 7 };

export type DigestOutcome = "sent" | "empty" | "already_sent";

/**
 * What the digest reports per démarche (those whose preference is on): new dossiers and decisions
 * in the instructeur's groupes; changes by others (usager's fields, messages, annotations, avis)
 * on the dossiers they follow. Each count is of dossiers, not events.
 */
export async function digestContents(
  db: Db,
  instructeurId: number,
  kind: DigestKind,
  range: { sinceEventId: number; untilEventId: number },
): Promise<DigestParams["demarches"]> {
  const preference = kind === "daily" ? sql.raw("daily_email_summary") : sql.raw("weekly_email_summary");
  const decisions = sql.join(
    DECISION_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await db.execute(sql`
    with mine as (
      select g.demarche_id, g.id as groupe_id from groupe_instructeur_members m
      join groupes_instructeurs g on g.id = m.groupe_instructeur_id
      where m.instructeur_id = ${instructeurId}
        and coalesce((select p.${preference} from instructeur_demarche_preferences p
                      where p.instructeur_id = ${instructeurId} and p.demarche_id = g.demarche_id), true)
    )
    select e.demarche_id as id, dm.libelle,
      count(distinct e.dossier_id) filter (where e.kind = 'dossier.depose') as depose,
      count(distinct e.dossier_id) filter (where f.instructeur_id is not null and e.kind = 'dossier.modifie' and e.payload->>'stream' = 'main') as modifie,
      count(distinct e.dossier_id) filter (where f.instructeur_id is not null and e.kind = 'message.envoye') as message,
      count(distinct e.dossier_id) filter (where f.instructeur_id is not null and e.kind = 'dossier.modifie' and e.payload->>'stream' = 'private') as annotation,
      count(distinct e.dossier_id) filter (where f.instructeur_id is not null and e.kind = 'avis.rendu') as avis,
      count(distinct e.dossier_id) filter (where e.kind in (${decisions})) as decide
    from events e
    join dossiers d on d.id = e.dossier_id and d.for_test = false
    join mine on mine.demarche_id = e.demarche_id and mine.groupe_id = d.groupe_instructeur_id
    join demarches dm on dm.id = e.demarche_id
    left join follows f on f.dossier_id = e.dossier_id and f.instructeur_id = ${instructeurId}
    where e.demarche_id in (select demarche_id from mine)
      and e.id > ${range.sinceEventId} and e.id <= ${range.untilEventId}
      and e.actor_user_id is distinct from (select user_id from instructeurs where id = ${instructeurId})
    group by e.demarche_id, dm.libelle
    order by dm.libelle, e.demarche_id`);
  const out: DigestParams["demarches"] = [];
  for (const row of rows.rows as Array<Record<string, unknown>>) {
    const counts = {} as Record<DigestCount, number>;
    let total = 0;
    for (const key of ["depose", "modifie", "message", "annotation", "avis", "decide"] as const) {
      counts[key] = Number(row[key] ?? 0);
      total += counts[key];
    }
    if (total > 0) out.push({ id: Number(row.id), libelle: String(row.libelle), counts });
  }
  return out;
}

/** Decides and (if there is news) enqueues one instructeur's digest for `period`. */
export async function sendDigest(
  db: Db,
  instructeurId: number,
  kind: DigestKind,
  period: string,
  now: Date,
): Promise<DigestOutcome> {
  return db.transaction(async (tx): Promise<DigestOutcome> => {
    const [latest] = await tx.execute<{ id: string | null }>(sql`select max(id) as id from events`).then((r) => r.rows);
    const untilEventId = Number(latest?.id ?? 0);
    // The row first: a concurrent run of the same period waits here, then finds it and stops.
    const claimed = await tx
      .insert(digestDeliveries)
      .values({ instructeurId, period, untilEventId })
      .onConflictDoNothing()
      .returning({ period: digestDeliveries.period });
    if (claimed.length === 0) return "already_sent";
    const [previous] = await tx
      .select({ untilEventId: digestDeliveries.untilEventId })
      .from(digestDeliveries)
      .where(
        and(
          eq(digestDeliveries.instructeurId, instructeurId),
          like(digestDeliveries.period, `${kind}:%`),
          sql`${digestDeliveries.period} <> ${period}`,
        ),
      )
      .orderBy(desc(digestDeliveries.createdAt))
      .limit(1);
    const sinceEventId =
      previous?.untilEventId ??
      Number(
        (
          await tx.execute<{ id: string | null }>(
            sql`select coalesce(min(id) - 1, ${untilEventId}) as id from events
                where created_at > ${new Date(now.getTime() - FIRST_WINDOW_DAYS[kind] * 86_400_000).toISOString()}::timestamptz`,
          )
        ).rows[0]?.id ?? untilEventId,
      );
    const demarches = await digestContents(tx as unknown as Db, instructeurId, kind, { sinceEventId, untilEventId });
    if (demarches.length === 0) return "empty";
    const [recipient] = await tx
      .select({ email: users.email, locale: users.locale })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(eq(instructeurs.id, instructeurId));
    if (!recipient) return "empty";
    await enqueueMail(
      tx,
      recipient.email,
      kind === "daily" ? "instructeur_recapitulatif_quotidien" : "instructeur_recapitulatif_hebdomadaire",
      { demarches },
      isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE,
    );
    return "sent";
  });
}

/** Instructeurs in at least one groupe, by id from `afterId` (the job walks them in batches). */
export async function instructeursToDigest(db: Db, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: instructeurs.id })
    .from(instructeurs)
    .innerJoin(sql`groupe_instructeur_members m`, sql`m.instructeur_id = ${instructeurs.id}`)
    .where(gt(instructeurs.id, afterId))
    .orderBy(instructeurs.id)
    .limit(limit);
  return rows.map((r) => r.id);
}
