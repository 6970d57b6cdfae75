/** Shared by the avis tests: a démarche with an instructeur, a dossier en instruction, and the mail queue. */
import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../../server/db/client";
import { avis, events, expertsProcedures } from "../../../server/db/schema";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";

export type Instructeur = { userId: number; instructeurId: number; email: string };

export async function avisSetup(db: Db, options: { annotations?: boolean } = {}) {
  const built = await buildDemarche(db, {
    champs: [{ type: "text", libelle: "Nom du projet" }],
    annotations: options.annotations ? [{ type: "text", libelle: "Note interne", mandatory: false }] : undefined,
  });
  const instructeur = built.instructeurs[0] as Instructeur;
  const { dossierId, usager } = await buildDossier(db, {
    demarche: built.demarche,
    state: "en_construction",
    values: { "Nom du projet": "Isolation" },
  });
  await passerEnInstruction(db, instructeur, dossierId);
  return { ...built, instructeur, dossierId, usager };
}

/** Another démarche's instructeur (never sees the first démarche's dossiers). */
export async function otherInstructeur(db: Db): Promise<Instructeur> {
  const other = await buildDemarche(db, { champs: [{ type: "text", libelle: "Autre" }] });
  return other.instructeurs[0] as Instructeur;
}

export async function expertUser(db: Db, email?: string) {
  const user = await buildUser(db, ["expert"], email);
  return { userId: user.userId, expertId: user.expertId as number, email: user.email };
}

export function requestInput(emails: string, extra: Partial<Record<string, unknown>> = {}) {
  return {
    emails,
    introduction: "Pouvez-vous vérifier le devis ?",
    confidentiel: false,
    annotationsVisible: false,
    withQuestion: false,
    questionLabel: "",
    attachmentId: null,
    locale: "fr" as const,
    ...extra,
  };
}

export interface MailJob {
  to: string;
  template: string;
  params: Record<string, unknown>;
}

export async function mailJobs(db: Db): Promise<MailJob[]> {
  const rows = await db.execute(
    sql`select j.payload as payload from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' order by j.id`,
  );
  return rows.rows.map((row) => {
    const payload = (row as { payload: { to: string; template: string; params: Record<string, unknown> } }).payload;
    return { to: payload.to, template: payload.template, params: payload.params };
  });
}

/** What an avis operation could change: avis rows, expert listings, events, queued mails. */
export async function avisSnapshot(db: Db) {
  const [avisRows, listings, eventCount, jobs] = await Promise.all([
    db.select().from(avis).orderBy(asc(avis.id)),
    db.select().from(expertsProcedures).orderBy(asc(expertsProcedures.id)),
    db.select({ n: count() }).from(events),
    mailJobs(db),
  ]);
  return { avisRows, listings, events: eventCount[0]?.n, jobs: jobs.length };
}

export async function avisEvents(db: Db, dossierId: number) {
  return db
    .select({ kind: events.kind, payload: events.payload })
    .from(events)
    .where(eq(events.dossierId, dossierId))
    .orderBy(asc(events.id));
}
