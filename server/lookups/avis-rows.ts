/**
 * The avis of dossiers with who asked and who answers, and their files: what the instructeur's
 * avis tab, the expert's pages and the API read. Callers scope the dossiers (and, for an expert,
 * filter confidential answers with `answerVisibleToExpert`).
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import { attachments, avis, experts, expertsProcedures, instructeurs, users } from "../db/schema";

const expertUsers = alias(users, "avis_expert_users");
const instructeurUsers = alias(users, "avis_instructeur_users");
const claimantExperts = alias(experts, "avis_claimant_experts");
const claimantExpertUsers = alias(users, "avis_claimant_expert_users");

export interface AvisFile {
  id: string;
  filename: string;
  contentType: string;
  byteSize: number;
  checksum: string;
  createdAt: Date;
  purpose: "avis_introduction" | "avis_reponse";
}

export async function loadAvisRows(db: DbOrTx, dossierIds: readonly number[]) {
  if (dossierIds.length === 0) return [];
  const rows = await db
    .select({
      id: avis.id,
      dossierId: avis.dossierId,
      expertId: expertsProcedures.expertId,
      expertUserId: expertUsers.id,
      expertEmail: expertUsers.email,
      claimantInstructeurId: avis.claimantInstructeurId,
      claimantInstructeurUserId: instructeurUsers.id,
      claimantInstructeurEmail: instructeurUsers.email,
      claimantExpertId: avis.claimantExpertId,
      claimantExpertUserId: claimantExpertUsers.id,
      claimantExpertEmail: claimantExpertUsers.email,
      introduction: avis.introduction,
      confidentiel: avis.confidentiel,
      annotationsVisible: avis.annotationsVisible,
      questionLabel: avis.questionLabel,
      questionAnswer: avis.questionAnswer,
      answer: avis.answer,
      answeredAt: avis.answeredAt,
      remindedAt: avis.remindedAt,
      revokedAt: avis.revokedAt,
      createdAt: avis.createdAt,
      updatedAt: avis.updatedAt,
    })
    .from(avis)
    .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
    .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
    .innerJoin(expertUsers, eq(expertUsers.id, experts.userId))
    .leftJoin(instructeurs, eq(instructeurs.id, avis.claimantInstructeurId))
    .leftJoin(instructeurUsers, eq(instructeurUsers.id, instructeurs.userId))
    .leftJoin(claimantExperts, eq(claimantExperts.id, avis.claimantExpertId))
    .leftJoin(claimantExpertUsers, eq(claimantExpertUsers.id, claimantExperts.userId))
    .where(inArray(avis.dossierId, [...dossierIds]))
    .orderBy(asc(avis.createdAt), asc(avis.id));
  const files = await loadAvisFiles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    claimantEmail: row.claimantInstructeurEmail ?? row.claimantExpertEmail ?? null,
    introductionFiles: files.filter((f) => f.avisId === row.id && f.purpose === "avis_introduction"),
    answerFiles: files.filter((f) => f.avisId === row.id && f.purpose === "avis_reponse"),
  }));
}

export type AvisRow = Awaited<ReturnType<typeof loadAvisRows>>[number];

async function loadAvisFiles(db: DbOrTx, avisIds: number[]) {
  if (avisIds.length === 0) return [];
  const rows = await db
    .select({
      id: attachments.id,
      avisId: attachments.avisId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      checksum: attachments.checksum,
      createdAt: attachments.createdAt,
      purpose: attachments.purpose,
    })
    .from(attachments)
    .where(and(isNotNull(attachments.avisId), inArray(attachments.avisId, avisIds)))
    .orderBy(asc(attachments.createdAt));
  return rows as (AvisFile & { avisId: number })[];
}
