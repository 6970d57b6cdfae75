/**
 * The daily purge (ds-behaviour §2.5 « hard purge »): dossiers hidden 2 weeks ago are deleted for
 * good — by expiry, by their usager (brouillon, en construction), or, for decided dossiers, by both
 * their usager and the administration (double deletion). A submitted dossier leaves a tombstone
 * (`deleted_dossiers`: GraphQL `deletedDossiers`); every purge is a `dossier.purge` event on the
 * démarche (the dossier's own events go with it). Brouillons nobody ever filled in are deleted 2
 * weeks after their creation, without notice. The dossier's files go with it: their rows cascade,
 * their bytes are deleted once committed (those another row still shares are kept).
 */
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attachments, attestations, deletedDossiers, dossiers } from "../../db/schema";
import { type DeletionReason, NEVER_TOUCHED_DAYS, PURGE_AFTER_DAYS, addDays, purgeReason } from "../../domain/dossier/expiry";
import type { DossierState } from "../../domain/dossier/states";
import { recordEvent } from "../../events/record-event";
import type { Storage } from "../../integrations/storage";
import { orphanKeys } from "../../jobs/purge-attachments.job";

const BATCH = 500;

export interface PurgeOutcome {
  purged: number;
  tombstones: number;
  neverTouched: number;
  files: number;
}

interface Candidate {
  id: number;
  demarche_id: number;
  groupe_instructeur_id: number | null;
  revision_id: number | null;
  user_id: number | null;
  state: DossierState;
  depose_at: Date | null;
  hidden_by_user_at: Date | null;
  hidden_by_administration_at: Date | null;
  hidden_by_expired_at: Date | null;
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export async function purgeDossiers(db: Db, storage: Storage | null, now: Date = new Date()): Promise<PurgeOutcome> {
  const outcome: PurgeOutcome = { purged: 0, tombstones: 0, neverTouched: 0, files: 0 };
  const cutoff = addDays(now, -PURGE_AFTER_DAYS).toISOString();
  const untouchedCutoff = addDays(now, -NEVER_TOUCHED_DAYS).toISOString();
  let afterId = 0;
  for (;;) {
    const { keys, lastId, count } = await db.transaction(async (tx) => {
      const rows = await tx.execute<Record<string, unknown>>(sql`
        select d.id, d.demarche_id, d.groupe_instructeur_id, d.revision_id, d.user_id, d.state, d.depose_at,
               d.hidden_by_user_at, d.hidden_by_administration_at, d.hidden_by_expired_at, d.created_at,
               (d.state = 'brouillon' and d.last_champ_updated_at is null and d.identity_updated_at is null
                and d.created_at <= ${untouchedCutoff}::timestamptz and not d.prefilled
                and not exists (select 1 from etablissements e where e.dossier_id = d.id)
                and not exists (select 1 from commentaires c where c.dossier_id = d.id)) as never_touched
          from dossiers d
         where d.id > ${afterId} and d.state <> 'en_instruction' and (
           (d.hidden_by_expired_at <= ${cutoff}::timestamptz)
           or (d.hidden_by_user_at <= ${cutoff}::timestamptz and d.state in ('brouillon', 'en_construction'))
           or (d.hidden_by_user_at <= ${cutoff}::timestamptz and d.hidden_by_administration_at <= ${cutoff}::timestamptz)
           or (d.state = 'brouillon' and d.last_champ_updated_at is null and d.identity_updated_at is null
               and d.created_at <= ${untouchedCutoff}::timestamptz and not d.prefilled))
         order by d.id limit ${BATCH} for update of d skip locked`);
      const purged: Array<{ id: number; reason: DeletionReason | "not_modified_for_a_long_time"; row: Candidate }> = [];
      for (const r of rows.rows) {
        const row: Candidate = {
          id: Number(r.id),
          demarche_id: Number(r.demarche_id),
          groupe_instructeur_id: r.groupe_instructeur_id === null ? null : Number(r.groupe_instructeur_id),
          revision_id: r.revision_id === null ? null : Number(r.revision_id),
          user_id: r.user_id === null ? null : Number(r.user_id),
          state: r.state as DossierState,
          depose_at: date(r.depose_at),
          hidden_by_user_at: date(r.hidden_by_user_at),
          hidden_by_administration_at: date(r.hidden_by_administration_at),
          hidden_by_expired_at: date(r.hidden_by_expired_at),
        };
        const reason =
          purgeReason(
            {
              state: row.state,
              hiddenByUserAt: row.hidden_by_user_at,
              hiddenByAdministrationAt: row.hidden_by_administration_at,
              hiddenByExpiredAt: row.hidden_by_expired_at,
            },
            now,
          ) ?? (r.never_touched === true ? "not_modified_for_a_long_time" : null);
        if (reason) purged.push({ id: row.id, reason, row });
      }
      const last = rows.rows.at(-1);
      if (purged.length === 0) return { keys: [], lastId: last ? Number(last.id) : null, count: rows.rows.length };
      const ids = purged.map((p) => p.id);
      const files = [
        ...(await tx.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.dossierId, ids))),
        ...(await tx.select({ key: attestations.storageKey }).from(attestations).where(inArray(attestations.dossierId, ids))),
      ].map((f) => f.key);
      for (const { id, reason, row } of purged) {
        const tombstone = row.state !== "brouillon";
        if (tombstone) {
          await tx
            .insert(deletedDossiers)
            .values({
              dossierId: id,
              demarcheId: row.demarche_id,
              groupeInstructeurId: row.groupe_instructeur_id,
              revisionId: row.revision_id,
              userId: row.user_id,
              state: row.state,
              reason: reason === "not_modified_for_a_long_time" ? "expired" : reason,
              deposeAt: row.depose_at,
              deletedAt: now,
            })
            .onConflictDoNothing();
          outcome.tombstones++;
        }
        await recordEvent(tx, {
          kind: "dossier.purge",
          demarcheId: row.demarche_id,
          dossierId: null,
          actor: "system",
          actorUserId: null,
          payload: { dossierId: id, state: row.state, reason, tombstone },
        });
        if (reason === "not_modified_for_a_long_time") outcome.neverTouched++;
      }
      await tx.delete(dossiers).where(inArray(dossiers.id, ids));
      outcome.purged += ids.length;
      return { keys: files, lastId: last ? Number(last.id) : null, count: rows.rows.length };
    });
    // The bytes, once the rows are gone for good (a copy shared with another row stays).
    if (storage && keys.length > 0) {
      for (const key of await orphanKeys(db, keys)) {
        await storage.delete(key);
        outcome.files++;
      }
    }
    if (lastId === null || count < BATCH) break;
    afterId = lastId;
  }
  return outcome;
}
