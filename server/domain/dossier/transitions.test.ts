import { describe, expect, it } from "vitest";
import { translate } from "../../../common/i18n";
import { DOSSIER_STATES, isEnCours, isTermine, type DossierState } from "./states";
import {
  DOSSIER_EVENTS,
  DOSSIER_TRANSITIONS,
  MOTIVATION_MAX_LENGTH,
  TRANSITION_ERROR_CODES,
  availableEvents,
  instructeurEvents,
  planTransition,
  traitementEventFor,
  type DossierEvent,
} from "./transitions";

// The expected lifecycle, written independently of the table so a wrong row is caught.
const ALLOWED: Record<DossierEvent, { from: DossierState[]; to: DossierState; traitement: string }> = {
  passer_en_construction: { from: ["brouillon"], to: "en_construction", traitement: "depose" },
  passer_en_instruction: { from: ["en_construction"], to: "en_instruction", traitement: "passe_en_instruction" },
  repasser_en_construction: { from: ["en_instruction"], to: "en_construction", traitement: "repasse_en_construction" },
  accepter: { from: ["en_instruction"], to: "accepte", traitement: "accepte" },
  refuser: { from: ["en_instruction"], to: "refuse", traitement: "refuse" },
  classer_sans_suite: { from: ["en_instruction"], to: "sans_suite", traitement: "classe_sans_suite" },
  repasser_en_instruction: {
    from: ["accepte", "refuse", "sans_suite"],
    to: "en_instruction",
    traitement: "repasse_en_instruction",
  },
  deposer_modifications: { from: ["en_construction"], to: "en_construction", traitement: "depose_correction_usager" },
  repasser_en_construction_with_pending_correction: {
    from: ["en_instruction"],
    to: "en_construction",
    traitement: "repasse_en_construction",
  },
  passer_automatiquement_en_instruction: {
    from: ["en_construction"],
    to: "en_instruction",
    traitement: "passe_en_instruction_automatiquement",
  },
  accepter_automatiquement: { from: ["en_construction", "en_instruction"], to: "accepte", traitement: "accepte_automatiquement" },
  refuser_automatiquement: { from: ["en_instruction"], to: "refuse", traitement: "refuse_automatiquement" },
};

const pairs = DOSSIER_STATES.flatMap((state) => DOSSIER_EVENTS.map((event) => ({ state, event })));

describe("planTransition: every (state, event) pair", () => {
  it.each(pairs)("$event from $state", ({ state, event }) => {
    // A motivation is given so that refuser/classer_sans_suite are judged on the state alone.
    const result = planTransition({ state, event, motivation: "Pièces conformes" });
    const expected = ALLOWED[event];
    if (expected.from.includes(state)) {
      expect(result).toMatchObject({ ok: true, from: state, to: expected.to, traitementEvent: expected.traitement });
    } else {
      expect(result).toEqual({ ok: false, error: "invalid_transition" });
    }
  });
});

describe("transition table", () => {
  it("has exactly one row per event", () => {
    expect(DOSSIER_TRANSITIONS.map((t) => t.event).sort()).toEqual([...DOSSIER_EVENTS].sort());
  });

  it("maps events to the API's traitement events", () => {
    for (const event of DOSSIER_EVENTS) expect(traitementEventFor(event)).toBe(ALLOWED[event].traitement);
  });

  it("lists available events per state, in table order", () => {
    expect(availableEvents("brouillon")).toEqual(["passer_en_construction"]);
    expect(availableEvents("en_construction")).toEqual(["passer_en_instruction", "deposer_modifications"]);
    expect(availableEvents("en_instruction")).toEqual(["repasser_en_construction", "accepter", "refuser", "classer_sans_suite"]);
    for (const state of ["accepte", "refuse", "sans_suite"] as const) {
      expect(availableEvents(state)).toEqual(["repasser_en_instruction"]);
    }
  });
});

