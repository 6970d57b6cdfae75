/** Shared by the instructeur integration tests: signed-in browsers and database snapshots. */
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../../server/db/client";
import { dossiers, follows, traitements } from "../../../server/db/schema";
import { dossiersVisibleToInstructeur } from "../../../server/db/scopes";
import { INSTRUCTEUR_TABS, type TabCounters } from "../../../server/domain/instructeur-list/tabs";
import { tabCondition } from "../../../server/queries/instructeur/dossiers";
import { FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import type { TestServer } from "../../support/server";

export type Actor = { userId: number; instructeurId: number; email: string };

/** A browser without JavaScript, signed in through the real sign-in form. */
export async function signedIn(server: TestServer, email: string): Promise<HttpSession> {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, FACTORY_PASSWORD);
  return browser;
}

export function asActor(user: { userId: number; instructeurId: number | null; email: string }): Actor {
  if (user.instructeurId === null) throw new Error(`${user.email} is not an instructeur`);
  return { userId: user.userId, instructeurId: user.instructeurId, email: user.email };
}

/** Everything an instructeur action could change: states, history, follows and queued jobs. */
export async function snapshot(db: Db) {
  const [states, history, followRows, jobs] = await Promise.all([
    db
      .select({ id: dossiers.id, state: dossiers.state, updatedAt: dossiers.updatedAt, motivation: dossiers.motivation })
      .from(dossiers)
      .orderBy(asc(dossiers.id)),
    db.select({ id: traitements.id }).from(traitements).orderBy(asc(traitements.id)),
    db.select().from(follows).orderBy(asc(follows.instructeurId), asc(follows.dossierId)),
    db.execute(sql`select count(*)::int as n from graphile_worker._private_jobs`),
  ]);
  return { states, history, followRows, jobs: jobs.rows };
}

/** Dossier numbers listed in the table of the last page. */
export function listedDossierIds(html: string): number[] {
  return [...html.matchAll(/data-dossier-id="(\d+)"/g)].map((m) => Number(m[1]));
}

export { pageText } from "../../support/html";

/** Each tab's count of the démarche's dossiers visible to the instructeur, counted from scratch. */
export async function recountTabs(db: Db, demarcheId: number, instructeurId: number, now: Date): Promise<TabCounters> {
  const result = {} as TabCounters;
  for (const tab of INSTRUCTEUR_TABS) {
    const [row] = await db
      .select({ n: count() })
      .from(dossiers)
      .where(
        and(
          eq(dossiers.demarcheId, demarcheId),
          dossiersVisibleToInstructeur(instructeurId),
          tabCondition(tab, instructeurId, now),
        ),
      );
    result[tab] = Number(row?.n ?? 0);
  }
  return result;
}
