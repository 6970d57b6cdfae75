/**
 * What the publication page shows before publishing: for a first publication, the fields that
 * will go online; for a re-publication, the changes since the published form (with the fingerprint
 * the confirmation carries) and how many open dossiers will move to the new form.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { diffFingerprint, type RevisionChange } from "../../domain/revisions/diff";
import { pendingChanges } from "../../lookups/publication-checks";
import { loadRevisionSnapshot } from "../../lookups/revision-snapshot";

export interface ReviewedField {
  stableId: number;
  type: string;
  libelle: string;
  mandatory: boolean;
  private: boolean;
  /** Libellé of the enclosing repetition block. */
  parentLibelle: string | null;
}

export type PublicationReview =
  | { kind: "first"; fields: ReviewedField[] }
  | { kind: "changes"; changes: RevisionChange[]; fingerprint: string; openDossiers: number };

/** Read in one snapshot; the démarche was found through the administrateur's scope by the caller. */
export async function getPublicationReview(
  db: Db,
  demarche: { id: number; draftRevisionId: number | null; publishedRevisionId: number | null },
): Promise<PublicationReview | null> {
  const draftRevisionId = demarche.draftRevisionId;
  if (!draftRevisionId) return null;
  return db.transaction(
    async (tx): Promise<PublicationReview> => {
      if (!demarche.publishedRevisionId) {
        const { fields } = await loadRevisionSnapshot(tx, draftRevisionId);
        const libelles = new Map(fields.map((f) => [f.stableId, f.libelle]));
        return {
          kind: "first",
          fields: fields.map((f) => ({
            stableId: f.stableId,
            type: f.type,
            libelle: f.libelle,
            mandatory: f.mandatory,
            private: f.private,
            parentLibelle: f.parentStableId === null ? null : (libelles.get(f.parentStableId) ?? null),
          })),
        };
      }
      const changes = await pendingChanges(tx, demarche);
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(dossiers)
        .where(
          and(
            eq(dossiers.demarcheId, demarche.id),
            eq(dossiers.forTest, false),
            inArray(dossiers.state, ["brouillon", "en_construction", "en_instruction"]),
          ),
        );
      return { kind: "changes", changes, fingerprint: diffFingerprint(changes), openDossiers: open?.n ?? 0 };
    },
    { accessMode: "read only" },
  );
}
