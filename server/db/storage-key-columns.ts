/**
 * Every column that holds a storage key (the name of bytes in the file storage), in one list: the
 * storage sweep (server/jobs/purge-attachments.job.ts) deletes the bytes that none of them names.
 * A feature that stores files in a new table or column adds it here; storage-key-columns.test.ts
 * fails while a column named `*_key` in the schema is missing, so bytes still in use are never
 * swept away.
 */
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { archives, attachments, attestations, attestationTemplates, exports, groupesImports } from "./schema";

export interface StorageKeyColumn {
  table: PgTable;
  column: PgColumn;
}

export const STORAGE_KEY_COLUMNS: readonly StorageKeyColumn[] = [
  // Files of dossier fields, messages, avis, justificatifs, models and notices.
  { table: attachments, column: attachments.storageKey },
  { table: exports, column: exports.fileKey },
  { table: archives, column: archives.fileKey },
  { table: attestations, column: attestations.storageKey },
  { table: attestationTemplates, column: attestationTemplates.logoKey },
  { table: attestationTemplates, column: attestationTemplates.signatureKey },
  // A groupes CSV import's file, kept until its job ends.
  { table: groupesImports, column: groupesImports.fileKey },
];

/**
 * One query: the given keys that no registered column names (`wanted` minus the union of the
 * registered columns' keys among them).
 */
export function unreferencedKeysQuery(keys: readonly string[]): SQL {
  const wanted = sql.join(
    keys.map((key) => sql`(${key}::text)`),
    sql`, `,
  );
  const referenced = sql.join(
    STORAGE_KEY_COLUMNS.map(
      ({ table, column }) => sql`select ${column} from ${table} where ${column} in (select key from wanted)`,
    ),
    sql` union `,
  );
  return sql`with wanted(key) as (values ${wanted}) select key from wanted except (${referenced})`;
}
