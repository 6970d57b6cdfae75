/**
 * `Dossier.avis(id)` and the `Avis` type, as the reference: the question is the request's
 * introduction, the answer `reponse`; `claimant` the instructeur (or expert) who asked, `expert`
 * the one asked; `attachments` the answer's files (the reference's `piece_justificative_file`),
 * served by the existing one-hour signed URLs. A confidential avis is listed too: the token is the
 * administrateur's, who sees what the instructeurs see (the reference does the same); revoked
 * requests are not (the reference deletes them).
 */
import type { AvisRow } from "../../lookups/avis-rows";
import { numericIdOf, toGlobalId } from "../ids";
import type { DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

export async function dossierAvis(d: DossierRow, id: string | null | undefined, ctx: GraphqlContext): Promise<AvisRow[]> {
  const rows = await ctx.loaders.avis.load(d.id);
  if (id === null || id === undefined) return rows;
  const wanted = numericIdOf(id, "Avis");
  return rows.filter((row) => row.id === wanted);
}

function claimantOf(a: AvisRow) {
  if (a.claimantInstructeurId !== null && a.claimantInstructeurEmail) {
    return { id: toGlobalId("Instructeur", a.claimantInstructeurId), email: a.claimantInstructeurEmail };
  }
  if (a.claimantExpertId !== null && a.claimantExpertEmail) {
    return { id: toGlobalId("Expert", a.claimantExpertId), email: a.claimantExpertEmail };
  }
  return null;
}

export const avisResolvers = {
  Avis: {
    id: (a: AvisRow) => toGlobalId("Avis", a.id),
    question: (a: AvisRow) => a.introduction,
    questionLabel: (a: AvisRow) => a.questionLabel,
    questionAnswer: (a: AvisRow) => (a.answeredAt === null ? null : a.questionAnswer),
    reponse: (a: AvisRow) => a.answer,
    dateQuestion: (a: AvisRow) => a.createdAt,
    dateReponse: (a: AvisRow) => a.answeredAt,
    claimant: (a: AvisRow) => claimantOf(a),
    // Deprecated in the reference, non-null: a deleted claimant reads as an empty profile.
    instructeur: (a: AvisRow) => claimantOf(a) ?? { id: toGlobalId("Instructeur", "deleted"), email: "" },
    expert: (a: AvisRow) => ({ id: toGlobalId("Expert", a.expertId), email: a.expertEmail }),
    attachments: (a: AvisRow) => a.answerFiles,
    attachment: (a: AvisRow) => a.answerFiles[0] ?? null,
  },
};
