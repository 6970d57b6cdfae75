/** Shared helpers of the usager integration tests (HTTP, no JavaScript, real database). */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../server/db/client";
import { champs, dossiers, traitements } from "../../../server/db/schema";
import { FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { decodeHtml, pageText } from "../../support/html";

export async function signedInSession(baseUrl: string, user: { email: string }) {
  const session = new HttpSession(baseUrl);
  await session.signIn(user.email, FACTORY_PASSWORD);
  return session;
}

/** Everything stored about a dossier, to assert that a refused request changed nothing. */
export async function dossierSnapshot(db: Db, dossierId: number) {
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  const values = await db.select().from(champs).where(eq(champs.dossierId, dossierId)).orderBy(asc(champs.id));
  const history = await db.select().from(traitements).where(eq(traitements.dossierId, dossierId)).orderBy(asc(traitements.id));
  return JSON.parse(JSON.stringify({ dossier, values, history })) as unknown;
}

/** The values the administration sees (the `main` stream), by stable id. */
export async function storedValues(db: Db, dossierId: number) {
  const rows = await db
    .select({ stableId: champs.stableId, value: champs.value })
    .from(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, "main")));
  return new Map(rows.map((r) => [r.stableId, r.value]));
}

export async function dossierRow(db: Db, dossierId: number) {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  if (!row) throw new Error(`dossier ${dossierId} not found`);
  return row;
}

export { decodeHtml, pageText };

/** The opening tag of the element with this id (attributes in any order). */
export function tagWithId(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no element with id ${id}`);
  return match[0];
}

/** An attribute's value (names are case-insensitive: React writes `inputMode`, browsers read `inputmode`). */
export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}="([^"]*)"`, "i").exec(tag);
  return match ? decodeHtml(match[1] ?? "") : null;
}

/** Text content of the textarea with this id. */
export function textareaValue(html: string, id: string): string {
  const match = new RegExp(`<textarea\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!match) throw new Error(`no textarea ${id}`);
  return decodeHtml(match[1] ?? "");
}

export function dossierIdFromLocation(location: string | null): number {
  const match = /\/dossiers\/(\d+)/.exec(location ?? "");
  if (!match) throw new Error(`no dossier in ${location}`);
  return Number(match[1]);
}
