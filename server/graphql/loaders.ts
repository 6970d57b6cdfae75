/**
 * Per-request DataLoaders of the GraphQL API: each batch is one `where … in (…)` query, so a page
 * of 100 dossiers with their champs and traitements costs the same number of queries as a page of
 * 10. Loaders live for one request only (no cross-request cache, no stale authorisation).
 */
import DataLoader from "dataloader";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import { withTemplateFiles } from "../db/file-templates";
import {
  champs,
  demarcheAdministrateurs,
  demarches,
  dossiers,
  events,
  follows,
  instructeurs,
  revisions,
  revisionTypesDeChamp,
  traitements,
  typesDeChamp,
  users,
} from "../db/schema";
import { type ChampKey, champKey } from "../domain/form/keys";
import { type AvisRow, loadAvisRows } from "../lookups/avis-rows";
import { tokenAllowsDemarche, type ApiTokenContext } from "./auth";
import { createGroupeLoaders } from "./resolvers/groupe-loaders";
import { createLabelLoaders } from "./resolvers/labels";
import { createServiceLoaders } from "./resolvers/services";
import { createEtablissementLoaders } from "./resolvers/personne-morale";

export type DemarcheRow = typeof demarches.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
export type TraitementRow = typeof traitements.$inferSelect;
export interface FollowerRow {
  dossierId: number;
  instructeurId: number;
  email: string;
}

/** A top-level field of a revision (children of repetition blocks are not exposed yet). */
export interface RevisionFieldRow {
  revisionId: number;
  stableId: number;
  typeChamp: string;
  libelle: string;
  description: string | null;
  mandatory: boolean;
  private: boolean;
  options: Record<string, unknown>;
}

export interface ChampValueRow {
  stableId: number;
  typeChamp: string;
  value: unknown;
  updatedAt: Date;
}

/** The columns of a dossier the API reads, with the submitting account's e-mail. */
export const dossierColumns = {
  id: dossiers.id,
  demarcheId: dossiers.demarcheId,
  revisionId: dossiers.revisionId,
  groupeInstructeurId: dossiers.groupeInstructeurId,
  userId: dossiers.userId,
  userEmail: users.email,
  state: dossiers.state,
  civilite: dossiers.civilite,
  nom: dossiers.nom,
  prenom: dossiers.prenom,
  motivation: dossiers.motivation,
  archived: dossiers.archived,
  prefilled: dossiers.prefilled,
  forTiers: dossiers.forTiers,
  mandataireFirstName: dossiers.mandataireFirstName,
  mandataireLastName: dossiers.mandataireLastName,
  deposeAt: dossiers.deposeAt,
  enConstructionAt: dossiers.enConstructionAt,
  enInstructionAt: dossiers.enInstructionAt,
  processedAt: dossiers.processedAt,
  svaSvrDecisionOn: dossiers.svaSvrDecisionOn,
  svaSvrDecisionTriggeredAt: dossiers.svaSvrDecisionTriggeredAt,
  lastChampUpdatedAt: dossiers.lastChampUpdatedAt,
  expiredAt: dossiers.expiredAt,
  hiddenByUserAt: dossiers.hiddenByUserAt,
  hiddenByAdministrationAt: dossiers.hiddenByAdministrationAt,
  createdAt: dossiers.createdAt,
  updatedAt: dossiers.updatedAt,
};

