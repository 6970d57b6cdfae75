/**
 * Demander un avis: an instructeur of the dossier (or an expert of a shared avis, when allowed)
 * asks one or more people for their opinion. Each address gets an avis and, through the
 * `avis.demande` reaction, one e-mail: an invitation to create their expert account when they have
 * none, a sign-in link otherwise. Refused when the démarche does not allow experts, an address is
 * invalid or (restricted démarche) not on the administrateur's list or removed from it, or the
 * dossier is decided. Nothing changes on refusal.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { LOCALES } from "../../../common/i18n";
import type { Db, Tx } from "../../db/client";
import { attachments, avis, dossiers, expertsProcedures, users, experts } from "../../db/schema";
import { AVIS_INTRODUCTION_MAX, AVIS_QUESTION_MAX, expertMayInvite, requestBlocker } from "../../domain/avis/rules";
import { recordEvent } from "../../events/record-event";
import { findExpertAvis } from "../../lookups/scoped-avis";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { NotFoundError } from "../../errors";
import { type OperationResult, refuse, type Refusal } from "../../refusal";
import { followInTx } from "../dossiers/follow-dossier";
import { parseEmails } from "./email-candidates";
import { ensureExpert, ensureExpertProcedure } from "./expert-account";

export type AvisClaimant =
  | { kind: "instructeur"; userId: number; instructeurId: number; demarcheId: number; dossierId: number }
  | { kind: "expert"; userId: number; expertId: number; avisId: number };

const ZRequest = z.object({
  emails: z.string(),
  introduction: z.string().trim(),
  confidentiel: z.boolean(),
  annotationsVisible: z.boolean(),
  withQuestion: z.boolean(),
  questionLabel: z.string().trim(),
  /** A file the same user uploaded for this request (the upload layer's `avis_introduction` row). */
  attachmentId: z.uuid().nullable(),
  locale: z.enum(LOCALES),
});

export type RequestAvisInput = z.input<typeof ZRequest>;

