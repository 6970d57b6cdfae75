import { describe, expect, it } from "vitest";
import { cloneDureeConservation, cloneLibelle, effectiveCloneOptions } from "./clone-options";
import {
  checkClosingDate,
  draftReminderClosingDay,
  checkReplacement,
  corbeilleCutoff,
  isClosingDue,
  mayClose,
  mayDiscard,
  mayRestore,
  maySetClosingDate,
  mayUnpublish,
  stateAfterDiscard,
} from "./lifecycle";
import { DEMARCHE_MODELS, parseDemarcheModel } from "./models";

const published = { state: "publiee" as const, hiddenAt: null };
const now = new Date("2026-12-07T12:00:00Z");

describe("lifecycle rules", () => {
  it("closes and unpublishes only a published démarche", () => {
    expect(mayClose(published)).toBe(true);
    expect(mayUnpublish(published)).toBe(true);
    for (const state of ["brouillon", "close", "depubliee"] as const) {
      expect(mayClose({ state, hiddenAt: null })).toBe(false);
      expect(mayUnpublish({ state, hiddenAt: null })).toBe(false);
    }
    expect(mayClose({ ...published, hiddenAt: now })).toBe(false);
  });

  it("sets a closing date on a brouillon or published démarche", () => {
    expect(maySetClosingDate({ state: "brouillon", hiddenAt: null })).toBe(true);
    expect(maySetClosingDate(published)).toBe(true);
    expect(maySetClosingDate({ state: "close", hiddenAt: null })).toBe(false);
  });

  it("deletes a brouillon always, a published démarche only without dossier en instruction", () => {
    expect(mayDiscard({ state: "brouillon", hiddenAt: null }, 3)).toBe(true);
    expect(mayDiscard(published, 0)).toBe(true);
    expect(mayDiscard(published, 1)).toBe(false);
    expect(mayDiscard({ state: "close", hiddenAt: null }, 2)).toBe(false);
    expect(mayDiscard({ ...published, hiddenAt: now }, 0)).toBe(false);
    expect(mayRestore({ ...published, hiddenAt: now })).toBe(true);
    expect(mayRestore(published)).toBe(false);
    expect(stateAfterDiscard("publiee")).toBe("close");
    expect(stateAfterDiscard("brouillon")).toBe("brouillon");
    expect(corbeilleCutoff(now).toISOString()).toBe("2026-11-07T12:00:00.000Z");
  });

  it("accepts a closing date only after today (Paris)", () => {
    expect(checkClosingDate("2026-12-08", now)).toEqual({ ok: true, day: "2026-12-08" });
    expect(checkClosingDate("2026-12-07", now)).toEqual({ ok: false, code: "closing_date_past" });
    expect(checkClosingDate("2025-01-01", now)).toEqual({ ok: false, code: "closing_date_past" });
    expect(checkClosingDate("2026-02-30", now)).toEqual({ ok: false, code: "closing_date_invalid" });
    expect(checkClosingDate("demain", now)).toEqual({ ok: false, code: "closing_date_invalid" });
    // 23:30 UTC on the 7th is already the 8th in Paris.
    expect(checkClosingDate("2026-12-08", new Date("2026-12-07T23:30:00Z"))).toEqual({ ok: false, code: "closing_date_past" });
  });

  it("closes automatically on the closing day", () => {
    expect(isClosingDue({ ...published, autoArchiveOn: "2026-12-07" }, now)).toBe(true);
    expect(isClosingDue({ ...published, autoArchiveOn: "2026-12-08" }, now)).toBe(false);
    expect(isClosingDue({ ...published, autoArchiveOn: null }, now)).toBe(false);
    expect(isClosingDue({ state: "close", hiddenAt: null, autoArchiveOn: "2026-12-01" }, now)).toBe(false);
  });

  it("accepts as replacement only another published démarche of the administrateur", () => {
    expect(checkReplacement(1, { id: 2, state: "publiee", hiddenAt: null })).toEqual({ ok: true });
    expect(checkReplacement(1, null)).toEqual({ ok: false, code: "replacement_not_found" });
    expect(checkReplacement(1, { id: 1, state: "publiee", hiddenAt: null })).toEqual({ ok: false, code: "replacement_self" });
    expect(checkReplacement(1, { id: 2, state: "brouillon", hiddenAt: null })).toEqual({
      ok: false,
      code: "replacement_not_published",
    });
    expect(checkReplacement(1, { id: 2, state: "publiee", hiddenAt: now })).toEqual({ ok: false, code: "replacement_not_found" });
  });
});

