import { describe, expect, it } from "vitest";
import {
  expertMayUseMessagerie,
  answerBlocker,
  answerVisibleToExpert,
  expertMayInvite,
  remindBlocker,
  REMIND_INTERVAL_MS,
  requestBlocker,
  revokeBlocker,
} from "./rules";

const base = { answeredAt: null, revokedAt: null, remindedAt: null, createdAt: new Date("2026-01-01T10:00:00Z") };

describe("avis rules", () => {
  it("refuses requests on decided or draft dossiers", () => {
    expect(requestBlocker("en_instruction")).toBeNull();
    expect(requestBlocker("en_construction")).toBeNull();
    expect(requestBlocker("accepte")).toBe("dossier_termine");
    expect(requestBlocker("brouillon")).toBe("dossier_brouillon");
  });
  it("lets an answer change until the dossier is decided, never on a revoked avis", () => {
    expect(answerBlocker(base, "en_instruction")).toBeNull();
    expect(answerBlocker(base, "refuse")).toBe("dossier_termine");
    expect(answerBlocker({ revokedAt: new Date() }, "en_instruction")).toBe("avis_revoque");
  });
  it("reminds at most once per 24 hours, only unanswered avis", () => {
    const now = new Date("2026-01-02T10:00:00Z");
    expect(remindBlocker(base, now)).toBeNull();
    const reminded = { ...base, remindedAt: new Date(now.getTime() - REMIND_INTERVAL_MS + 1000) };
    expect(remindBlocker(reminded, now)?.code).toBe("remind_too_soon");
    expect(remindBlocker({ ...base, remindedAt: new Date(now.getTime() - REMIND_INTERVAL_MS) }, now)).toBeNull();
    expect(remindBlocker({ ...base, answeredAt: now }, now)?.code).toBe("avis_already_answered");
    expect(remindBlocker({ ...base, revokedAt: now }, now)?.code).toBe("avis_revoque");
  });
  it("revokes only unanswered avis", () => {
    expect(revokeBlocker(base)).toBeNull();
    expect(revokeBlocker({ ...base, answeredAt: new Date() })).toBe("avis_already_answered");
  });
  it("hides a confidential answer from other experts", () => {
    expect(answerVisibleToExpert({ confidentiel: true, expertId: 1 }, 1)).toBe(true);
    expect(answerVisibleToExpert({ confidentiel: true, expertId: 1 }, 2)).toBe(false);
    expect(answerVisibleToExpert({ confidentiel: false, expertId: 1 }, 2)).toBe(true);
  });
  it("lets an expert invite only on a shared avis of an undecided dossier", () => {
    const ok = { allowExpertReview: true, confidentiel: false, state: "en_instruction" as const, revoked: false };
    expect(expertMayInvite(ok)).toBe(true);
    expect(expertMayInvite({ ...ok, confidentiel: true })).toBe(false);
    expect(expertMayInvite({ ...ok, allowExpertReview: false })).toBe(false);
    expect(expertMayInvite({ ...ok, state: "accepte" })).toBe(false);
  });
});

describe("expertMayUseMessagerie", () => {
  it("opens the messagerie to the expert of a non-confidential avis when the démarche allows it", () => {
    expect(expertMayUseMessagerie({ allowExpertMessaging: true, confidentiel: false })).toBe(true);
    expect(expertMayUseMessagerie({ allowExpertMessaging: true, confidentiel: true })).toBe(false);
    expect(expertMayUseMessagerie({ allowExpertMessaging: false, confidentiel: false })).toBe(false);
  });
});
