/**
 * Daily housekeeping of files:
 * 1. attachment rows of dossier fields that no value refers to any more (file removed from its
 *    field, field hidden and cleared at submission), avis files never attached to their avis,
 *    message files whose message was never sent, and batch justificatifs no running batch uses, are deleted, an hour after their upload at the earliest;
 * 2. bytes no row refers to are deleted from storage: those of the rows just deleted (unless a
 *    copy-on-write copy of a model file still shares them), and those left by rows deleted with
 *    their dossier or field definition (ON DELETE CASCADE) — found by listing the storage;
 * 3. partial writes left by a process killed during an upload are removed.
 * Objects younger than the grace period are never touched: an upload writes its bytes just
 * before the transaction that records them.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { attachments } from "../db/schema";
import { unreferencedKeysQuery } from "../db/storage-key-columns";
import { type Storage, storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZPurgeAttachments = z.object({}).passthrough();

export const ATTACHMENT_GRACE_MS = 60 * 60 * 1000;
const BATCH = 500;

/** Deletes unreferenced dossier-field attachment rows; returns their storage keys. */
export async function deleteUnreferencedAttachments(db: DbOrTx, graceMs = ATTACHMENT_GRACE_MS): Promise<string[]> {
  const keys: string[] = [];
  for (;;) {
    const rows = await db.execute<{ storage_key: string }>(sql`
      delete from ${attachments}
       where ${attachments.id} in (
         select a.id from ${attachments} a
          where a.created_at < now() - make_interval(secs => ${graceMs / 1000})
            and (
              -- an avis file uploaded with a request or an answer that was never sent
              (a.purpose in ('avis_introduction', 'avis_reponse') and a.avis_id is null)
              -- a message's file uploaded with a form that was refused and never sent again
              or (a.purpose = 'message' and a.commentaire_id is null)
              -- uploaded through the API's createDirectUpload and never given to a mutation
              or a.purpose = 'direct_upload'
              -- a batch decision's justificatif that no running batch still hands out (its
              -- dossiers' justificatif rows share its bytes: they outlive this row)
              or (a.purpose = 'batch_justificatif' and not exists (
                select 1 from batch_operations b
                 where b.state = 'running' and b.params ->> 'justificatifId' = a.id::text))
              or a.purpose = 'champ' and not exists (
              select 1 from champs c
               where c.dossier_id = a.dossier_id and c.stable_id = a.stable_id and c.row_id = a.row_id
                 and jsonb_typeof(c.value) = 'array'
                 and c.value @> jsonb_build_array(jsonb_build_object('id', a.id::text))
            ))
          limit ${BATCH}
       )
       returning ${attachments.storageKey} as storage_key`);
    keys.push(...rows.rows.map((row) => row.storage_key));
    if (rows.rows.length < BATCH) return keys;
  }
}

/** The given keys that no registered storage-key column (server/db/storage-key-columns.ts) refers to. */
export async function orphanKeys(db: DbOrTx, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db.execute<{ key: string }>(unreferencedKeysQuery([...new Set(keys)]));
  return rows.rows.map((row) => row.key);
}

/** Deletes stored objects older than the grace period that no row refers to; returns how many. */
export async function sweepStorage(
  db: DbOrTx,
  storage: Storage,
  graceMs = ATTACHMENT_GRACE_MS,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    for (const key of await orphanKeys(db, batch)) {
      await storage.delete(key);
      removed++;
    }
    batch = [];
  };
  for await (const object of storage.list()) {
    if (now - object.lastModified.getTime() < graceMs) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return removed;
}

export async function purgeAttachments(db: DbOrTx, storage: Storage, graceMs = ATTACHMENT_GRACE_MS) {
  const deletedKeys = await deleteUnreferencedAttachments(db, graceMs);
  let bytesRemoved = 0;
  for (const key of await orphanKeys(db, deletedKeys)) {
    await storage.delete(key);
    bytesRemoved++;
  }
  const swept = await sweepStorage(db, storage, graceMs);
  const partial = await storage.cleanupIncomplete(new Date(Date.now() - 24 * 60 * 60 * 1000));
  return { rows: deletedKeys.length, bytesRemoved: bytesRemoved + swept, partial };
}

export const purgeAttachmentsJob = {
  payload: ZPurgeAttachments,
  async run(_payload, { db, config, logger }) {
    const result = await purgeAttachments(db, storageFor(config));
    logger.info(result, "purged unreferenced attachments");
  },
} satisfies JobDefinition<typeof ZPurgeAttachments>;