describe("clone options", () => {
  it("copies everything by default", () => {
    expect(Object.values(effectiveCloneOptions(undefined, true)).every(Boolean)).toBe(true);
  });

  it("keeps the choices of the source's administrateur", () => {
    const options = effectiveCloneOptions({ instructeurs: false, labels: false }, true);
    expect(options.instructeurs).toBe(false);
    expect(options.labels).toBe(false);
    expect(options.annotations).toBe(true);
  });

  it("never copies another administration's people", () => {
    const options = effectiveCloneOptions({ administrateurs: true, instructeurs: true, experts: true }, false);
    expect(options).toMatchObject({
      administrateurs: false,
      instructeurs: false,
      experts: false,
      champs: true,
      annotations: true,
    });
  });

  it("drops the ineligibility rules with the form", () => {
    expect(effectiveCloneOptions({ champs: false }, true).ineligibilite).toBe(false);
  });

  it("names and caps the clone as the reference", () => {
    expect(cloneLibelle("Subvention", null)).toBe("Subvention (copie)");
    expect(cloneLibelle("Subvention", "  Subvention 2027 ")).toBe("Subvention 2027");
    expect(cloneLibelle("x".repeat(300), "").length).toBe(200);
    expect(cloneDureeConservation(36)).toBe(12);
    expect(cloneDureeConservation(6)).toBe(6);
  });
});

describe("model démarches", () => {
  it("ships at least five valid models", () => {
    expect(DEMARCHE_MODELS.map((m) => m.id)).toEqual([
      "subvention-association",
      "demande-autorisation",
      "inscription",
      "signalement",
      "appel-a-projets",
    ]);
    for (const model of DEMARCHE_MODELS) expect(model.champs.length).toBeGreaterThan(5);
  });

  const base = {
    id: "m",
    libelle: "M",
    description: "d",
    thematique: "t",
    cadreJuridique: "c",
    forIndividual: true,
    annotations: [],
  };

  it("refuses an unknown type, duplicate keys, bad options and impossible conditions", () => {
    expect(() => parseDemarcheModel({ ...base, champs: [{ key: "a", type: "nope", libelle: "A" }] })).toThrow();
    expect(() =>
      parseDemarcheModel({
        ...base,
        champs: [
          { key: "a", type: "text", libelle: "A" },
          { key: "a", type: "text", libelle: "B" },
        ],
      }),
    ).toThrow(/duplicate key a/);
    expect(() =>
      parseDemarcheModel({ ...base, champs: [{ key: "a", type: "drop_down_list", libelle: "A", options: { options: [] } }] }),
    ).toThrow(/options/);
    expect(() =>
      parseDemarcheModel({
        ...base,
        champs: [
          { key: "a", type: "drop_down_list", libelle: "A", options: { options: ["Oui"] } },
          { key: "b", type: "text", libelle: "B", condition: { champ: "a", equals: "Non" } },
        ],
      }),
    ).toThrow(/impossible/);
    expect(() =>
      parseDemarcheModel({
        ...base,
        champs: [{ key: "b", type: "text", libelle: "B", condition: { champ: "z", equals: true } }],
      }),
    ).toThrow(/not an earlier field/);
  });
});

describe("draftReminderClosingDay", () => {
  it("is two days after today in Paris, across months and the UTC midnight", () => {
    expect(draftReminderClosingDay(new Date("2026-03-10T06:00:00Z"))).toBe("2026-03-12");
    expect(draftReminderClosingDay(new Date("2026-02-27T06:00:00Z"))).toBe("2026-03-01");
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(draftReminderClosingDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-03");
  });
});
