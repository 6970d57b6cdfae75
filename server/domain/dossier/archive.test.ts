import { describe, expect, it } from "vitest";
import { archiveRefusal, messagerieOpen } from "./archive";

const termine = { state: "accepte" as const, archived: false, hiddenByAdministrationAt: null };

describe("archiveRefusal", () => {
  it("refuses every action on a dossier not terminé", () => {
    for (const state of ["brouillon", "en_construction", "en_instruction"] as const) {
      for (const action of ["archiver", "desarchiver", "supprimer", "restaurer"] as const) {
        expect(archiveRefusal(action, { ...termine, state })).toBe("not_termine");
      }
    }
  });

  it("archives a terminé dossier once, unarchives an archived one", () => {
    expect(archiveRefusal("archiver", termine)).toBeNull();
    expect(archiveRefusal("archiver", { ...termine, archived: true })).toBe("already_archived");
    expect(archiveRefusal("desarchiver", termine)).toBe("not_archived");
    expect(archiveRefusal("desarchiver", { ...termine, state: "refuse", archived: true })).toBeNull();
  });

  it("puts in the corbeille once and restores from it; no archiving in the corbeille", () => {
    const deleted = { ...termine, hiddenByAdministrationAt: new Date() };
    expect(archiveRefusal("supprimer", { ...termine, state: "sans_suite" })).toBeNull();
    expect(archiveRefusal("supprimer", deleted)).toBe("already_deleted");
    expect(archiveRefusal("restaurer", termine)).toBe("not_deleted");
    expect(archiveRefusal("restaurer", deleted)).toBeNull();
    expect(archiveRefusal("archiver", deleted)).toBe("in_corbeille");
  });

  it("closes the messagerie of archived and deleted dossiers", () => {
    expect(messagerieOpen(termine)).toBe(true);
    expect(messagerieOpen({ ...termine, archived: true })).toBe(false);
    expect(messagerieOpen({ ...termine, hiddenByAdministrationAt: new Date() })).toBe(false);
  });
});
