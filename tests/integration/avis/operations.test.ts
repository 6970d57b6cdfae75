/**
 * The avis d'experts operations against the real database: each operation, each refusal (nothing
 * changes), the e-mails as reactions to their events, and the scopes (another instructeur, another
 * expert, a revoked expert: 404 and nothing changes).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avis, demarches, experts, users } from "../../../server/db/schema";
import { REMIND_INTERVAL_MS } from "../../../server/domain/avis/rules";
import { NotFoundError } from "../../../server/errors";
import { renderMail } from "../../../server/mail/templates";
import { answerAvis } from "../../../server/operations/avis/answer-avis";
import { remindAvis } from "../../../server/operations/avis/remind-avis";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { revokeAvis } from "../../../server/operations/avis/revoke-avis";
import { addDemarcheExperts } from "../../../server/operations/demarches/add-demarche-experts";
import { updateDemarcheExpert } from "../../../server/operations/demarches/update-demarche-expert";
import { updateExpertsSettings } from "../../../server/operations/demarches/update-experts-settings";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { answeredAvisSince } from "../../../server/queries/instructeur/avis";
import { listExpertAvis, loadExpertAvis } from "../../../server/queries/expert/avis";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { avisEvents, avisSetup, avisSnapshot, expertUser, mailJobs, otherInstructeur, requestInput } from "./helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const ok = <T extends { ok: boolean }>(result: T) => {
  expect(result).toMatchObject({ ok: true });
  return result as Extract<T, { ok: true }>;
};
const codes = (result: { ok: boolean; refusals?: { code: string }[] }) =>
  result.ok ? [] : (result.refusals ?? []).map((r) => r.code);

async function requested(emails: string, extra: Record<string, unknown> = {}) {
  const db = database.db;
  const setup = await avisSetup(db);
  const result = ok(
    await requestAvis(
      db,
      { kind: "instructeur", ...setup.instructeur, demarcheId: setup.demarche.id, dossierId: setup.dossierId },
      requestInput(emails, extra),
    ),
  );
  return { ...setup, avisIds: result.avisIds };
}

describe("requesting an avis", () => {
  it("creates the avis, an expert account without password for a new address, and an invitation e-mail", async () => {
    const db = database.db;
    const { dossierId, avisIds, instructeur } = await requested("nouvelle.experte@exemple.fr, Autre.Expert@exemple.fr");
    expect(avisIds).toHaveLength(2);
    const [account] = await db.select().from(users).where(eq(users.email, "nouvelle.experte@exemple.fr"));
    expect(account?.passwordHash).toBeNull();
    const [profile] = await db
      .select()
      .from(experts)
      .where(eq(experts.userId, account?.id as number));
    expect(profile).toBeDefined();
    const mails = (await mailJobs(db)).filter((m) => m.template === "avis_request" && m.params.dossierNumber === dossierId);
    expect(mails.map((m) => m.to).sort()).toEqual(["autre.expert@exemple.fr", "nouvelle.experte@exemple.fr"]);
    expect(mails[0]?.params.invitationToken).toEqual(expect.any(String));
    expect(mails[0]?.params.claimantEmail).toBe(instructeur.email);
    const kinds = (await avisEvents(db, dossierId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "avis.demande")).toHaveLength(2);
    // The e-mail links to the invitation page, then the avis; it never quotes the request.
    const mail = mails[0] as { params: Record<string, unknown> };
    const rendered = renderMail("avis_request", mail.params, { locale: "fr", appUrl: "https://guichet.test" });
    expect(rendered.text).toContain("/users/invitation?token=");
    expect(rendered.text).toContain("redirect_to=%2Favis%2F");
    expect(rendered.text).not.toContain("devis");
  });

  it("sends a sign-in link (no invitation) to an expert who has an account", async () => {
    const db = database.db;
    const expert = await expertUser(db);
    const { avisIds } = await requested(expert.email);
    const mail = (await mailJobs(db)).find((m) => m.template === "avis_request" && m.params.avisId === avisIds[0]);
    expect(mail?.params.invitationToken).toBeNull();
  });

  it("refuses invalid input with one message per field, and nothing changes", async () => {
    const db = database.db;
    const setup = await avisSetup(db);
    const claimant = {
      kind: "instructeur" as const,
      ...setup.instructeur,
      demarcheId: setup.demarche.id,
      dossierId: setup.dossierId,
    };
    const before = await avisSnapshot(db);
    const result = await requestAvis(db, claimant, requestInput("pas-une-adresse", { introduction: " ", withQuestion: true }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.refusals).toEqual(
      expect.arrayContaining([
        { code: "emails_invalid", field: "emails", params: { emails: "pas-une-adresse" } },
        { code: "introduction_required", field: "introduction" },
        { code: "question_label_required", field: "questionLabel" },
      ]),
    );
    expect(codes(await requestAvis(db, claimant, requestInput("")))).toEqual(["emails_required"]);
    expect(await avisSnapshot(db)).toEqual(before);
  });

  it("is refused when the démarche does not allow experts, or outside its list when restricted", async () => {
    const db = database.db;
    const setup = await avisSetup(db);
    const admin = { administrateurId: setup.administrateurId, userId: setup.admin.userId };
    const claimant = {
      kind: "instructeur" as const,
      ...setup.instructeur,
      demarcheId: setup.demarche.id,
      dossierId: setup.dossierId,
    };
    await updateExpertsSettings(db, admin, setup.demarche.id, {
      allowExpertReview: false,
      allowExpertMessaging: true,
      expertsRequireAdministrateurInvitation: false,
    });
    let before = await avisSnapshot(db);
    expect(codes(await requestAvis(db, claimant, requestInput("a@exemple.fr")))).toEqual(["experts_disabled"]);
    expect(await avisSnapshot(db)).toEqual(before);

    await updateExpertsSettings(db, admin, setup.demarche.id, {
      allowExpertReview: true,
      allowExpertMessaging: true,
      expertsRequireAdministrateurInvitation: true,
    });
    ok(
      await addDemarcheExperts(db, admin, setup.demarche.id, {
        emails: "listee@exemple.fr",
        allowDecisionAccess: false,
        locale: "fr",
      }),
    );
    before = await avisSnapshot(db);
    const refused = await requestAvis(db, claimant, requestInput("listee@exemple.fr hors-liste@exemple.fr"));
    expect(refused.ok ? [] : refused.refusals).toEqual([
      { code: "email_not_listed", field: "emails", params: { emails: "hors-liste@exemple.fr" } },
    ]);
    expect(await avisSnapshot(db)).toEqual(before);
    ok(await requestAvis(db, claimant, requestInput("listee@exemple.fr")));

    // A removed expert is never asked again, restricted or not.
    const { experts: listed } = await import("../../../server/queries/admin/experts").then((m) =>
      m.loadDemarcheExperts(db, setup.administrateurId, setup.demarche.id),
    );
    await updateDemarcheExpert(db, admin, setup.demarche.id, listed[0]?.id as number, { revoke: true });
    await updateExpertsSettings(db, admin, setup.demarche.id, {
      allowExpertReview: true,
      allowExpertMessaging: true,
      expertsRequireAdministrateurInvitation: false,
    });
    expect(codes(await requestAvis(db, claimant, requestInput("listee@exemple.fr")))).toEqual(["email_not_listed"]);
  });

  it("is refused on a decided dossier", async () => {
    const db = database.db;
    const setup = await avisSetup(db);
    await accepterDossier(db, setup.instructeur, setup.dossierId, "Complet");
    const claimant = {
      kind: "instructeur" as const,
      ...setup.instructeur,
      demarcheId: setup.demarche.id,
      dossierId: setup.dossierId,
    };
    const before = await avisSnapshot(db);
    expect(codes(await requestAvis(db, claimant, requestInput("a@exemple.fr")))).toEqual(["dossier_termine"]);
    expect(await avisSnapshot(db)).toEqual(before);
  });

  it("is a 404 for an instructeur of another démarche, and nothing changes", async () => {
    const db = database.db;
    const setup = await avisSetup(db);
    const stranger = await otherInstructeur(db);
    const before = await avisSnapshot(db);
    await expect(
      requestAvis(
        db,
        { kind: "instructeur", ...stranger, demarcheId: setup.demarche.id, dossierId: setup.dossierId },
        requestInput("a@exemple.fr"),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await avisSnapshot(db)).toEqual(before);
  });
});

describe("answering an avis", () => {
  it("records the answer and the yes/no answer, tells the instructeur once, and may be changed until the decision", async () => {
    const db = database.db;
    const expert = await expertUser(db);
    const { avisIds, instructeur, dossierId } = await requested(expert.email, {
      withQuestion: true,
      questionLabel: "Le devis est-il conforme ?",
    });
    const avisId = avisIds[0] as number;
    const me = { expertId: expert.expertId, userId: expert.userId };
    const missing = await answerAvis(db, me, avisId, {
      answer: "",
      questionAnswer: "",
      attachmentId: null,
      removeAttachment: false,
    });
    expect(codes(missing).sort()).toEqual(["answer_required", "question_answer_required"]);

    ok(
      await answerAvis(db, me, avisId, {
        answer: "Conforme.",
        questionAnswer: "oui",
        attachmentId: null,
        removeAttachment: false,
      }),
    );
    const [first] = await db.select().from(avis).where(eq(avis.id, avisId));
    expect(first).toMatchObject({ answer: "Conforme.", questionAnswer: true });
    ok(
      await answerAvis(db, me, avisId, {
        answer: "Conforme, sous réserve.",
        questionAnswer: "non",
        attachmentId: null,
        removeAttachment: false,
      }),
    );
    const [second] = await db.select().from(avis).where(eq(avis.id, avisId));
    expect(second).toMatchObject({ answer: "Conforme, sous réserve.", questionAnswer: false, answeredAt: first?.answeredAt });
    const answered = (await mailJobs(db)).filter((m) => m.template === "avis_answered" && m.params.dossierNumber === dossierId);
    expect(answered.map((m) => m.to)).toEqual([instructeur.email]);

    await accepterDossier(db, instructeur, dossierId, null);
    const before = await avisSnapshot(db);
    expect(
      codes(
        await answerAvis(db, me, avisId, {
          answer: "Trop tard",
          questionAnswer: "oui",
          attachmentId: null,
          removeAttachment: false,
        }),
      ),
    ).toEqual(["dossier_termine"]);
    expect(await avisSnapshot(db)).toEqual(before);
  });

  it("is a 404 for another expert and for a revoked avis, and nothing changes", async () => {
    const db = database.db;
    const expert = await expertUser(db);
    const other = await expertUser(db);
    const { avisIds, instructeur, demarche, dossierId } = await requested(expert.email);
    const avisId = avisIds[0] as number;
    const input = { answer: "Avis", questionAnswer: "", attachmentId: null, removeAttachment: false } as const;
    const before = await avisSnapshot(db);
    await expect(answerAvis(db, { expertId: other.expertId, userId: other.userId }, avisId, input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await avisSnapshot(db)).toEqual(before);

    ok(await revokeAvis(db, instructeur, { demarcheId: demarche.id, dossierId, avisId }));
    const revoked = await avisSnapshot(db);
    await expect(answerAvis(db, { expertId: expert.expertId, userId: expert.userId }, avisId, input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(loadExpertAvis(db, expert.expertId, avisId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listExpertAvis(db, expert.expertId)).toEqual([]);
    expect(await avisSnapshot(db)).toEqual(revoked);
  });
});

describe("reminding and revoking", () => {
  it("reminds at most once per 24 hours, with one e-mail", async () => {
    const db = database.db;
    const expert = await expertUser(db);
    const { avisIds, instructeur, demarche, dossierId } = await requested(expert.email);
    const target = { demarcheId: demarche.id, dossierId, avisId: avisIds[0] as number };
    const now = new Date();
    ok(await remindAvis(db, instructeur, target, now));
    const before = await avisSnapshot(db);
    const tooSoon = await remindAvis(db, instructeur, target, new Date(now.getTime() + 60_000));
    expect(codes(tooSoon)).toEqual(["remind_too_soon"]);
    expect(await avisSnapshot(db)).toEqual(before);
    ok(await remindAvis(db, instructeur, target, new Date(now.getTime() + REMIND_INTERVAL_MS)));
    const reminders = (await mailJobs(db)).filter(
      (m) => m.template === "avis_request" && m.params.kind === "relance" && m.params.avisId === target.avisId,
    );
    expect(reminders).toHaveLength(2);
  });

  it("neither reminds nor revokes an answered avis; another démarche's instructeur gets 404", async () => {
    const db = database.db;
    const expert = await expertUser(db);
    const { avisIds, instructeur, demarche, dossierId } = await requested(expert.email);
    const target = { demarcheId: demarche.id, dossierId, avisId: avisIds[0] as number };
    const stranger = await otherInstructeur(db);
    await expect(remindAvis(db, stranger, target)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeAvis(db, stranger, target)).rejects.toBeInstanceOf(NotFoundError);
    ok(
      await answerAvis(db, expert, target.avisId, {
        answer: "Oui",
        questionAnswer: "",
        attachmentId: null,
        removeAttachment: false,
      }),
    );
    const before = await avisSnapshot(db);
    expect(codes(await remindAvis(db, instructeur, target))).toEqual(["avis_already_answered"]);
    expect(codes(await revokeAvis(db, instructeur, target))).toEqual(["avis_already_answered"]);
    expect(await avisSnapshot(db)).toEqual(before);
  });
});

describe("confidentiality, decisions and badges", () => {
  it("hides a confidential answer from another expert of the dossier", async () => {
    const db = database.db;
    const secret = await expertUser(db);
    const colleague = await expertUser(db);
    const setup = await avisSetup(db);
    const claimant = {
      kind: "instructeur" as const,
      ...setup.instructeur,
      demarcheId: setup.demarche.id,
      dossierId: setup.dossierId,
    };
    const confidential = ok(await requestAvis(db, claimant, requestInput(secret.email, { confidentiel: true })));
    const shared = ok(await requestAvis(db, claimant, requestInput(colleague.email)));
    const answer = { questionAnswer: "", attachmentId: null, removeAttachment: false } as const;
    ok(await answerAvis(db, secret, confidential.avisIds[0] as number, { ...answer, answer: "Réponse confidentielle" }));
    ok(await answerAvis(db, colleague, shared.avisIds[0] as number, { ...answer, answer: "Réponse partagée" }));
    const seenByColleague = await loadExpertAvis(db, colleague.expertId, shared.avisIds[0] as number);
    expect(JSON.stringify(seenByColleague)).not.toContain("Réponse confidentielle");
    expect(seenByColleague.others[0]).toMatchObject({ answer: null, confidentiel: true });
    const seenBySecret = await loadExpertAvis(db, secret.expertId, confidential.avisIds[0] as number);
    expect(seenBySecret.others[0]?.answer).toBe("Réponse partagée");
    // Only a shared avis lets its expert ask another one.
    expect(seenBySecret.canInvite).toBe(false);
    expect(seenByColleague.canInvite).toBe(true);
    const before = await avisSnapshot(db);
    expect(
      codes(
        await requestAvis(
          db,
          { kind: "expert", userId: secret.userId, expertId: secret.expertId, avisId: confidential.avisIds[0] as number },
          requestInput("x@exemple.fr"),
        ),
      ),
    ).toEqual(["expert_may_not_invite"]);
    expect(await avisSnapshot(db)).toEqual(before);
    ok(
      await requestAvis(
        db,
        { kind: "expert", userId: colleague.userId, expertId: colleague.expertId, avisId: shared.avisIds[0] as number },
        requestInput("troisieme@exemple.fr"),
      ),
    );
  });

  it("e-mails the final decision to the experts who answered, only when the administrateur allows it", async () => {
    const db = database.db;
    const notified = await expertUser(db);
    const silent = await expertUser(db);
    const setup = await avisSetup(db);
    const admin = { administrateurId: setup.administrateurId, userId: setup.admin.userId };
    ok(
      await addDemarcheExperts(db, admin, setup.demarche.id, { emails: notified.email, allowDecisionAccess: true, locale: "fr" }),
    );
    const claimant = {
      kind: "instructeur" as const,
      ...setup.instructeur,
      demarcheId: setup.demarche.id,
      dossierId: setup.dossierId,
    };
    const { avisIds } = ok(await requestAvis(db, claimant, requestInput(`${notified.email}, ${silent.email}`)));
    const answer = { answer: "Favorable", questionAnswer: "", attachmentId: null, removeAttachment: false } as const;
    ok(await answerAvis(db, notified, avisIds[0] as number, answer));
    ok(await answerAvis(db, silent, avisIds[1] as number, answer));
    ok(await accepterDossier(db, setup.instructeur, setup.dossierId, "Motif interne"));
    const decisions = (await mailJobs(db)).filter(
      (m) => m.template === "avis_decision" && m.params.dossierNumber === setup.dossierId,
    );
    expect(decisions.map((m) => m.to)).toEqual([notified.email]);
    expect(JSON.stringify(decisions)).not.toContain("Motif interne");
  });

  it("answeredAvisSince counts answered avis from the events, per dossier the instructeur sees", async () => {
    const db = database.db;
    const expert = await expertUser(db);
    const { avisIds, instructeur, dossierId } = await requested(expert.email);
    const before = new Date(Date.now() - 1000);
    expect(await answeredAvisSince(db, instructeur.instructeurId, [dossierId], before)).toEqual(new Map());
    ok(
      await answerAvis(db, expert, avisIds[0] as number, {
        answer: "Oui",
        questionAnswer: "",
        attachmentId: null,
        removeAttachment: false,
      }),
    );
    expect(await answeredAvisSince(db, instructeur.instructeurId, [dossierId], before)).toEqual(new Map([[dossierId, 1]]));
    expect(await answeredAvisSince(db, instructeur.instructeurId, [dossierId], new Date(Date.now() + 60_000))).toEqual(new Map());
    const stranger = await otherInstructeur(db);
    expect(await answeredAvisSince(db, stranger.instructeurId, [dossierId], before)).toEqual(new Map());
  });
});

describe("administrateur settings", () => {
  it("changes only the administrateur's own démarches (404 otherwise)", async () => {
    const db = database.db;
    const setup = await avisSetup(db);
    const other = await avisSetup(db);
    const intruder = { administrateurId: other.administrateurId, userId: other.admin.userId };
    await expect(
      updateExpertsSettings(db, intruder, setup.demarche.id, {
        allowExpertReview: false,
        allowExpertMessaging: true,
        expertsRequireAdministrateurInvitation: true,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addDemarcheExperts(db, intruder, setup.demarche.id, { emails: "x@exemple.fr", allowDecisionAccess: true, locale: "fr" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(demarches).where(eq(demarches.id, setup.demarche.id));
    expect(row).toMatchObject({
      allowExpertReview: true,
      allowExpertMessaging: true,
      expertsRequireAdministrateurInvitation: false,
    });
    const invalid = await addDemarcheExperts(
      db,
      { administrateurId: setup.administrateurId, userId: setup.admin.userId },
      setup.demarche.id,
      {
        emails: "nope",
        allowDecisionAccess: false,
        locale: "fr",
      },
    );
    expect(codes(invalid)).toEqual(["emails_invalid"]);
  });
});

describe("avis files never attached", () => {
  it("are purged after the grace period; attached ones stay", async () => {
    const { attachments } = await import("../../../server/db/schema");
    const { deleteUnreferencedAttachments } = await import("../../../server/jobs/purge-attachments.job");
    const db = database.db;
    const expert = await expertUser(db);
    const { avisIds, dossierId, instructeur } = await requested(expert.email);
    const file = (purpose: "avis_introduction" | "avis_reponse", avisId: number | null) => ({
      storageKey: `avis-test/${purpose}-${avisId}`,
      filename: "f.pdf",
      contentType: "application/pdf",
      byteSize: 1,
      checksum: "00",
      purpose,
      dossierId,
      avisId,
      uploadedByUserId: instructeur.userId,
      createdAt: new Date(Date.now() - 2 * 3600_000),
    });
    await db.insert(attachments).values([file("avis_introduction", null), file("avis_reponse", avisIds[0] as number)]);
    const deleted = await deleteUnreferencedAttachments(db);
    expect(deleted).toContain("avis-test/avis_introduction-null");
    expect(deleted).not.toContain(`avis-test/avis_reponse-${avisIds[0]}`);
  });
});

describe("the expert's read-only dossier", () => {
  it("shows the annotations privées only when the instructeur allowed it", async () => {
    const db = database.db;
    const setup = await avisSetup(db, { annotations: true });
    const expert = await expertUser(db);
    const claimant = {
      kind: "instructeur" as const,
      ...setup.instructeur,
      demarcheId: setup.demarche.id,
      dossierId: setup.dossierId,
    };
    const hidden = ok(await requestAvis(db, claimant, requestInput(expert.email)));
    const shown = ok(await requestAvis(db, claimant, requestInput(expert.email, { annotationsVisible: true })));
    const without = await loadExpertAvis(db, expert.expertId, hidden.avisIds[0] as number);
    expect(without.annotations).toBeNull();
    expect(without.form.descriptors.map((d) => d.libelle)).toContain("Nom du projet");
    const withAnnotations = await loadExpertAvis(db, expert.expertId, shown.avisIds[0] as number);
    expect(withAnnotations.annotations?.descriptors.map((d) => d.libelle)).toEqual(["Note interne"]);
  });
});
