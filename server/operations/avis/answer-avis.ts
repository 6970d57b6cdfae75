/**
 * Donner son avis: the expert the avis is addressed to answers (text, the yes/no answer when a
 * question was asked, an optional file), and may change the answer until the dossier is decided.
 * A revoked avis or another expert's is a 404; a decided dossier is refused. Records `avis.rendu`.
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { attachments, avis, dossiers } from "../../db/schema";
import { AVIS_ANSWER_MAX, answerBlocker } from "../../domain/avis/rules";
import { recordEvent } from "../../events/record-event";
import { findExpertAvis } from "../../lookups/scoped-avis";
import { NotFoundError } from "../../errors";
import { type OperationResult, refuse, type Refusal } from "../../refusal";

const ZAnswer = z.object({
  answer: z.string().trim(),
  /** "oui" / "non" for a question, "" otherwise. */
  questionAnswer: z.string().transform((value) => (value === "oui" || value === "non" ? value : "")),
  attachmentId: z.uuid().nullable(),
  /** Remove the file given with an earlier answer. */
  removeAttachment: z.boolean(),
});

export type AnswerAvisInput = z.input<typeof ZAnswer>;

export async function answerAvis(
  db: Db,
  expert: { expertId: number; userId: number },
  avisId: number,
  input: AnswerAvisInput,
): Promise<OperationResult<{ first: boolean }>> {
  const parsed = ZAnswer.safeParse(input);
  if (!parsed.success) return refuse("invalid");
  const values = parsed.data;
  return db.transaction(async (tx) => {
    const found = await findExpertAvis(tx, expert.expertId, avisId, true);
    // The dossier row is locked too: an answer and a decision never cross.
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, found.dossier.id)).for("update");
    if (!dossier) throw new NotFoundError("Avis");
    const blocker = answerBlocker(found.avis, dossier.state);
    if (blocker) return refuse(blocker);
    const refusals: Refusal[] = [];
    if (values.answer === "") refusals.push({ code: "answer_required", field: "answer" });
    else if (values.answer.length > AVIS_ANSWER_MAX)
      refusals.push({ code: "answer_too_long", field: "answer", params: { max: String(AVIS_ANSWER_MAX) } });
    if (found.avis.questionLabel && values.questionAnswer === "")
      refusals.push({ code: "question_answer_required", field: "questionAnswer" });
    if (refusals.length > 0) return { ok: false as const, refusals };

    const first = found.avis.answeredAt === null;
    await tx
      .update(avis)
      .set({
        answer: values.answer,
        questionAnswer: found.avis.questionLabel ? values.questionAnswer === "oui" : null,
        answeredAt: first ? sql`now()` : found.avis.answeredAt,
        updatedAt: sql`now()`,
      })
      .where(eq(avis.id, avisId));
    const ofThisAnswer = and(eq(attachments.avisId, avisId), eq(attachments.purpose, "avis_reponse"));
    if (values.attachmentId) {
      const [claimed] = await tx
        .update(attachments)
        .set({ avisId })
        .where(
          and(
            eq(attachments.id, values.attachmentId),
            eq(attachments.purpose, "avis_reponse"),
            eq(attachments.uploadedByUserId, expert.userId),
            eq(attachments.dossierId, dossier.id),
            isNull(attachments.avisId),
          ),
        )
        .returning({ id: attachments.id });
      // One file per answer: a new one replaces the earlier one.
      if (claimed) await tx.delete(attachments).where(and(ofThisAnswer, ne(attachments.id, claimed.id)));
    } else if (values.removeAttachment) {
      await tx.delete(attachments).where(ofThisAnswer);
    }
    await tx.update(dossiers).set({ updatedAt: sql`now()` }).where(eq(dossiers.id, dossier.id));
    await recordEvent(tx, {
      kind: "avis.rendu",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: "expert",
      actorUserId: expert.userId,
      payload: { avisId, expertId: expert.expertId, first },
    });
    return { ok: true as const, first };
  });
}
