/**
 * New dossiers, and dossiers moved to a new revision, get one empty row in each mandatory
 * repetition block they do not have yet (the reference's rebase creates rows for newly added
 * mandatory blocks), so the block's fields show at once. One set-based statement per call: it
 * scales with the number of blocks, not of dossiers.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { loadRevisionForm } from "../../db/revisions";

/**
 * Adds the missing first rows for the dossiers of `revisionId` (optionally one dossier). Blocks
 * that already have a value (even an emptied list) are left alone.
 */
export async function addFirstRows(
  db: DbOrTx,
  revisionId: number,
  options: { dossierId?: number; states?: readonly string[]; onlyMandatory?: boolean } = {},
) {
  const blocks = (await loadRevisionForm(db, revisionId)).filter(
    (field) => field.type === "repetition" && (!options.onlyMandatory || field.mandatory),
  );
  for (const block of blocks) {
    // md5 hex is lower-case [0-9a-f]: a valid row id (ROW_ID_PATTERN), random per dossier.
    await db.execute(sql`
      insert into champs (dossier_id, stream, stable_id, row_id, type_champ, value)
      select d.id, 'main', ${block.stableId}, '', 'repetition',
             jsonb_build_array(substr(md5(random()::text || d.id::text || clock_timestamp()::text), 1, 10))
      from dossiers d
      where d.revision_id = ${revisionId}
        ${options.dossierId === undefined ? sql`` : sql`and d.id = ${options.dossierId}`}
        ${
          options.states
            ? sql`and d.state in (${sql.join(
                options.states.map((s) => sql`${s}`),
                sql`, `,
              )})`
            : sql``
        }
      on conflict (dossier_id, stream, stable_id, row_id) do nothing`);
  }
}
