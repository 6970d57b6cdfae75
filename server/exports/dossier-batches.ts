/**
 * The dossiers of an export, batch after batch: the instructeur list's own query (same scope,
 * tab, filters, sort and search: `listQuery`) read with its keyset cursor, 500 ids at a time, then
 * the batch's rows, values, avis and files in a handful of indexed queries. Nothing is kept from
 * one batch to the next: memory is one batch, whatever the number of dossiers.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { loadChampValuesOf } from "../db/champ-values";
import {
  attachments,
  attestations,
  avis,
  commentaires,
  dossiers,
  experts,
  expertsProcedures,
  groupesInstructeurs,
  users,
} from "../db/schema";
import type { ListInput } from "../queries/instructeur/dossiers";
import { listQuery, listWhere, sortKeyOf } from "../queries/instructeur/dossiers";

export const BATCH_SIZE = 500;

export interface DossierRow {
  id: number;
  state: string;
  email: string | null;
  civilite: string | null;
  nom: string | null;
  prenom: string | null;
  motivation: string | null;
  groupe: string | null;
  archived: boolean;
  deposeAt: Date | null;
  enInstructionAt: Date | null;
  processedAt: Date | null;
  updatedAt: Date;
  /** Stored values by champ key (`<stableId>` or `<stableId>|<rowId>`). */
  values: Map<string, unknown>;
}

export interface AvisRow {
  dossierId: number;
  expert: string;
  questionLabel: string | null;
  questionAnswer: boolean | null;
  answer: string | null;
  confidentiel: boolean;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface FileRow {
  dossierId: number;
  id: string;
  storageKey: string;
  filename: string;
  byteSize: number;
  purpose: string;
}

export type BatchInput = Omit<ListInput, "cursor" | "limit">;

export async function countExportDossiers(db: DbOrTx, input: BatchInput): Promise<number> {
  const { rows } = await db.execute<{ count: string }>(
    sql`select count(*)::text as count from ${dossiers} where ${listWhere(input)}`,
  );
  return Number(rows[0]?.count ?? 0);
}

/** The ids of the export's dossiers, in list order, batch by batch (keyset: each batch costs about the first). */
export async function* exportDossierIds(db: DbOrTx, input: BatchInput, batchSize = BATCH_SIZE): AsyncGenerator<number[]> {
  let cursor: ListInput["cursor"] = null;
  for (;;) {
    const { query } = listQuery({ ...input, cursor, limit: batchSize });
    const { rows } = await db.execute<{ id: number; sort_value: string | null }>(query);
    const page = rows.slice(0, batchSize);
    if (page.length > 0) yield page.map((r) => Number(r.id));
    const last = page[page.length - 1];
    if (rows.length <= batchSize || !last) return;
    cursor = { direction: "after", sort: sortKeyOf(input.sort), value: last.sort_value, id: Number(last.id) };
  }
}

/** The rows and values of a batch, in the order of `ids`. */
export async function loadDossierRows(db: DbOrTx, ids: readonly number[]): Promise<DossierRow[]> {
  if (ids.length === 0) return [];
  const [base, values] = await Promise.all([
    db
      .select({
        id: dossiers.id,
        state: dossiers.state,
        email: users.email,
        civilite: dossiers.civilite,
        nom: dossiers.nom,
        prenom: dossiers.prenom,
        motivation: dossiers.motivation,
        groupe: groupesInstructeurs.label,
        archived: dossiers.archived,
        deposeAt: dossiers.deposeAt,
        enInstructionAt: dossiers.enInstructionAt,
        processedAt: dossiers.processedAt,
        updatedAt: dossiers.updatedAt,
      })
      .from(dossiers)
      .leftJoin(users, eq(users.id, dossiers.userId))
      .leftJoin(groupesInstructeurs, eq(groupesInstructeurs.id, dossiers.groupeInstructeurId))
      .where(inArray(dossiers.id, [...ids])),
    loadChampValuesOf(db, ids),
  ]);
  const byId = new Map(base.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, values: (values.get(id) ?? new Map()) as Map<string, unknown> }] : [];
  });
}