export interface DossierRow {
  id: number;
  demarcheId: number;
  revisionId: number;
  groupeInstructeurId: number | null;
  userId: number | null;
  userEmail: string | null;
  state: "brouillon" | "en_construction" | "en_instruction" | "accepte" | "refuse" | "sans_suite";
  civilite: "M." | "Mme" | null;
  nom: string | null;
  prenom: string | null;
  motivation: string | null;
  archived: boolean;
  prefilled: boolean;
  /** Filed by a mandataire (`deposeParUnTiers`), with their names. */
  forTiers: boolean;
  mandataireFirstName: string | null;
  mandataireLastName: string | null;
  deposeAt: Date | null;
  enConstructionAt: Date | null;
  enInstructionAt: Date | null;
  processedAt: Date | null;
  svaSvrDecisionOn: string | null;
  svaSvrDecisionTriggeredAt: Date | null;
  lastChampUpdatedAt: Date | null;
  expiredAt: Date | null;
  hiddenByUserAt: Date | null;
  hiddenByAdministrationAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function groupBy<K, V>(rows: V[], key: (row: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export function createLoaders(db: Db, token: ApiTokenContext) {
  return {
    ...createLabelLoaders(db),
    ...createGroupeLoaders(db),
    ...createServiceLoaders(db),
    ...createEtablissementLoaders(db),
    demarche: new DataLoader<number, DemarcheRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(demarches)
        .where(inArray(demarches.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Whether the token may read the démarche: administered by its owner, and in its allow-list. */
    demarcheAccess: new DataLoader<number, boolean>(async (ids) => {
      const candidates = ids.filter((id) => tokenAllowsDemarche(token, id));
      const rows =
        candidates.length === 0
          ? []
          : await db
              .select({ demarcheId: demarcheAdministrateurs.demarcheId })
              .from(demarcheAdministrateurs)
              .where(
                and(
                  eq(demarcheAdministrateurs.administrateurId, token.administrateurId),
                  inArray(demarcheAdministrateurs.demarcheId, candidates),
                ),
              );
      const allowed = new Set(rows.map((r) => r.demarcheId));
      return ids.map((id) => allowed.has(id));
    }),

    revision: new DataLoader<number, RevisionRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(revisions)
        .where(inArray(revisions.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Top-level fields (public and private) of revisions, in form order. */
    revisionFields: new DataLoader<number, RevisionFieldRow[]>(async (ids) => {
      const stored = await db
        .select({
          revisionId: revisionTypesDeChamp.revisionId,
          typeDeChampId: typesDeChamp.id,
          stableId: typesDeChamp.stableId,
          typeChamp: typesDeChamp.typeChamp,
          libelle: typesDeChamp.libelle,
          description: typesDeChamp.description,
          mandatory: typesDeChamp.mandatory,
          private: typesDeChamp.private,
          options: typesDeChamp.options,
        })
        .from(revisionTypesDeChamp)
        .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
        .where(and(inArray(revisionTypesDeChamp.revisionId, [...ids]), isNull(revisionTypesDeChamp.parentId)))
        .orderBy(asc(revisionTypesDeChamp.revisionId), asc(revisionTypesDeChamp.position), asc(revisionTypesDeChamp.id));
      // Model files (PieceJustificativeChampDescriptor.fileTemplate) are read into the options.
      const rows = await withTemplateFiles(db, stored, (field) => field.typeChamp);
      const byRevision = groupBy(rows, (r) => r.revisionId);
      return ids.map((id) => byRevision.get(id) ?? []);
    }),

    /** Children of the repetition blocks of revisions, by block stable id, in form order. */
    revisionChildFields: new DataLoader<number, Map<number, RevisionFieldRow[]>>(async (ids) => {
      const block = alias(revisionTypesDeChamp, "block_coordinate");
      const blockField = alias(typesDeChamp, "block_field");
      const stored = await db
        .select({
          revisionId: revisionTypesDeChamp.revisionId,
          parentStableId: blockField.stableId,
          typeDeChampId: typesDeChamp.id,
          stableId: typesDeChamp.stableId,
          typeChamp: typesDeChamp.typeChamp,
          libelle: typesDeChamp.libelle,
          description: typesDeChamp.description,
          mandatory: typesDeChamp.mandatory,
          private: typesDeChamp.private,
          options: typesDeChamp.options,
        })
        .from(revisionTypesDeChamp)
        .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
        .innerJoin(block, eq(block.id, revisionTypesDeChamp.parentId))
        .innerJoin(blockField, eq(blockField.id, block.typeDeChampId))
        .where(and(inArray(revisionTypesDeChamp.revisionId, [...ids]), isNotNull(revisionTypesDeChamp.parentId)))
        .orderBy(asc(revisionTypesDeChamp.position), asc(revisionTypesDeChamp.id));
      const rows = await withTemplateFiles(db, stored, (field) => field.typeChamp);
      const byRevision = new Map<number, Map<number, RevisionFieldRow[]>>(ids.map((id) => [id, new Map()]));
      for (const { parentStableId, ...row } of rows) {
        const blocks = byRevision.get(row.revisionId);
        blocks?.set(parentStableId, [...(blocks.get(parentStableId) ?? []), row]);
      }
      return ids.map((id) => byRevision.get(id) ?? new Map());
    }),

    /** Current values (stream `main`, top level and repetition rows) of dossiers, by `ChampKey`. */
    champValues: new DataLoader<number, Map<ChampKey, ChampValueRow>>(async (dossierIds) => {
      const rows = await db
        .select({
          dossierId: champs.dossierId,
          stableId: champs.stableId,
          rowId: champs.rowId,
          typeChamp: champs.typeChamp,
          value: champs.value,
          updatedAt: champs.updatedAt,
        })
        .from(champs)
        .where(and(inArray(champs.dossierId, [...dossierIds]), eq(champs.stream, "main")));
      const byDossier = new Map<number, Map<ChampKey, ChampValueRow>>();
      for (const { rowId, ...row } of rows) {
        const values = byDossier.get(row.dossierId) ?? new Map<ChampKey, ChampValueRow>();
        byDossier.set(row.dossierId, values);
        values.set(champKey(row.stableId, rowId), row);
      }
      return dossierIds.map((id) => byDossier.get(id) ?? new Map());
    }),

    traitements: new DataLoader<number, TraitementRow[]>(async (dossierIds) => {
      const rows = await db
        .select()
        .from(traitements)
        .where(inArray(traitements.dossierId, [...dossierIds]))
        .orderBy(asc(traitements.processedAt), asc(traitements.id));
      const byDossier = groupBy(rows, (r) => r.dossierId);
      return dossierIds.map((id) => byDossier.get(id) ?? []);
    }),

    /** The instructeurs following each dossier (`Dossier.instructeurs`), in the order they started. */
    followers: new DataLoader<number, FollowerRow[]>(async (dossierIds) => {
      const rows = await db
        .select({ dossierId: follows.dossierId, instructeurId: instructeurs.id, email: users.email })
        .from(follows)
        .innerJoin(instructeurs, eq(instructeurs.id, follows.instructeurId))
        .innerJoin(users, eq(users.id, instructeurs.userId))
        .where(inArray(follows.dossierId, [...dossierIds]))
        .orderBy(asc(follows.createdAt), asc(instructeurs.id));
      const byDossier = groupBy(rows, (r) => r.dossierId);
      return dossierIds.map((id) => byDossier.get(id) ?? []);
    }),

    /**
     * The avis of dossiers, confidential ones included (the token is the administrateur's, who sees
     * what the instructeurs see, as the reference's API); revoked requests are not listed (the
     * reference deletes an unanswered avis when it is revoked).
     */
    avis: new DataLoader<number, AvisRow[]>(async (dossierIds) => {
      const rows = (await loadAvisRows(db, dossierIds)).filter((r) => r.revokedAt === null);
      const byDossier = groupBy(rows, (r) => r.dossierId);
      return dossierIds.map((id) => byDossier.get(id) ?? []);
    }),

    /**
     * When each dossier's annotations privées last changed (`Dossier.dateDerniereModificationAnnotations`),
     * null if they never did. No column stores it: every annotation change records a
     * `dossier.modifie` event on the `private` stream (`saveAnnotations`, an annotation file attached
     * or removed), and the newest one is the date. Events live as long as their dossier.
     */
    annotationsChangedAt: new DataLoader<number, Date | null>(async (dossierIds) => {
      const rows = await db
        .select({ dossierId: events.dossierId, at: sql<Date>`max(${events.createdAt})`.mapWith(events.createdAt) })
        .from(events)
        .where(
          and(
            inArray(events.dossierId, [...dossierIds]),
            eq(events.kind, "dossier.modifie"),
            sql`${events.payload}->>'stream' = 'private'`,
          ),
        )
        .groupBy(events.dossierId);
      const byDossier = new Map(rows.map((row) => [row.dossierId, row.at]));
      return dossierIds.map((id) => byDossier.get(id) ?? null);
    }),

    /** Submitted, real dossiers by number (the dossiers linked by DossierLinkChamp, read in one query). */
    apiDossier: new DataLoader<number, DossierRow | null>(async (numbers) => {
      const rows = await db
        .select(dossierColumns)
        .from(dossiers)
        .leftJoin(users, eq(users.id, dossiers.userId))
        .where(and(inArray(dossiers.id, [...numbers]), apiVisible));
      const byNumber = new Map(rows.map((row) => [row.id, row]));
      return numbers.map((number) => byNumber.get(number) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Brouillons and test dossiers do not exist for the API. */
const apiVisible = and(sql`${dossiers.state} <> 'brouillon'`, eq(dossiers.forTest, false));

/** A submitted, real dossier by number. */
export async function findApiDossier(db: Db, number: number): Promise<DossierRow | null> {
  const [row] = await db
    .select(dossierColumns)
    .from(dossiers)
    .leftJoin(users, eq(users.id, dossiers.userId))
    .where(and(eq(dossiers.id, number), apiVisible))
    .limit(1);
  return row ?? null;
}
