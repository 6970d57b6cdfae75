/**
 * An instructeur opened a dossier's tab: what happened on it up to now is no longer news to them.
 * Their view row keeps, per tab, the id of the last event of the dossier (ids only grow, so a
 * concurrent older view never moves it back). The dossier page marks `demande` and `annotations`;
 * the messagerie and avis pages mark theirs.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { DossierSection } from "../../domain/notifications/notifications";

const COLUMN: Record<DossierSection, string> = {
  demande: "last_seen_event_id",
  annotations: "annotations_seen_event_id",
  messagerie: "messagerie_seen_event_id",
  avis: "avis_seen_event_id",
};

/** The caller has already found the dossier in this instructeur's scope. */
export async function markDossierSeen(db: DbOrTx, instructeurId: number, dossierId: number, sections: readonly DossierSection[]) {
  if (sections.length === 0) return;
  const columns = sections.map((s) => sql.raw(COLUMN[s]));
  const latest = sql`(select coalesce(max(id), 0) from events where dossier_id = ${dossierId})`;
  await db.execute(sql`
    insert into dossier_views (instructeur_id, dossier_id, ${sql.join(columns, sql`, `)}, seen_at)
    values (${instructeurId}, ${dossierId}, ${sql.join(
      columns.map(() => latest),
      sql`, `,
    )}, now())
    on conflict (instructeur_id, dossier_id) do update set
      ${sql.join(
        columns.map((c) => sql`${c} = greatest(dossier_views.${c}, excluded.${c})`),
        sql`, `,
      )},
      seen_at = now()`);
}