/** Avis of a batch that are not revoked (instructeurs see confidential ones too). */
export async function loadAvisRows(db: DbOrTx, ids: readonly number[]): Promise<AvisRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      dossierId: avis.dossierId,
      expert: users.email,
      questionLabel: avis.questionLabel,
      questionAnswer: avis.questionAnswer,
      answer: avis.answer,
      confidentiel: avis.confidentiel,
      createdAt: avis.createdAt,
      answeredAt: avis.answeredAt,
    })
    .from(avis)
    .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
    .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .where(and(inArray(avis.dossierId, [...ids]), isNull(avis.revokedAt)))
    .orderBy(asc(avis.dossierId), asc(avis.id));
}

/**
 * Files of a batch for the ZIP: those the fields and annotations hold now (`fileIds`: the ids their
 * values refer to) and the attachments of messages that were sent and not deleted; with `include`,
 * the files of avis not revoked, the attestation (purpose `attestation`, named `attestation.pdf`)
 * and the decision's justificatif.
 */
export async function loadFileRows(
  db: DbOrTx,
  ids: readonly number[],
  fileIds: readonly string[],
  include: { avis?: boolean; attestation?: boolean; justificatif?: boolean } = {},
): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  const columns = {
    dossierId: sql<number>`${attachments.dossierId}`,
    id: attachments.id,
    storageKey: attachments.storageKey,
    filename: attachments.filename,
    byteSize: attachments.byteSize,
    purpose: attachments.purpose,
  };
  const [champFiles, messageFiles, avisFiles, attestationFiles, justificatifFiles] = await Promise.all([
    fileIds.length > 0
      ? db
          .select(columns)
          .from(attachments)
          .where(
            and(
              inArray(attachments.dossierId, [...ids]),
              eq(attachments.purpose, "champ"),
              inArray(attachments.id, [...fileIds]),
            ),
          )
      : [],
    db
      .select(columns)
      .from(attachments)
      .innerJoin(commentaires, eq(commentaires.id, attachments.commentaireId))
      .where(and(inArray(attachments.dossierId, [...ids]), eq(attachments.purpose, "message"), isNull(commentaires.discardedAt))),
    include.avis
      ? db
          .select({ ...columns, dossierId: sql<number>`${avis.dossierId}` })
          .from(attachments)
          .innerJoin(avis, eq(avis.id, attachments.avisId))
          .where(and(inArray(avis.dossierId, [...ids]), isNull(avis.revokedAt)))
      : [],
    include.attestation
      ? db
          .select({
            dossierId: attestations.dossierId,
            id: sql<string>`'attestation-' || ${attestations.dossierId}`,
            storageKey: attestations.storageKey,
            filename: sql<string>`'attestation.pdf'`,
            byteSize: attestations.byteSize,
            purpose: sql<string>`'attestation'`,
          })
          .from(attestations)
          .where(inArray(attestations.dossierId, [...ids]))
      : [],
    include.justificatif
      ? db
          .select(columns)
          .from(attachments)
          .innerJoin(dossiers, eq(dossiers.id, attachments.dossierId))
          // As `findDecisionJustificatif` (server/lookups/decision-justificatif.ts): the last decision's only.
          .where(
            and(
              inArray(attachments.dossierId, [...ids]),
              eq(attachments.purpose, "justificatif"),
              inArray(dossiers.state, ["accepte", "refuse", "sans_suite"]),
              sql`${attachments.createdAt} >= coalesce(${dossiers.processedAt}, '-infinity'::timestamptz)`,
            ),
          )
      : [],
  ]);
  return [...champFiles, ...messageFiles, ...avisFiles, ...attestationFiles, ...justificatifFiles].sort(
    (a, b) => a.dossierId - b.dossierId || a.filename.localeCompare(b.filename) || a.id.localeCompare(b.id),
  );
}
