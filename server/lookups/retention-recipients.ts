/**
 * Who hears about a dossier's conservation (§2.6 e-mails): its usager, and for the administration
 * the instructeurs following it and the démarche's administrateurs. Groups dossiers by recipient
 * so that each gets one e-mail listing all of theirs.
 */
import { inArray, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../common/i18n";
import type { DbOrTx } from "../db/client";
import { users } from "../db/schema";

export interface RetentionLine {
  id: number;
  userId: number | null;
  demarcheId: number;
  demarcheLibelle: string;
  state: "brouillon" | "en_construction" | "en_instruction" | "accepte" | "refuse" | "sans_suite";
  expiredAt: Date | null;
}

export interface Recipient {
  email: string;
  locale: Locale;
  lines: RetentionLine[];
}

const CHUNK = 5000;

/** The usagers of these dossiers, each with their dossiers. */
export async function usagerRecipients(db: DbOrTx, lines: readonly RetentionLine[]): Promise<Recipient[]> {
  const byUser = new Map<number, RetentionLine[]>();
  for (const line of lines) {
    if (line.userId === null) continue;
    byUser.set(line.userId, [...(byUser.get(line.userId) ?? []), line]);
  }
  const recipients: Recipient[] = [];
  const ids = [...byUser.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(inArray(users.id, ids.slice(i, i + CHUNK)));
    for (const row of rows) {
      recipients.push({
        email: row.email,
        locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
        lines: byUser.get(row.id) ?? [],
      });
    }
  }
  return recipients;
}

/** The instructeurs following these dossiers and the administrateurs of their démarches, each with theirs. */
export async function administrationRecipients(db: DbOrTx, lines: readonly RetentionLine[]): Promise<Recipient[]> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const byEmail = new Map<string, Recipient>();
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.execute<{ dossier_id: number; email: string; locale: string }>(sql`
      select f.dossier_id, u.email, u.locale
        from follows f join instructeurs i on i.id = f.instructeur_id join users u on u.id = i.user_id
       where f.dossier_id = any(${`{${chunk.join(",")}}`}::int[])
      union
      select d.id, u.email, u.locale
        from dossiers d
        join demarche_administrateurs da on da.demarche_id = d.demarche_id
        join administrateurs a on a.id = da.administrateur_id
        join users u on u.id = a.user_id
       where d.id = any(${`{${chunk.join(",")}}`}::int[])`);
    for (const row of rows.rows) {
      const line = byId.get(Number(row.dossier_id));
      if (!line) continue;
      const recipient = byEmail.get(row.email) ?? {
        email: row.email,
        locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
        lines: [],
      };
      recipient.lines.push(line);
      byEmail.set(row.email, recipient);
    }
  }
  for (const r of byEmail.values()) r.lines.sort((a, b) => a.id - b.id);
  return [...byEmail.values()];
}

/** The e-mail's lines (`dossiers_expiring` / `dossiers_expired` parameters). */
export function mailLines(lines: readonly RetentionLine[]) {
  return lines.map((l) => ({
    number: l.id,
    demarcheLibelle: l.demarcheLibelle,
    state: l.state,
    expiredAt: l.expiredAt ? l.expiredAt.toISOString() : null,
  }));
}
