/** Shared by the administrateur's integration tests: signed-in browsers, page reading, database snapshots. */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../server/db/client";
import { loadRevisionChamps } from "../../../server/db/revisions";
import {
  demarches,
  dossiers,
  groupeInstructeurMembers,
  groupesInstructeurs,
  instructeurs,
  revisions,
  revisionTypesDeChamp,
  typesDeChamp,
  users,
} from "../../../server/db/schema";
import { buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import type { TestServer } from "../../support/server";

/** A browser without JavaScript, signed in through the real sign-in form. */
export async function signedIn(server: TestServer, email: string): Promise<HttpSession> {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, FACTORY_PASSWORD);
  return browser;
}

/** A new administrateur and their browser. */
export async function newAdministrateur(server: TestServer) {
  const admin = await buildUser(server.database.db, ["administrateur"]);
  return { admin, administrateurId: admin.administrateurId as number, browser: await signedIn(server, admin.email) };
}

export { pageText } from "../../support/html";

/** The value attribute of the input with this id, or the text of the textarea with this id. */
export function fieldValue(html: string, id: string): string | null {
  const input = html.match(new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`));
  if (input) return decode(input[0].match(/\bvalue="([^"]*)"/)?.[1] ?? "");
  const textarea = html.match(new RegExp(`<textarea[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
  return textarea ? decode(textarea[1] ?? "") : null;
}

function decode(text: string) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Where a redirect goes (path and hash), or throws when the answer is not a redirect. */
export function location(response: Response): string {
  if (response.status < 300 || response.status >= 400) throw new Error(`expected a redirect, got HTTP ${response.status}`);
  const url = new URL(response.headers.get("location") ?? "", "http://x");
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The draft form of a démarche, in order. */
export async function draftChamps(db: Db, demarcheId: number) {
  const [demarche] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
  return loadRevisionChamps(db, demarche?.draftRevisionId as number);
}

/** Instructeur e-mails of the démarche's groupes. */
export async function instructeurEmails(db: Db, demarcheId: number) {
  const rows = await db
    .select({ email: users.email })
    .from(groupeInstructeurMembers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
    .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(groupesInstructeurs.demarcheId, demarcheId))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}

/** Mail jobs queued (template and recipient), oldest first. */
export async function queuedMails(db: Db) {
  const result = await db.execute<{ template: string; to: string }>(sql`
    select j.payload->>'template' as template, j.payload->>'to' as to
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'send-mail'
    order by j.id`);
  return result.rows;
}

/** Everything an administrateur's page could change, to check that a refused request changed nothing. */
export async function snapshot(db: Db) {
  const [d, r, tdc, rtdc, g, m, i, u, dos, jobs] = await Promise.all([
    db.select().from(demarches).orderBy(asc(demarches.id)),
    db.select().from(revisions).orderBy(asc(revisions.id)),
    db.select().from(typesDeChamp).orderBy(asc(typesDeChamp.id)),
    db.select().from(revisionTypesDeChamp).orderBy(asc(revisionTypesDeChamp.id)),
    db.select().from(groupesInstructeurs).orderBy(asc(groupesInstructeurs.id)),
    db
      .select()
      .from(groupeInstructeurMembers)
      .orderBy(asc(groupeInstructeurMembers.groupeInstructeurId), asc(groupeInstructeurMembers.instructeurId)),
    db.select().from(instructeurs).orderBy(asc(instructeurs.id)),
    db.select({ id: users.id, email: users.email, passwordHash: users.passwordHash }).from(users).orderBy(asc(users.id)),
    db.select().from(dossiers).orderBy(asc(dossiers.id)),
    db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs`),
  ]);
  return { d, r, tdc, rtdc, g, m, i, u, dos, jobs: jobs.rows };
}
