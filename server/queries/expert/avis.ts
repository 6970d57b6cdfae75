/**
 * The expert's space (`/avis`): the avis addressed to them (not revoked), by démarche, to give or
 * given; one avis with its dossier read-only (the annotations privées only when the instructeur
 * allowed it) and the other avis of the dossier whose answer they may read (never a confidential
 * one but their own). Everything goes through the `avisOfExpert` / `dossiersVisibleToExpert` scopes.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { avis, demarches, dossiers } from "../../db/schema";
import { avisOfExpert, dossiersVisibleToExpert } from "../../db/scopes";
import { answerBlocker, answerVisibleToExpert, expertMayInvite, expertMayUseMessagerie } from "../../domain/avis/rules";
import { loadAvisRows } from "../../lookups/avis-rows";
import { findExpertAvis } from "../../lookups/scoped-avis";
import { loadFormView } from "../form-view";
import { loadDossierAnnotations } from "../instructeur/annotations";

export async function listExpertAvis(db: DbOrTx, expertId: number) {
  const rows = await db
    .select({
      id: avis.id,
      dossierId: avis.dossierId,
      dossierState: dossiers.state,
      demarcheId: demarches.id,
      libelle: demarches.libelle,
      answeredAt: avis.answeredAt,
      createdAt: avis.createdAt,
      confidentiel: avis.confidentiel,
    })
    .from(avis)
    .innerJoin(dossiers, eq(dossiers.id, avis.dossierId))
    .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
    .where(and(avisOfExpert(expertId), dossiersVisibleToExpert(expertId)))
    .orderBy(asc(demarches.libelle), asc(demarches.id), desc(avis.createdAt));
  const byDemarche = new Map<number, { id: number; libelle: string; toGive: typeof rows; given: typeof rows }>();
  for (const row of rows) {
    const group = byDemarche.get(row.demarcheId) ?? { id: row.demarcheId, libelle: row.libelle, toGive: [], given: [] };
    (row.answeredAt ? group.given : group.toGive).push(row);
    byDemarche.set(row.demarcheId, group);
  }
  return [...byDemarche.values()];
}

export async function loadExpertAvis(db: DbOrTx, expertId: number, avisId: number) {
  const found = await findExpertAvis(db, expertId, avisId);
  const { dossier, demarche } = found;
  const [rows, form, annotations] = await Promise.all([
    loadAvisRows(db, [dossier.id]),
    loadFormView(db, dossier.revisionId, dossier.id),
    found.avis.annotationsVisible ? loadDossierAnnotations(db, dossier) : Promise.resolve(null),
  ]);
  const own = rows.find((r) => r.id === avisId);
  if (!own) throw new Error("loadExpertAvis: scoped avis not among the dossier's");
  const others = rows
    .filter((r) => r.id !== avisId && r.revokedAt === null && r.answeredAt !== null)
    .map((r) => {
      const visible = answerVisibleToExpert(r, expertId);
      return {
        id: r.id,
        expertEmail: r.expertEmail,
        answeredAt: r.answeredAt,
        confidentiel: r.confidentiel,
        questionLabel: r.questionLabel,
        questionAnswer: visible ? r.questionAnswer : null,
        answer: visible ? r.answer : null,
        answerFiles: visible ? r.answerFiles : [],
      };
    });
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    dossier: { id: dossier.id, state: dossier.state, civilite: dossier.civilite, nom: dossier.nom, prenom: dossier.prenom },
    avis: own,
    canAnswer: answerBlocker(found.avis, dossier.state) === null,
    canMessage: expertMayUseMessagerie({
      allowExpertMessaging: demarche.allowExpertMessaging,
      confidentiel: found.avis.confidentiel,
    }),
    canInvite: expertMayInvite({
      allowExpertReview: demarche.allowExpertReview,
      confidentiel: found.avis.confidentiel,
      state: dossier.state,
      revoked: false,
    }),
    form,
    annotations: annotations
      ? { descriptors: annotations.descriptors, values: annotations.values, hidden: annotations.hidden }
      : null,
    others,
  };
}
