/**
 * A démarche's attestation templates (`attestation_templates`) and a dossier's attestation
 * (`attestations`), as operations, queries, reactions and the generation job read them.
 */
import { and, eq } from "drizzle-orm";
import type { AttestationTemplateKind } from "../../common/attestations";
import type { DbOrTx } from "../db/client";
import { attestations, attestationTemplates } from "../db/schema";

export type AttestationTemplateRow = typeof attestationTemplates.$inferSelect;

export async function findAttestationTemplate(
  db: DbOrTx,
  demarcheId: number,
  kind: AttestationTemplateKind,
): Promise<AttestationTemplateRow | null> {
  const [row] = await db
    .select()
    .from(attestationTemplates)
    .where(and(eq(attestationTemplates.demarcheId, demarcheId), eq(attestationTemplates.kind, kind)));
  return row ?? null;
}

/** The démarche's saved templates, by kind. */
export async function listAttestationTemplates(db: DbOrTx, demarcheId: number) {
  const rows = await db.select().from(attestationTemplates).where(eq(attestationTemplates.demarcheId, demarcheId));
  return new Map(rows.map((row) => [row.kind, row]));
}

/** Whether the démarche generates attestations of this kind. */
export async function isAttestationActivated(db: DbOrTx, demarcheId: number, kind: AttestationTemplateKind) {
  const row = await findAttestationTemplate(db, demarcheId, kind);
  return row?.activated === true;
}

/** The dossier's attestation, or null. */
export async function findDossierAttestation(db: DbOrTx, dossierId: number) {
  const [row] = await db.select().from(attestations).where(eq(attestations.dossierId, dossierId));
  return row ?? null;
}
