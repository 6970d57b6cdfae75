import { describe, expect, it } from "vitest";
import {
  addMonths,
  closeToExpiry,
  conservationMonths,
  expirationDate,
  expiresNow,
  type ExpiryFacts,
  extensionMonths,
  extensionRefusal,
  neverTouched,
  noticeDue,
  pendingDeletionReason,
  purgeReason,
} from "./expiry";

const d = (iso: string) => new Date(iso);
const base: ExpiryFacts = {
  state: "brouillon",
  updatedAt: d("2026-01-10T10:00:00Z"),
  lastChampUpdatedAt: null,
  identityUpdatedAt: null,
  enConstructionAt: null,
  processedAt: null,
  dureeConservation: 12,
  conservationExtension: 0,
  expirationNoticeSentAt: null,
};

describe("expiry date", () => {
  it("adds months as PostgreSQL does, clamping to the month's end", () => {
    expect(addMonths(d("2026-01-31T08:00:00Z"), 1).toISOString()).toBe("2026-02-28T08:00:00.000Z");
    expect(addMonths(d("2026-11-15T08:00:00Z"), 3).toISOString()).toBe("2027-02-15T08:00:00.000Z");
  });

  it("a brouillon runs from its last change of champs or identity, at most 3 months", () => {
    const champ = { ...base, lastChampUpdatedAt: d("2026-02-01T00:00:00Z"), identityUpdatedAt: d("2026-01-20T00:00:00Z") };
    expect(expirationDate(champ)?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(conservationMonths(champ)).toBe(3);
    expect(conservationMonths({ ...champ, dureeConservation: 2 })).toBe(2);
  });

  it("a never-touched brouillon runs from its last update", () => {
    expect(expirationDate(base)?.toISOString()).toBe("2026-04-10T10:00:00.000Z");
  });

  it("en construction runs from its submission, with the démarche's whole durée", () => {
    const dossier = { ...base, state: "en_construction" as const, enConstructionAt: d("2026-01-15T00:00:00Z") };
    expect(expirationDate(dossier)?.toISOString()).toBe("2027-01-15T00:00:00.000Z");
  });

  it("en instruction never expires", () => {
    expect(expirationDate({ ...base, state: "en_instruction", enConstructionAt: d("2026-01-15T00:00:00Z") })).toBeNull();
  });

  it("a decided dossier runs from its decision", () => {
    for (const state of ["accepte", "refuse", "sans_suite"] as const) {
      const dossier = { ...base, state, processedAt: d("2026-03-01T00:00:00Z"), dureeConservation: 6 };
      expect(expirationDate(dossier)?.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    }
  });

  it("extensions add months", () => {
    const dossier = { ...base, state: "accepte" as const, processedAt: d("2026-03-01T00:00:00Z"), conservationExtension: 13 };
    expect(expirationDate(dossier)?.toISOString()).toBe("2028-04-01T00:00:00.000Z");
    expect(conservationMonths({ state: "brouillon", dureeConservation: 12, conservationExtension: 12 })).toBe(15);
  });

  it("once the notice is sent, the dossier expires 2 weeks later (the grace period)", () => {
    const dossier = {
      ...base,
      state: "en_construction" as const,
      enConstructionAt: d("2025-01-01T00:00:00Z"),
      expirationNoticeSentAt: d("2026-06-01T01:00:00Z"),
    };
    expect(expirationDate(dossier)?.toISOString()).toBe("2026-06-15T01:00:00.000Z");
  });
});

describe("notice and expiry", () => {
  const now = d("2026-06-01T00:00:00Z");
  it("the notice is due 2 weeks before, once", () => {
    expect(noticeDue(d("2026-06-15T00:00:00Z"), null, now)).toBe(true);
    expect(noticeDue(d("2026-06-15T00:00:01Z"), null, now)).toBe(false);
    expect(noticeDue(d("2026-05-01T00:00:00Z"), null, now)).toBe(true);
    expect(noticeDue(d("2026-06-10T00:00:00Z"), d("2026-05-27T00:00:00Z"), now)).toBe(false);
    expect(noticeDue(null, null, now)).toBe(false);
  });

  it("a dossier expires only after its notice, at its date", () => {
    expect(expiresNow(d("2026-05-31T00:00:00Z"), null, now)).toBe(false);
    expect(expiresNow(d("2026-05-31T00:00:00Z"), d("2026-05-17T00:00:00Z"), now)).toBe(true);
    expect(expiresNow(d("2026-06-02T00:00:00Z"), d("2026-05-19T00:00:00Z"), now)).toBe(false);
  });

  it("close to expiry within 2 weeks", () => {
    expect(closeToExpiry(d("2026-06-14T00:00:00Z"), now)).toBe(true);
    expect(closeToExpiry(d("2026-07-14T00:00:00Z"), now)).toBe(false);
    expect(closeToExpiry(null, now)).toBe(false);
  });
});

describe("extension (« conserver plus longtemps »)", () => {
  const now = d("2026-06-01T00:00:00Z");
  const close = {
    state: "accepte" as const,
    expiredAt: d("2026-06-10T00:00:00Z"),
    hiddenByUserAt: null,
    hiddenByAdministrationAt: null,
    hiddenByExpiredAt: null,
  };
  it("is allowed close to expiry, for the usager and an instructeur", () => {
    expect(extensionRefusal(close, "usager", now)).toBeNull();
    expect(extensionRefusal(close, "instructeur", now)).toBeNull();
  });
  it("is refused far from expiry, en instruction, or when deleted", () => {
    expect(extensionRefusal({ ...close, expiredAt: d("2026-09-01T00:00:00Z") }, "usager", now)).toBe("expiry_not_close");
    expect(extensionRefusal({ ...close, state: "en_instruction", expiredAt: null }, "usager", now)).toBe("expiry_never");
    expect(extensionRefusal({ ...close, hiddenByUserAt: now }, "usager", now)).toBe("expiry_deleted");
    expect(extensionRefusal({ ...close, hiddenByAdministrationAt: now }, "instructeur", now)).toBe("expiry_deleted");
  });
  it("an instructeur does not extend brouillons (they never see them)", () => {
    expect(extensionRefusal({ ...close, state: "brouillon" }, "instructeur", now)).toBe("expiry_never");
    expect(extensionRefusal({ ...close, state: "brouillon" }, "usager", now)).toBeNull();
  });
  it("an expired dossier not yet purged may be extended (which restores it)", () => {
    expect(
      extensionRefusal(
        { ...close, expiredAt: d("2026-05-20T00:00:00Z"), hiddenByExpiredAt: d("2026-05-20T00:00:00Z") },
        "usager",
        now,
      ),
    ).toBeNull();
  });
  it("adds the démarche's durée for the usager, 1 month for an instructeur", () => {
    expect(extensionMonths("usager", 12)).toBe(12);
    expect(extensionMonths("instructeur", 12)).toBe(1);
  });
});

describe("purge (double deletion)", () => {
  const now = d("2026-06-30T00:00:00Z");
  const old = d("2026-06-10T00:00:00Z");
  const recent = d("2026-06-25T00:00:00Z");
  const none = { hiddenByUserAt: null, hiddenByAdministrationAt: null, hiddenByExpiredAt: null };
  it("brouillons and en construction: 2 weeks after their usager deleted them or they expired", () => {
    for (const state of ["brouillon", "en_construction"] as const) {
      expect(purgeReason({ state, ...none, hiddenByUserAt: old }, now)).toBe("user_request");
      expect(purgeReason({ state, ...none, hiddenByUserAt: recent }, now)).toBeNull();
      expect(purgeReason({ state, ...none, hiddenByExpiredAt: old }, now)).toBe("expired");
      expect(purgeReason({ state, ...none }, now)).toBeNull();
    }
  });
  it("decided: only when both sides deleted it, or it expired", () => {
    expect(purgeReason({ state: "accepte", ...none, hiddenByUserAt: old }, now)).toBeNull();
    expect(purgeReason({ state: "refuse", ...none, hiddenByAdministrationAt: old }, now)).toBeNull();
    expect(purgeReason({ state: "accepte", ...none, hiddenByUserAt: old, hiddenByAdministrationAt: recent }, now)).toBeNull();
    expect(
      purgeReason({ state: "accepte", ...none, hiddenByUserAt: old, hiddenByAdministrationAt: d("2026-06-01T00:00:00Z") }, now),
    ).toBe("user_request");
    expect(
      purgeReason(
        { state: "sans_suite", ...none, hiddenByUserAt: d("2026-06-01T00:00:00Z"), hiddenByAdministrationAt: old },
        now,
      ),
    ).toBe("instructeur_request");
    expect(purgeReason({ state: "accepte", ...none, hiddenByExpiredAt: old }, now)).toBe("expired");
  });
  it("en instruction is never purged", () => {
    expect(purgeReason({ state: "en_instruction", ...none, hiddenByExpiredAt: old, hiddenByUserAt: old }, now)).toBeNull();
  });
  it("the pending reason of a hidden dossier", () => {
    expect(pendingDeletionReason({ state: "accepte", ...none, hiddenByExpiredAt: old })).toBe("expired");
    expect(pendingDeletionReason({ state: "accepte", ...none, hiddenByAdministrationAt: old })).toBe("instructeur_request");
    expect(pendingDeletionReason({ state: "accepte", ...none, hiddenByUserAt: old })).toBe("user_request");
  });
});

describe("never-touched brouillons", () => {
  const now = d("2026-06-30T00:00:00Z");
  it("deleted 2 weeks after creation when nothing was ever filled", () => {
    const b = {
      state: "brouillon" as const,
      createdAt: d("2026-06-01T00:00:00Z"),
      lastChampUpdatedAt: null,
      identityUpdatedAt: null,
    };
    expect(neverTouched(b, now)).toBe(true);
    expect(neverTouched({ ...b, createdAt: d("2026-06-20T00:00:00Z") }, now)).toBe(false);
    expect(neverTouched({ ...b, lastChampUpdatedAt: d("2026-06-02T00:00:00Z") }, now)).toBe(false);
    expect(neverTouched({ ...b, identityUpdatedAt: d("2026-06-02T00:00:00Z") }, now)).toBe(false);
    expect(neverTouched({ ...b, state: "en_construction" }, now)).toBe(false);
  });
});
