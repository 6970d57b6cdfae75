import { describe, expect, it } from "vitest";
import type { PurgeFacts } from "./expiry";
import { usagerDeletionRefusal, usagerPurgeDate, usagerRestoreRefusal } from "./usager-deletion";

const DAY = 86_400_000;
const now = new Date("2026-06-15T10:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const facts = (over: Partial<PurgeFacts>): PurgeFacts => ({
  state: "brouillon",
  hiddenByUserAt: null,
  hiddenByAdministrationAt: null,
  hiddenByExpiredAt: null,
  ...over,
});

describe("usagerDeletionRefusal", () => {
  it("lets the usager delete a brouillon, an en construction and a decided dossier", () => {
    for (const state of ["brouillon", "en_construction", "accepte", "refuse", "sans_suite"] as const) {
      expect(usagerDeletionRefusal(facts({ state }))).toBeNull();
    }
  });
  it("refuses en instruction and a dossier already deleted or expired", () => {
    expect(usagerDeletionRefusal(facts({ state: "en_instruction" }))).toBe("delete_en_instruction");
    expect(usagerDeletionRefusal(facts({ hiddenByUserAt: ago(1) }))).toBe("delete_already_deleted");
    expect(usagerDeletionRefusal(facts({ hiddenByExpiredAt: ago(1) }))).toBe("delete_already_deleted");
  });
  it("lets the usager delete a decided dossier the administration already deleted (double deletion)", () => {
    expect(usagerDeletionRefusal(facts({ state: "accepte", hiddenByAdministrationAt: ago(3) }))).toBeNull();
  });
});

describe("usagerRestoreRefusal", () => {
  it("restores within the 2 weeks, refuses after them", () => {
    expect(usagerRestoreRefusal(facts({ hiddenByUserAt: ago(13) }), now)).toBeNull();
    expect(usagerRestoreRefusal(facts({ hiddenByUserAt: ago(14) }), now)).toBe("restore_too_late");
    expect(usagerRestoreRefusal(facts({ state: "en_construction", hiddenByUserAt: ago(20) }), now)).toBe("restore_too_late");
  });
  it("keeps a decided dossier only the usager deleted restorable", () => {
    expect(usagerRestoreRefusal(facts({ state: "refuse", hiddenByUserAt: ago(200) }), now)).toBeNull();
    expect(
      usagerRestoreRefusal(facts({ state: "refuse", hiddenByUserAt: ago(200), hiddenByAdministrationAt: ago(15) }), now),
    ).toBe("restore_too_late");
  });
  it("refuses a dossier the usager did not delete", () => {
    expect(usagerRestoreRefusal(facts({ hiddenByExpiredAt: ago(1) }), now)).toBe("restore_not_deleted");
  });
});

describe("usagerPurgeDate", () => {
  it("is 2 weeks after the deletion for a brouillon or en construction", () => {
    expect(usagerPurgeDate(facts({ hiddenByUserAt: ago(1) }))).toEqual(new Date(ago(1).getTime() + 14 * DAY));
  });
  it("waits for the administration on a decided dossier", () => {
    expect(usagerPurgeDate(facts({ state: "accepte", hiddenByUserAt: ago(1) }))).toBeNull();
    expect(usagerPurgeDate(facts({ state: "accepte", hiddenByUserAt: ago(1), hiddenByAdministrationAt: ago(5) }))).toEqual(
      new Date(ago(1).getTime() + 14 * DAY),
    );
  });
  it("is 2 weeks after the expiry", () => {
    expect(usagerPurgeDate(facts({ state: "accepte", hiddenByExpiredAt: ago(2) }))).toEqual(
      new Date(ago(2).getTime() + 14 * DAY),
    );
  });
});