describe("guards", () => {
  it("refuses submission of an ineligible dossier", () => {
    expect(planTransition({ state: "brouillon", event: "passer_en_construction", ineligible: true })).toEqual({
      ok: false,
      error: "ineligible",
    });
  });

  it("refuses submission when the démarche takes no dossiers, before eligibility", () => {
    const closed = { state: "brouillon", event: "passer_en_construction", procedureAcceptsSubmission: false } as const;
    expect(planTransition(closed)).toEqual({ ok: false, error: "procedure_closed" });
    expect(planTransition({ ...closed, ineligible: true })).toEqual({ ok: false, error: "procedure_closed" });
  });

  it("allows submission by default and drops any motivation", () => {
    expect(planTransition({ state: "brouillon", event: "passer_en_construction", motivation: "x", ineligible: false })).toEqual({
      ok: true,
      event: "passer_en_construction",
      from: "brouillon",
      to: "en_construction",
      traitementEvent: "depose",
      motivation: null,
    });
  });

  it.each(["accepter", "refuser", "classer_sans_suite"] as const)(
    "%s is refused while an annotation privée is incomplete, before the motivation",
    (event) => {
      expect(planTransition({ state: "en_instruction", event, motivation: "", annotationsIncomplete: true })).toEqual({
        ok: false,
        error: "annotations_incompletes",
      });
      expect(planTransition({ state: "en_instruction", event, motivation: "Vu", annotationsIncomplete: false })).toMatchObject({
        ok: true,
      });
    },
  );

  it.each(["passer_en_instruction", "repasser_en_construction"] as const)(
    "%s does not depend on the annotations privées",
    (event) => {
      const state = event === "passer_en_instruction" ? "en_construction" : "en_instruction";
      expect(planTransition({ state, event, annotationsIncomplete: true })).toMatchObject({ ok: true });
    },
  );

  it("reports the state error before guard errors", () => {
    expect(planTransition({ state: "accepte", event: "refuser", motivation: "" })).toEqual({
      ok: false,
      error: "invalid_transition",
    });
    expect(planTransition({ state: "en_construction", event: "passer_en_construction", ineligible: true })).toEqual({
      ok: false,
      error: "invalid_transition",
    });
  });

  it.each(["refuser", "classer_sans_suite"] as const)("%s requires a non-blank motivation", (event) => {
    for (const motivation of [undefined, null, "", "  \n\t "]) {
      expect(planTransition({ state: "en_instruction", event, motivation })).toEqual({
        ok: false,
        error: "motivation_required",
      });
    }
    expect(planTransition({ state: "en_instruction", event, motivation: "  Hors délai \r\nVoir courrier " })).toMatchObject({
      ok: true,
      motivation: "Hors délai \nVoir courrier",
    });
  });

  it.each(["accepter", "refuser", "classer_sans_suite"] as const)("%s limits the motivation length", (event) => {
    const atLimit = "é".repeat(MOTIVATION_MAX_LENGTH);
    expect(planTransition({ state: "en_instruction", event, motivation: atLimit })).toMatchObject({ ok: true });
    expect(planTransition({ state: "en_instruction", event, motivation: `${atLimit}x` })).toEqual({
      ok: false,
      error: "motivation_too_long",
      params: { max: MOTIVATION_MAX_LENGTH },
    });
  });

  it("counts emoji as one character each", () => {
    const motivation = "👍".repeat(MOTIVATION_MAX_LENGTH);
    expect(planTransition({ state: "en_instruction", event: "accepter", motivation })).toMatchObject({ ok: true });
  });

  it("accepter takes an optional motivation", () => {
    expect(planTransition({ state: "en_instruction", event: "accepter" })).toMatchObject({ ok: true, motivation: null });
    expect(planTransition({ state: "en_instruction", event: "accepter", motivation: "  " })).toMatchObject({
      ok: true,
      motivation: null,
    });
    expect(planTransition({ state: "en_instruction", event: "accepter", motivation: " Bravo " })).toMatchObject({
      ok: true,
      to: "accepte",
      motivation: "Bravo",
    });
  });

  it("repasser_en_instruction clears the motivation", () => {
    expect(planTransition({ state: "refuse", event: "repasser_en_instruction", motivation: "old" })).toMatchObject({
      ok: true,
      motivation: null,
    });
  });
});

describe("the usager's re-submission en construction", () => {
  it("keeps the state, records depose_correction_usager, and is never an instructeur's button", () => {
    expect(planTransition({ state: "en_construction", event: "deposer_modifications" })).toMatchObject({
      ok: true,
      from: "en_construction",
      to: "en_construction",
      traitementEvent: "depose_correction_usager",
    });
    expect(instructeurEvents("en_construction")).toEqual(["passer_en_instruction"]);
    expect(instructeurEvents("brouillon")).toEqual([]);
  });

  it("is refused when the ineligibility rules match, not when the démarche is closed", () => {
    expect(planTransition({ state: "en_construction", event: "deposer_modifications", ineligible: true })).toEqual({
      ok: false,
      error: "ineligible",
    });
    expect(
      planTransition({ state: "en_construction", event: "deposer_modifications", procedureAcceptsSubmission: false }),
    ).toMatchObject({ ok: true });
  });
});

describe("state groups", () => {
  it("classifies states", () => {
    expect(DOSSIER_STATES.filter(isTermine)).toEqual(["accepte", "refuse", "sans_suite"]);
    expect(DOSSIER_STATES.filter(isEnCours)).toEqual(["en_construction", "en_instruction"]);
  });
});

describe("translations", () => {
  it.each(["fr", "en"] as const)("has %s labels for every state, event and error", (locale) => {
    const keys = [
      ...DOSSIER_STATES.map((s) => `dossiers.states.${s}`),
      ...DOSSIER_EVENTS.map((e) => `dossiers.events.${e}`),
      ...TRANSITION_ERROR_CODES.map((c) => `dossiers.transitionErrors.${c}`),
    ];
    for (const key of keys) expect(translate(locale, key)).not.toBe(key);
  });

  it("uses the reference's French state labels", () => {
    expect(DOSSIER_STATES.map((s) => translate("fr", `dossiers.states.${s}`))).toEqual([
      "Brouillon",
      "En construction",
      "En instruction",
      "Accepté",
      "Refusé",
      "Classé sans suite",
    ]);
    expect(translate("fr", "dossiers.transitionErrors.motivation_too_long", { max: 5000 })).toContain("5000");
  });
});