export async function requestAvis(
  db: Db,
  claimant: AvisClaimant,
  input: RequestAvisInput,
): Promise<OperationResult<{ avisIds: number[]; dossierId: number }>> {
  const parsed = ZRequest.safeParse(input);
  if (!parsed.success) return refuse("invalid", "form");
  const values = parsed.data;

  return db.transaction(async (tx) => {
    // Scope first: out of scope is a 404 whatever the form holds.
    const { dossier, demarche, asExpert } = await findTarget(tx, claimant);
    const refusals: Refusal[] = [];
    const emails = parseEmails(values.emails);
    if (!emails.ok) refusals.push(...emails.refusals);
    if (values.introduction === "") refusals.push({ code: "introduction_required", field: "introduction" });
    else if (values.introduction.length > AVIS_INTRODUCTION_MAX)
      refusals.push({ code: "introduction_too_long", field: "introduction", params: { max: String(AVIS_INTRODUCTION_MAX) } });
    if (values.withQuestion && values.questionLabel === "")
      refusals.push({ code: "question_label_required", field: "questionLabel" });
    else if (values.questionLabel.length > AVIS_QUESTION_MAX)
      refusals.push({ code: "question_label_too_long", field: "questionLabel", params: { max: String(AVIS_QUESTION_MAX) } });
    if (!demarche.allowExpertReview) return refuse("experts_disabled");
    if (asExpert && !expertMayInvite({ ...asExpert, allowExpertReview: demarche.allowExpertReview, state: dossier.state }))
      return refuse("expert_may_not_invite");
    const blocker = requestBlocker(dossier.state);
    if (blocker) return refuse(blocker);
    if (refusals.length > 0 || !emails.ok) return { ok: false as const, refusals };

    // Restricted démarche: only the administrateur's list; a removed expert is never asked again.
    const known = await tx
      .select({ email: users.email, revokedAt: expertsProcedures.revokedAt, listed: expertsProcedures.listedByAdministrateur })
      .from(expertsProcedures)
      .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
      .innerJoin(users, eq(users.id, experts.userId))
      .where(and(eq(expertsProcedures.demarcheId, demarche.id), inArray(users.email, emails.emails)));
    const byEmail = new Map(known.map((k) => [k.email, k]));
    const notAllowed = emails.emails.filter((email) => {
      const row = byEmail.get(email);
      if (row?.revokedAt) return true;
      return demarche.expertsRequireAdministrateurInvitation && !row?.listed;
    });
    if (notAllowed.length > 0) return refuse("email_not_listed", "emails", { emails: notAllowed.join(", ") });

    const file = values.attachmentId ? await claimableFile(tx, values.attachmentId, claimant.userId, dossier.id) : null;
    const avisIds: number[] = [];
    for (const email of emails.emails) {
      const { expertId } = await ensureExpert(tx, email, values.locale);
      const procedure = await ensureExpertProcedure(tx, expertId, demarche.id);
      const [row] = await tx
        .insert(avis)
        .values({
          dossierId: dossier.id,
          expertsProcedureId: procedure.id,
          claimantInstructeurId: claimant.kind === "instructeur" ? claimant.instructeurId : null,
          claimantExpertId: claimant.kind === "expert" ? claimant.expertId : null,
          introduction: values.introduction,
          confidentiel: values.confidentiel,
          annotationsVisible: claimant.kind === "instructeur" ? values.annotationsVisible : false,
          questionLabel: values.withQuestion ? values.questionLabel : null,
        })
        .returning({ id: avis.id });
      if (!row) throw new Error("avis insert returned no row");
      avisIds.push(row.id);
      if (file) await attachCopy(tx, file, row.id, avisIds.length === 1);
      await recordEvent(tx, {
        kind: "avis.demande",
        demarcheId: demarche.id,
        dossierId: dossier.id,
        actor: claimant.kind,
        actorUserId: claimant.userId,
        payload: { avisId: row.id, expertId, confidentiel: values.confidentiel },
      });
    }
    // As the reference: asking for an avis makes the instructeur follow the dossier.
    if (claimant.kind === "instructeur") {
      await followInTx(tx, { instructeurId: claimant.instructeurId, userId: claimant.userId }, dossier);
    }
    await tx.update(dossiers).set({ updatedAt: sql`now()` }).where(eq(dossiers.id, dossier.id));
    return { ok: true as const, avisIds, dossierId: dossier.id };
  });
}

async function findTarget(tx: Tx, claimant: AvisClaimant) {
  if (claimant.kind === "instructeur") {
    const found = await findInstructeurDossier(tx, claimant.instructeurId, claimant.dossierId, true);
    if (found.dossier.demarcheId !== claimant.demarcheId) throw new NotFoundError("Dossier");
    return { ...found, asExpert: null };
  }
  const found = await findExpertAvis(tx, claimant.expertId, claimant.avisId);
  const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, found.dossier.id)).for("update");
  if (!dossier) throw new NotFoundError("Dossier");
  return {
    dossier,
    demarche: found.demarche,
    asExpert: { confidentiel: found.avis.confidentiel, revoked: found.avis.revokedAt !== null },
  };
}

/** The uploaded file if this user uploaded it for an avis of this dossier and it is not attached yet. */
async function claimableFile(tx: Tx, attachmentId: string, userId: number, dossierId: number) {
  const [file] = await tx
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.purpose, "avis_introduction"),
        eq(attachments.uploadedByUserId, userId),
        eq(attachments.dossierId, dossierId),
        isNull(attachments.avisId),
      ),
    )
    .limit(1);
  return file ?? null;
}

/** The first avis takes the uploaded row; the others a copy sharing its bytes. */
async function attachCopy(tx: Tx, file: typeof attachments.$inferSelect, avisId: number, first: boolean) {
  if (first) {
    await tx.update(attachments).set({ avisId }).where(eq(attachments.id, file.id));
    return;
  }
  const { id: _id, createdAt: _createdAt, ...copy } = file;
  await tx.insert(attachments).values({ ...copy, avisId });
}
